import type { TopicConsumerGroup } from '@tributary/contract';
import type { GroupsGateway } from '../../kafka/groups-gateway.ts';
import { notFound } from '../errors.ts';
import { partitionLag, totalLag } from './describe.ts';
import { normalizeState } from './state.ts';

const CHUNK = 200;

async function chunked<T, R>(
  items: T[],
  fn: (chunk: T[]) => Promise<Map<string, R>>,
): Promise<Map<string, R>> {
  const out = new Map<string, R>();
  for (let i = 0; i < items.length; i += CHUNK)
    for (const [k, v] of await fn(items.slice(i, i + CHUNK))) out.set(k, v);
  return out;
}

/** The groups that read `topic` (committed offsets on it, or a member assigned to it), with their lag on it. */
export async function topicConsumerGroups(
  gateway: GroupsGateway,
  topic: string,
): Promise<TopicConsumerGroup[]> {
  const bounds = (await gateway.topicBounds([topic])).get(topic);
  if (!bounds) throw notFound(`Topic "${topic}" does not exist on cluster ${gateway.cluster}.`);
  const listed = await gateway.list();
  // Lag on one topic over every group: a missing broker's groups would make the answer wrong, not partial.
  if (listed.failed[0]) throw listed.failed[0].error;
  const groups = listed.groups.map((g) => ({
    ...g,
    state: normalizeState(g.rawState),
  }));
  const live = groups.filter((g) => g.state !== 'Empty' && g.state !== 'Dead');
  const [committed, classic, modern] = await Promise.all([
    chunked(
      groups.map((g) => g.groupId),
      (ids) => gateway.committedOffsets(ids),
    ),
    chunked(
      live.filter((g) => g.type === 'classic').map((g) => g.groupId),
      (ids) => gateway.describeClassic(ids),
    ),
    chunked(
      live.filter((g) => g.type === 'consumer').map((g) => g.groupId),
      (ids) => gateway.describeConsumerProtocol(ids),
    ),
  ]);
  const out: TopicConsumerGroup[] = [];
  for (const g of groups) {
    const offsets = committed.get(g.groupId)?.get(topic);
    const c = classic.get(g.groupId);
    const m = modern.get(g.groupId);
    const assigned = new Set<number>([
      ...(c?.members.flatMap((x) =>
        x.assignments.filter((a) => a.topic === topic).flatMap((a) => a.partitions),
      ) ?? []),
      ...(m?.members.flatMap((x) =>
        x.assignment.filter((a) => a.topicName === topic).flatMap((a) => a.partitions),
      ) ?? []),
    ]);
    if (!offsets && assigned.size === 0) continue;
    // Every partition of the topic, as the group page shows them: one the group never committed lags by its
    // whole log (CURRENT-OFFSET "-").
    const partitions = [...bounds.keys()]
      .sort((a, b) => a - b)
      .map((partition) => {
        const current = offsets?.get(partition);
        return {
          partition,
          currentOffset: current === undefined ? null : Number(current),
          logEndOffset: bounds.get(partition)?.high ?? 0,
          lag: partitionLag(current, bounds.get(partition)),
        };
      });
    out.push({
      groupId: g.groupId,
      state: g.state,
      type: g.type,
      members: c?.members.length ?? m?.members.length ?? 0,
      lag: totalLag(partitions),
      partitions,
    });
  }
  return out.sort((a, b) => a.groupId.localeCompare(b.groupId));
}
