// Consumer-group gaps of kafkajs 2.2.4, reached through @platformatic/kafka:
// - ListGroups v5 carries the group type (kafkajs's v2 cannot tell classic from KIP-848 `consumer` groups);
// - ConsumerGroupDescribe describes `consumer` groups (kafkajs's DescribeGroups says `Dead`);
// - OffsetCommit with generation -1 and an empty member id commits like the Java AdminClient, without joining
//   the group (kafkajs's setOffsets joins it as a member);
// - OffsetDelete removes a group's offsets for one topic (kafkajs has no such call).
import type { ClusterConnection } from '../cluster-connection.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Admin } from '@platformatic/kafka';
import { withDeadline } from '../errors.ts';
import { COORDINATOR_BUSY, findProtocolError, fromGapError } from './errors.ts';
import { onGapAdmin } from './client.ts';
import { consumerGroupDescribeV0, type ConsumerProtocolGroup } from './consumer-group-describe.ts';
import { readMetadata } from './metadata.ts';
import { brokerConnection, callApi } from './protocol.ts';
import { brokerHealth, unreachableError } from '../broker-health.ts';

export interface ListedGroup {
  groupId: string;
  /** As the broker spells it, upper-cased by the library (e.g. `PREPARINGREBALANCE`). */
  rawState: string;
  type: 'classic' | 'consumer';
  protocolType: string;
}

