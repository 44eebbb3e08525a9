// Why: kafkajs' fetchTopicOffsets asks one topic at a time and, like deleteTopicRecords, first refreshes
// metadata that fails outright when any partition has no leader. ListOffsets and DeleteRecords go here
// straight to each partition's leader, many topics per request.
import { protocolErrorsCodesById, type Admin } from '@platformatic/kafka';
import type { ClusterConnection } from '../cluster-connection.ts';
import { fromGapError, runGap } from './errors.ts';
import { DomainError } from '../../domain/errors.ts';
import { brokerHealth, unreachableError } from '../broker-health.ts';
import type { MetadataView } from './metadata.ts';
import { brokerConnection, callApi } from './protocol.ts';
import { topicPartitionKey } from '../topic-partition-key.ts';

export interface PartitionOffsets {
  topic: string;
  partition: number;
  /** LOG-START-OFFSET */
  start: bigint;
  /** LOG-END-OFFSET (high watermark) */
  end: bigint;
}

type Wanted = { name: string; partitions: number[] }[];
type ByLeader = Map<number, Map<string, number[]>>;

/** Groups the wanted partitions by their leader; partitions without a leader are left out. */
function byLeader(metadata: MetadataView, wanted: Wanted): ByLeader {
  const groups: ByLeader = new Map();
  const topics = new Map(metadata.topics.map((t) => [t.name, t]));
  for (const w of wanted) {
    for (const partition of w.partitions) {
      const leader = topics.get(w.name)?.partitions.find((p) => p.partition === partition)?.leader;
      if (leader === null || leader === undefined) continue;
      const forLeader = groups.get(leader) ?? new Map<string, number[]>();
      forLeader.set(w.name, [...(forLeader.get(w.name) ?? []), partition]);
      groups.set(leader, forLeader);
    }
  }
  return groups;
}

async function perLeader<T>(
  admin: Admin,
  metadata: MetadataView,
  groups: ByLeader,
  call: (
    admin: Admin,
    connection: Awaited<ReturnType<typeof brokerConnection>>,
    topics: Map<string, number[]>,
  ) => Promise<T>,
): Promise<T[]> {
  const brokers = new Map(metadata.brokers.map((b) => [b.id, b]));
  return Promise.all(
    [...groups].flatMap(([leader, topics]) => {
      const broker = brokers.get(leader);
      return broker ? [brokerConnection(admin, broker).then((c) => call(admin, c, topics))] : [];
    }),
  );
}

export interface ListOffsetsResponse {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number; offset: bigint }[] }[];
}

const EARLIEST = -2n;
const LATEST = -1n;

export interface PartitionOffsetsResult {
  offsets: PartitionOffsets[];
  /** Leaders that did not answer: their partitions' offsets stay unknown, the others are still known. */
  failed: { broker: number; error: DomainError }[];
  /** Partitions their leader answered with an error (one it no longer leads, say): their offsets stay unknown. */
  refused: PartitionRefusal[];
}

export interface PartitionRefusal {
  topic: string;
  partition: number;
  /** Kafka's name for the error, like NOT_LEADER_OR_FOLLOWER. */
  error: string;
}

/**
 * Earliest and latest offsets of the given partitions; partitions without a leader are left out. Each
 * leader is asked on its own, so a broker that went away (still listed as leader) costs only its partitions.
 */
