// Consumer-group calls kafkajs can make itself (classic groups, topic offsets, delete). Gaps — group types,
// KIP-848 groups, admin offset commits — live in consumer-groups.ts.
import { AssignerProtocol } from 'kafkajs';
import type { ClusterConnection } from '../cluster-connection.ts';
import { COORDINATOR_BUSY } from './errors.ts';

export interface ClassicMember {
  memberId: string;
  clientId: string;
  clientHost: string;
  assignments: { topic: string; partitions: number[] }[];
}
export interface ClassicGroup {
  groupId: string;
  /** As DescribeGroups v2 says it: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead. */
  state: string;
  protocolType: string;
  protocol: string;
  members: ClassicMember[];
}

/** The consumer protocol's assignment bytes; other protocols (or garbage) decode to no partitions. */
function decodeAssignment(protocolType: string, bytes: Buffer): ClassicMember['assignments'] {
  if (protocolType !== 'consumer' || bytes.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(bytes);
    return Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({
      topic,
      partitions: [...partitions].sort((a, b) => a - b),
    }));
  } catch {
    return [];
  }
}

/**
 * kafkajs retries a group call once; a coordinator that is still loading `__consumer_offsets` (fresh cluster,
 * broker restart) needs a few seconds. Bounded: about 8 s of pauses, and the caller's deadline still applies.
 */
export async function whileCoordinatorBusy<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      let busy = false;
      for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
        const { type, name } = e as { type?: unknown; name?: unknown };
        busy ||= COORDINATOR_BUSY.has(String(type)) || name === 'KafkaJSGroupCoordinatorNotFound';
        e = (e as { cause?: unknown }).cause;
      }
      if (!busy || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * 2 ** attempt)));
    }
  }
}

export async function describeClassicGroups(
  connection: ClusterConnection,
  groupIds: string[],
): Promise<Map<string, ClassicGroup>> {
  if (groupIds.length === 0) return new Map();
  const { groups } = await connection.withAdmin('describing consumer groups', (admin) =>
    whileCoordinatorBusy(() => admin.describeGroups(groupIds)),
  );
  return new Map(
    groups.map((g) => [
      g.groupId,
      {
        groupId: g.groupId,
        state: g.state,
        protocolType: g.protocolType,
        protocol: g.protocol,
        members: g.members.map((m) => ({
          memberId: m.memberId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          assignments: decodeAssignment(g.protocolType, m.memberAssignment),
        })),
      },
    ]),
  );
}

export interface PartitionBounds {
  /** Log start offset (earliest). */
  low: number;
  /** High watermark: LOG-END-OFFSET as `kafka-consumer-groups` prints it. */
  high: number;
}

/** Earliest and log-end offsets per partition of each topic; topics that no longer exist are left out. */
export async function topicBounds(
  connection: ClusterConnection,
  topics: Iterable<string>,
): Promise<Map<string, Map<number, PartitionBounds>>> {
  const out = new Map<string, Map<number, PartitionBounds>>();
  const queue = [...new Set(topics)];
  // A few at a time: each topic is a Metadata + ListOffsets round trip, and a page may hold many topics.
  const worker = async () => {
    for (let topic = queue.shift(); topic !== undefined; topic = queue.shift()) {
      try {
        const offsets = await connection.withAdmin(
          'fetching topic offsets',
          (admin) => admin.fetchTopicOffsets(topic),
          {
            topic,
          },
        );
        out.set(
          topic,
          new Map(offsets.map((o) => [o.partition, { low: Number(o.low), high: Number(o.high) }])),
        );
      } catch (error) {
        if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
  return out;
}

/** First offset with a timestamp at or after `timestamp`, per partition (-1: none, the caller decides). */
export async function offsetsForTimestamp(
  connection: ClusterConnection,
  topic: string,
  timestamp: number,
): Promise<Map<number, number>> {
  const offsets = await connection.withAdmin(
    'looking up offsets by timestamp',
    (admin) => admin.fetchTopicOffsetsByTimestamp(topic, timestamp),
    { topic, timestamp },
  );
  return new Map(offsets.map((o) => [o.partition, Number(o.offset)]));
}

/** DeleteGroups; the per-group error kafkajs hides in `groups[].error` (NON_EMPTY_GROUP …) is the answer. */
export async function deleteGroup(connection: ClusterConnection, groupId: string): Promise<void> {
  await connection.withAdmin(
    'deleting the consumer group',
    async (admin) => {
      try {
        await whileCoordinatorBusy(() => admin.deleteGroups([groupId]));
      } catch (error) {
        const groups = (error as { groups?: { error?: unknown }[] }).groups;
        throw groups?.find((g) => g.error)?.error ?? error;
      }
    },
    { group: groupId },
  );
}
