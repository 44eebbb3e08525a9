import type {
  GroupDetail,
  GroupMember,
  GroupState,
  GroupType,
  PartitionOffsetRow,
} from '@tributary/contract';
import type { GroupsGateway, PartitionBounds } from '../../kafka/groups-gateway.ts';
import { notFound } from '../errors.ts';
import { normalizeState } from './state.ts';
import { topicPartitionKey } from '../../kafka/topic-partition-key.ts';

/** topic → partition → committed offset */
export type Committed = Map<string, Map<number, bigint>>;

export interface GroupCore {
  groupId: string;
  state: GroupState;
  type: GroupType;
  assignmentStrategy: string;
  members: GroupMember[];
  committed: Committed;
}

/**
 * State, type, members and committed offsets of one group. DescribeGroups first (classic); a `Dead` answer
 * may be a KIP-848 group, which only ConsumerGroupDescribe can see. Unknown everywhere → 404.
 */
export async function loadGroup(groups: GroupsGateway, groupId: string): Promise<GroupCore> {
  const [classic, committed] = await Promise.all([
    groups.describeClassic([groupId]).then((m) => m.get(groupId)),
    groups.committedOffsets([groupId]).then((m) => m.get(groupId) ?? new Map()),
  ]);
  if (classic && classic.state !== 'Dead') {
    return {
      groupId,
      state: normalizeState(classic.state),
      type: 'classic',
      assignmentStrategy: classic.protocol,
      members: classic.members.map((m) => ({
        consumerId: m.memberId,
        groupInstanceId: null,
        host: m.clientHost,
        clientId: m.clientId,
        assignments: m.assignments,
      })),
      committed,
    };
  }
  const modern = (await groups.describeConsumerProtocol([groupId])).get(groupId);
  if (modern) {
    return {
      groupId,
      state: normalizeState(modern.groupState),
      type: 'consumer',
      assignmentStrategy: modern.assignorName,
      members: modern.members.map((m) => ({
        consumerId: m.memberId,
        groupInstanceId: m.instanceId,
        host: m.clientHost,
        clientId: m.clientId,
        assignments: m.assignment
          .map((a) => ({ topic: a.topicName, partitions: [...a.partitions].sort((x, y) => x - y) }))
          .sort((a, b) => a.topic.localeCompare(b.topic)),
      })),
      committed,
    };
  }
  if (committed.size > 0) {
    return { groupId, state: 'Empty', type: 'classic', assignmentStrategy: '', members: [], committed };
  }
  throw notFound(`Consumer group "${groupId}" does not exist on cluster ${groups.cluster}.`, {
    group: groupId,
  });
}

/** Every topic the group reads: committed offsets and current assignments. */
export function groupTopics(core: Pick<GroupCore, 'members' | 'committed'>): Set<string> {
  const topics = new Set(core.committed.keys());
  for (const m of core.members) for (const a of m.assignments) topics.add(a.topic);
  return topics;
}

export const lagOf = (current: bigint | undefined, end: number | undefined): number | null =>
  current === undefined || end === undefined ? null : Math.max(0, end - Number(current));

/**
 * A partition's lag for a group: from its committed offset, or — never committed — everything still in the
 * log (LOG-END-OFFSET − log start), which is what a consumer starting from the earliest offset has to read.
 */
export const partitionLag = (
  current: bigint | undefined,
  bounds: PartitionBounds | undefined,
): number | null =>
  bounds === undefined
    ? null
    : current === undefined
      ? Math.max(0, bounds.high - bounds.low)
      : lagOf(current, bounds.high);

/**
 * One row per partition, like `kafka-consumer-groups --describe`: assigned partitions (with or without a
 * committed offset) and committed partitions nobody is assigned (consumer columns `-`, here null) — and,
 * beyond the tool, the other partitions of the topics the group reads, never committed (CURRENT-OFFSET `-`,
 * lag = what is in the log), so a partition added later or never reached is not missing from the lag.
 */
export function offsetRows(
  core: Pick<GroupCore, 'members' | 'committed'>,
  bounds: Map<string, Map<number, PartitionBounds>>,
): PartitionOffsetRow[] {
  const rows = new Map<string, PartitionOffsetRow>();
  const row = (topic: string, partition: number, member: GroupMember | null) => {
    const partitionBounds = bounds.get(topic)?.get(partition);
    if (partitionBounds === undefined) return; // the topic (or partition) is gone: nothing to measure against
    const current = core.committed.get(topic)?.get(partition);
    rows.set(topicPartitionKey(topic, partition), {
      topic,
      partition,
      currentOffset: current === undefined ? null : Number(current),
      logEndOffset: partitionBounds.high,
      lag: partitionLag(current, partitionBounds),
      consumerId: member?.consumerId ?? null,
      host: member?.host ?? null,
      clientId: member?.clientId ?? null,
    });
  };
  for (const member of core.members)
    for (const a of member.assignments) for (const p of a.partitions) row(a.topic, p, member);
  for (const [topic, partitions] of core.committed)
    for (const p of partitions.keys()) if (!rows.has(topicPartitionKey(topic, p))) row(topic, p, null);
  for (const topic of groupTopics(core))
    for (const p of bounds.get(topic)?.keys() ?? [])
      if (!rows.has(topicPartitionKey(topic, p))) row(topic, p, null);
  return [...rows.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

export function totalLag(rows: { lag: number | null }[]): number | null {
  const lags = rows.map((r) => r.lag).filter((l): l is number => l !== null);
  return lags.length === 0 ? null : lags.reduce((a, b) => a + b, 0);
}

export async function describeGroup(groups: GroupsGateway, groupId: string): Promise<GroupDetail> {
  const core = await loadGroup(groups, groupId);
  const [bounds, coordinators] = await Promise.all([
    groups.topicBounds(groupTopics(core)),
    groups.coordinators([groupId]),
  ]);
  const offsets = offsetRows(core, bounds);
  return {
    groupId,
    state: core.state,
    type: core.type,
    coordinator: coordinators.get(groupId) ?? null,
    assignmentStrategy: core.assignmentStrategy,
    members: core.members,
    offsets,
    totalLag: totalLag(offsets),
  };
}