export async function listPartitionOffsets(
  connection: ClusterConnection,
  metadata: MetadataView,
  wanted: Wanted,
): Promise<PartitionOffsetsResult> {
  const groups = byLeader(metadata, wanted);
  const offsets: PartitionOffsets[] = [];
  const failed: PartitionOffsetsResult['failed'] = [];
  const refused: PartitionRefusal[] = [];
  if (groups.size === 0) return { offsets, failed, refused };
  const ask = (
    admin: Admin,
    c: Awaited<ReturnType<typeof brokerConnection>>,
    topics: Map<string, number[]>,
    timestamp: bigint,
  ) =>
    callApi<ListOffsetsResponse>(
      admin,
      'ListOffsets',
      c,
      [
        -1, // replica id of a client
        0, // READ_UNCOMMITTED: the high watermark, like kafka-get-offsets
        [...topics].map(([name, partitions]) => ({
          name,
          partitions: partitions.map((partitionIndex) => ({
            partitionIndex,
            currentLeaderEpoch: -1,
            timestamp,
          })),
        })),
      ],
      true, // a partition that moved meanwhile just stays unknown
    );
  const brokers = new Map(metadata.brokers.map((b) => [b.id, b]));
  // A leader our own probe cannot reach is not asked: a stalled one would hold the page for the deadline.
  const contacts = await brokerHealth(connection).probe();
  await runGap(connection, 'listing offsets', (admin) =>
    Promise.all(
      [...groups].map(async ([leader, topics]) => {
        const broker = brokers.get(leader);
        if (!broker) return;
        const unreachable = unreachableError(contacts, leader);
        if (unreachable) {
          failed.push({ broker: leader, error: unreachable });
          return;
        }
        try {
          const c = await brokerConnection(admin, broker);
          const [earliest, latest] = await Promise.all([
            ask(admin, c, topics, EARLIEST),
            ask(admin, c, topics, LATEST),
          ]);
          const paired = pairOffsets(earliest, latest);
          offsets.push(...paired.offsets);
          refused.push(...paired.refused);
        } catch (error) {
          const mapped = fromGapError(error, { broker: leader });
          if (mapped.code !== 'KAFKA_UNAVAILABLE') throw mapped;
          failed.push({ broker: leader, error: mapped });
        }
      }),
    ),
  );
  return { offsets, failed, refused };
}

const errorName = (code: number) => protocolErrorsCodesById[code] ?? `error code ${code}`;

/** Pairs each partition's earliest and latest offsets; a partition either answer refused is in `refused`. */
export function pairOffsets(
  earliest: ListOffsetsResponse,
  latest: ListOffsetsResponse,
): { offsets: PartitionOffsets[]; refused: PartitionRefusal[] } {
  const ends = new Map<string, { offset: bigint; errorCode: number }>();
  for (const t of latest.topics)
    for (const p of t.partitions) ends.set(topicPartitionKey(t.name, p.partitionIndex), p);
  const offsets: PartitionOffsets[] = [];
  const refused: PartitionRefusal[] = [];
  for (const t of earliest.topics)
    for (const p of t.partitions) {
      const end = ends.get(topicPartitionKey(t.name, p.partitionIndex));
      const errorCode = p.errorCode || end?.errorCode || 0;
      if (errorCode !== 0)
        refused.push({ topic: t.name, partition: p.partitionIndex, error: errorName(errorCode) });
      else if (end)
        offsets.push({ topic: t.name, partition: p.partitionIndex, start: p.offset, end: end.offset });
    }
  return { offsets, refused };
}

interface DeleteRecordsResponse {
  topics: {
    name: string;
    partitions: { partitionIndex: number; lowWatermark: bigint; errorCode: number }[];
  }[];
}

const HIGH_WATERMARK = -1n;

/** DeleteRecords up to the high watermark on each partition's leader; any partition's error fails the call. */
export async function deleteRecordsToEnd(
  connection: ClusterConnection,
  metadata: MetadataView,
  topic: string,
  partitions: number[],
): Promise<{ partition: number; startOffset: bigint }[]> {
  const groups = byLeader(metadata, [{ name: topic, partitions }]);
  const answers = await runGap(
    connection,
    'purging records',
    (admin) =>
      perLeader(admin, metadata, groups, (a, c, topics) =>
        callApi<DeleteRecordsResponse>(a, 'DeleteRecords', c, [
          [...topics].map(([name, ps]) => ({
            name,
            partitions: ps.map((partitionIndex) => ({ partitionIndex, offset: HIGH_WATERMARK })),
          })),
          connection.options.requestTimeoutMs,
        ]),
      ),
    { topic },
  );
  return answers
    .flatMap((r) => r.topics.flatMap((t) => t.partitions))
    .map((p) => ({ partition: p.partitionIndex, startOffset: p.lowWatermark }))
    .sort((a, b) => a.partition - b.partition);
}