/** One gap call within the usual deadline; retried while the coordinator is busy, as the Java clients do. */
async function gap<T>(
  connection: ClusterConnection,
  what: string,
  call: (admin: Admin) => Promise<T>,
  context: Record<string, unknown>,
): Promise<T> {
  const deadline = Date.now() + connection.options.requestTimeoutMs * 2;
  for (let attempt = 0; ; attempt++) {
    try {
      return await onGapAdmin(connection, (admin) =>
        withDeadline(call(admin), Math.max(1, deadline - Date.now()), what),
      );
    } catch (error) {
      const pause = Math.min(1000, 100 * 2 ** attempt);
      const busy = COORDINATOR_BUSY.has(findProtocolError(error)?.apiId ?? '');
      if (!busy || Date.now() + pause >= deadline)
        throw fromGapError(error, { cluster: connection.name, ...context });
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

interface ListGroupsResponse {
  groups: { groupId: string; protocolType: string; groupState: string; groupType: string }[];
}

export interface ListedGroups {
  groups: ListedGroup[];
  /** Brokers that did not answer: the groups they coordinate are missing from `groups`. */
  failed: { broker: number; error: DomainError }[];
}

/**
 * Every classic and KIP-848 consumer group, with its type: ListGroups v5 asked of each broker on its own
 * (each lists the groups it coordinates), so a broker that is down costs only its own groups.
 */
export async function listGroupsWithType(connection: ClusterConnection): Promise<ListedGroups> {
  const { brokers } = await readMetadata(connection, []);
  const contacts = await brokerHealth(connection).probe();
  const out: ListedGroup[] = [];
  const failed: ListedGroups['failed'] = [];
  await Promise.all(
    brokers.map(async (broker) => {
      const unreachable = unreachableError(contacts, broker.id);
      if (unreachable) {
        failed.push({ broker: broker.id, error: unreachable });
        return;
      }
      try {
        const answer = await gap(
          connection,
          `listing the consumer groups of broker ${broker.id}`,
          async (admin) =>
            callApi<ListGroupsResponse>(admin, 'ListGroups', await brokerConnection(admin, broker), [
              [],
              ['classic', 'consumer'],
            ]),
          { broker: broker.id },
        );
        for (const g of answer.groups) {
          // Classic groups of other protocols (Kafka Connect workers: `connect`) are not consumer groups;
          // an empty protocol type is a group that only has committed offsets.
          if (g.groupType === 'classic' && g.protocolType !== 'consumer' && g.protocolType !== '') continue;
          out.push({
            groupId: g.groupId,
            rawState: g.groupState.toUpperCase(),
            type: g.groupType === 'consumer' ? 'consumer' : 'classic',
            protocolType: g.protocolType,
          });
        }
      } catch (error) {
        const mapped = fromGapError(error, { broker: broker.id });
        // A broker back from a stall still loading its groups counts as one that does not answer yet.
        const busy = COORDINATOR_BUSY.has(String(mapped.details?.kafkaError ?? ''));
        if (mapped.code !== 'KAFKA_UNAVAILABLE' && !busy) throw mapped;
        failed.push({ broker: broker.id, error: mapped });
      }
    }),
  );
  return { groups: out, failed: failed.sort((a, b) => a.broker - b.broker) };
}

export interface Coordinator {
  id: number;
  host: string;
  port: number;
}

export async function findGroupCoordinators(
  connection: ClusterConnection,
  groupIds: string[],
): Promise<Map<string, Coordinator>> {
  const found = await gap(
    connection,
    'finding the group coordinator',
    (admin) => admin.findCoordinator({ keyType: 0, keys: groupIds }),
    { groups: groupIds.length },
  );
  return new Map(found.map((c) => [c.key, { id: c.nodeId, host: c.host, port: c.port }]));
}

/**
 * Describes KIP-848 groups on their coordinators. Groups the broker does not know as `consumer` groups
 * (classic ones, unknown ids) are left out of the answer instead of failing the call.
 */
export async function describeConsumerProtocolGroups(
  connection: ClusterConnection,
  groupIds: string[],
): Promise<Map<string, ConsumerProtocolGroup>> {
  if (groupIds.length === 0) return new Map();
  const coordinators = await findGroupCoordinators(connection, groupIds);
  const byNode = new Map<number, string[]>();
  for (const id of groupIds) {
    const node = coordinators.get(id)?.id;
    if (node === undefined) continue;
    byNode.set(node, [...(byNode.get(node) ?? []), id]);
  }
  const answers = await gap(
    connection,
    'describing consumer-protocol groups',
    async (admin) => {
      const connections = await admin.connectToBrokers([...byNode.keys()]);
      return Promise.all(
        [...byNode].map(([node, ids]) => {
          const conn = connections.get(node);
          if (!conn)
            throw new DomainError('KAFKA_UNAVAILABLE', `Broker ${node} (group coordinator) is unreachable`);
          return consumerGroupDescribeV0.async(conn, ids, false);
        }),
      );
    },
    { groups: groupIds.length },
  );
  const out = new Map<string, ConsumerProtocolGroup>();
  for (const answer of answers) {
    for (const group of answer.groups) if (group.errorCode === 0) out.set(group.groupId, group);
  }
  return out;
}

/** Committed offsets per group: one OffsetFetch per coordinator for many groups. */
export async function fetchCommittedOffsets(
  connection: ClusterConnection,
  groupIds: string[],
): Promise<Map<string, Map<string, Map<number, bigint>>>> {
  const out = new Map<string, Map<string, Map<number, bigint>>>();
  if (groupIds.length === 0) return out;
  const groups = await gap(
    connection,
    'fetching committed offsets',
    (admin) => admin.listConsumerGroupOffsets({ groups: groupIds }),
    { groups: groupIds.length },
  );
  for (const group of groups) {
    const topics = new Map<string, Map<number, bigint>>();
    for (const topic of group.topics) {
      const partitions = new Map<number, bigint>();
      for (const p of topic.partitions)
        if (p.committedOffset >= 0n) partitions.set(p.partitionIndex, p.committedOffset);
      if (partitions.size > 0) topics.set(topic.name, partitions);
    }
    out.set(group.groupId, topics);
  }
  return out;
}

/** Commits offsets as an administrator: generation -1, empty member id; the group gets no member. */
export async function commitGroupOffsets(
  connection: ClusterConnection,
  groupId: string,
  offsets: { topic: string; partition: number; offset: number }[],
): Promise<void> {
  const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
  for (const o of offsets) {
    byTopic.set(o.topic, [
      ...(byTopic.get(o.topic) ?? []),
      { partition: o.partition, offset: BigInt(o.offset) },
    ]);
  }
  await gap(
    connection,
    'committing offsets',
    (admin) =>
      admin.alterConsumerGroupOffsets({
        groupId,
        topics: [...byTopic].map(([name, partitionOffsets]) => ({ name, partitionOffsets })),
      }),
    { group: groupId },
  );
}

/** OffsetDelete: the broker refuses (GROUP_SUBSCRIBED_TO_TOPIC) while a member still reads the topic. */
export async function deleteGroupOffsets(
  connection: ClusterConnection,
  groupId: string,
  topic: string,
  partitions: number[],
): Promise<number[]> {
  const deleted = await gap(
    connection,
    'deleting committed offsets',
    (admin) =>
      admin.deleteConsumerGroupOffsets({ groupId, topics: [{ name: topic, partitionIndexes: partitions }] }),
    { group: groupId, topic },
  );
  return deleted.flatMap((t) => t.partitionIndexes).sort((a, b) => a - b);
}
