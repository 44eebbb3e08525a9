// Group-less reading: fetch straight from the partition leader, never join, create or commit a group.
// kafkajs 2.2.4 (pinned) only reads through a consumer group, so this file (with its typed view of them in
// partition-reader-internals.ts) alone reaches into its internals: the client's private cluster factory (same
// brokers, SASL, socket factory) and the broker's Fetch/ListOffsets. The internals are frozen (the project is
// dormant); the integration tests pin the behaviour.
import { ClusterConnection, perConnection } from './cluster-connection.ts';
import { toDomainError, withDeadline } from './errors.ts';
import { abortable, DomainError } from '../domain/errors.ts';
import { registerReadCodecs } from './partition-reader-codecs.ts';
import { topicsGateway } from './topics-gateway.ts';
import { clusterFactory, type InternalCluster, type RawRecord } from './partition-reader-internals.ts';
import { FetchCoalescer, fetchPartition } from './partition-reader-fetch.ts';
import { walkRecordSet, type BatchTest } from './record-batches.ts';

export interface FetchedRecord {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  timestampType: 'CreateTime' | 'LogAppendTime';
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
}
export interface FetchResult {
  records: FetchedRecord[];
  highWatermark: string;
  logStartOffset: string;
  /** Where the next fetch should start: past the last batch read, control batches and compacted gaps included. */
  nextOffset: string;
  /** Records of batches the batch test passed over undecoded. */
  passedOver?: number;
}
export interface PartitionReader {
  /**
   * Records of one partition from `offset` on (at most ~maxBytes; the broker still sends one whole batch when
   * the first is larger), long-polling up to maxWaitMs when there is nothing yet. Control records are skipped.
   * An offset outside [logStartOffset, highWatermark] answers no records and the real bounds.
   */
  fetch(options: {
    topic: string;
    partition: number;
    offset: string;
    maxBytes: number;
    maxWaitMs: number;
    /** The broker answers once this much is there, or after maxWaitMs (default 1: as soon as anything is). */
    minBytes?: number;
    signal?: AbortSignal;
    /**
     * A search's look at each whole batch (decompressed) before its records are decoded: a batch it rejects
     * is passed over (its offsets still count in `nextOffset`). Ignored for the old message formats.
     */
    batchTest?: BatchTest | undefined;
  }): Promise<FetchResult>;
  /** Per partition: earliest (log start) and high watermark. Fails when any partition's leader does not answer. */
  offsets(topic: string): Promise<{ partition: number; low: string; high: string }[]>;
  /**
   * Like `offsets`, for the partitions whose leader answers; the others are listed with the reason (no leader,
   * or a leader that does not answer), so a read can go on with what is there.
   */
  availableOffsets(topic: string): Promise<AvailableOffsets>;
  /** First offset at or after `timestampMs` per partition (high watermark when none). */
  offsetsForTime(topic: string, timestampMs: number): Promise<{ partition: number; offset: string }[]>;
}

export interface AvailableOffsets {
  bounds: { partition: number; low: string; high: string }[];
  unavailable: { partition: number; reason: string }[];
}

// A page of messages reads the topic's partitions and leaders at each click: metadata this young is reused
// (offsets are always asked afresh; a leader that does not answer makes the next read ask again).
const METADATA_MAX_AGE_MS = 3000;

/**
 * Through the admin path (kafka/admin): Metadata that survives a leaderless partition, then ListOffsets to
 * each leader on its own, skipping leaders our own probe cannot reach.
 */
async function availableOffsetsOf(connection: ClusterConnection, topic: string): Promise<AvailableOffsets> {
  const { topic: metadata, offsets: listed } = await topicsGateway(connection).topicWithOffsets(
    topic,
    METADATA_MAX_AGE_MS,
  );
  const { offsets, failed, refused } = listed;
  const known = new Map(offsets.map((o) => [o.partition, o]));
  const failedBy = new Map(failed.map((f) => [f.broker, f.error.message]));
  const refusedWith = new Map(refused.map((r) => [r.partition, r.error]));
  const bounds: AvailableOffsets['bounds'] = [];
  const unavailable: AvailableOffsets['unavailable'] = [];
  for (const p of metadata.partitions) {
    const o = known.get(p.partition);
    if (o) bounds.push({ partition: p.partition, low: o.start.toString(), high: o.end.toString() });
    else
      unavailable.push({
        partition: p.partition,
        reason:
          p.leader === null
            ? 'it has no leader'
            : refusedWith.has(p.partition)
              ? `its leader, broker ${p.leader}, answered ${refusedWith.get(p.partition)} for its offsets`
              : `its leader, broker ${p.leader}, does not answer (${failedBy.get(p.leader) ?? 'no offsets'})`,
      });
  }
  return { bounds, unavailable };
}

const READ_UNCOMMITTED = 0; // like kafka-console-consumer's default isolation level
const LOG_APPEND_TIME = 1;
const OFFSET_OUT_OF_RANGE = 1;
const LEADER_MOVED = new Set([
  'NOT_LEADER_FOR_PARTITION', // kafkajs's name for NOT_LEADER_OR_FOLLOWER
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
]);

function toRecords(topic: string, partition: number, messages: RawRecord[]): FetchedRecord[] {
  const records: FetchedRecord[] = [];
  for (const r of messages) {
    if (r.isControlRecord) continue; // transaction commit/abort markers are not messages
    const headers: FetchedRecord['headers'] = [];
    for (const [key, value] of Object.entries(r.headers ?? {})) {
      for (const v of Array.isArray(value) ? value : [value]) headers.push({ key, value: v ?? null });
    }
    records.push({
      topic,
      partition,
      offset: r.offset,
      timestamp: r.timestamp,
      timestampType: r.batchContext?.timestampType === LOG_APPEND_TIME ? 'LogAppendTime' : 'CreateTime',
      key: r.key ?? null,
      value: r.value ?? null,
      headers,
    });
  }
  return records;
}

function nextOffsetOf(messages: RawRecord[], offset: string): string {
  let next = BigInt(offset);
  for (const r of messages) {
    const context = r.batchContext;
    const end = context
      ? BigInt(context.firstOffset) + BigInt(context.lastOffsetDelta) + 1n
      : BigInt(r.offset) + 1n;
    if (end > next) next = end;
  }
  return next.toString();
}

class KafkaJsPartitionReader implements PartitionReader {
  private clusterPromise: Promise<InternalCluster> | undefined;

  constructor(
    private readonly connection: ClusterConnection,
    /** Whose admin path answers `availableOffsets` (a tail's own reader uses its cluster's). */
    private readonly adminConnection: ClusterConnection = connection,
    /** A tail's reader sends its partitions' fetches to a broker together (see FetchCoalescer). */
    private readonly fetches?: FetchCoalescer,
  ) {}

  availableOffsets(topic: string): Promise<AvailableOffsets> {
    return availableOffsetsOf(this.adminConnection, topic);
  }

  private cluster(): Promise<InternalCluster> {
    this.clusterPromise ??= (async () => {
      registerReadCodecs();
      // No auto-creation: reading a topic that does not exist must not create it.
      const cluster = clusterFactory(this.connection.kafka)({
        allowAutoTopicCreation: false,
        isolationLevel: READ_UNCOMMITTED,
        metadataMaxAge: 10_000,
      });
      await withDeadline(
        cluster.connect(),
        this.connection.options.requestTimeoutMs * 2,
        'connecting the reader',
      );
      this.connection.onClose(() => cluster.disconnect());
      return cluster;
    })().catch((error: unknown) => {
      this.clusterPromise = undefined;
      throw error;
    });
    return this.clusterPromise;
  }

  private async partitionsOf(cluster: InternalCluster, topic: string) {
    try {
      await cluster.addTargetTopic(topic);
      await cluster.refreshMetadataIfNecessary();
    } catch (error) {
      // A broker that died may fail the refresh; what kafkajs knew still names this partition's leader,
      // and a leader that moved answers NOT_LEADER, which refreshes again (see call()).
      let known: ReturnType<InternalCluster['findTopicPartitionMetadata']> = [];
      try {
        known = cluster.findTopicPartitionMetadata(topic);
      } catch {
        // nothing known yet
      }
      if (toDomainError(error).code === 'KAFKA_UNAVAILABLE' && known.length > 0) return known;
      if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
      // One deleted topic among the remembered ones fails every metadata refresh: forget them all, retry once.
      cluster.targetTopics = new Set();
      await cluster.addTargetTopic(topic);
    }
    const metadata = cluster.findTopicPartitionMetadata(topic);
    if (metadata.length === 0) throw new DomainError('NOT_FOUND', `Topic "${topic}" does not exist.`);
    return metadata;
  }

  private async call<T>(what: string, context: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const type = (error as { type?: string }).type;
        // A leader that moved (or a topic created a moment ago): refresh metadata and ask again.
        if (attempt < 4 && type && type !== 'UNKNOWN_TOPIC_OR_PARTITION' && LEADER_MOVED.has(type)) {
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
          await (await this.cluster()).refreshMetadata().catch(() => undefined);
          continue;
        }
        this.fail(error, what, context);
      }
    }
  }

  private fail(error: unknown, what: string, context: Record<string, unknown>): never {
    const e = error as { type?: string; name?: string };
    if (e.type === 'UNKNOWN_TOPIC_OR_PARTITION' || e.name === 'KafkaJSTopicMetadataNotLoaded')
      throw new DomainError('NOT_FOUND', `Topic "${String(context.topic)}" does not exist.`, context);
    if (e.name === 'KafkaJSNotImplemented')
      throw new DomainError('KAFKA_ERROR', `Cannot read these records: ${(error as Error).message}`, context);
    throw toDomainError(error, { cluster: this.connection.name, what, ...context });
  }

  fetch(options: Parameters<PartitionReader['fetch']>[0]): Promise<FetchResult> {
    const { topic, partition } = options;
    return this.call('fetch', { topic, partition }, () =>
      abortable(this.fetchOnce(options, true), options.signal, 'The read was stopped.'),
    );
  }

  private async fetchOnce(
    options: Parameters<PartitionReader['fetch']>[0],
    retry: boolean,
  ): Promise<FetchResult> {
    const { topic, partition, offset, maxBytes, maxWaitMs, minBytes = 1 } = options;
    const cluster = await this.cluster();
    const metadata = await this.partitionsOf(cluster, topic);
    const leader = metadata.find((p) => p.partitionId === partition)?.leader;
    if (leader === undefined)
      throw new DomainError('NOT_FOUND', `Topic "${topic}" has no partition ${partition}.`);
    try {
      const broker = await cluster.findBroker({ nodeId: leader });
      const args = {
        replicaId: -1,
        isolationLevel: READ_UNCOMMITTED,
        maxWaitTime: maxWaitMs,
        minBytes,
        maxBytes,
        topic,
        partition,
        fetchOffset: offset,
      };
      const raw = await (this.fetches ? this.fetches.fetch(broker, args) : fetchPartition(broker, args));
      if (!raw) return { records: [], highWatermark: offset, logStartOffset: offset, nextOffset: offset };
      const bounds = { highWatermark: raw.highWatermark, logStartOffset: raw.lastStartOffset };
      if (raw.recordSet) {
        const walked = walkRecordSet(raw.recordSet, {
          topic,
          partition,
          fromOffset: BigInt(offset),
          test: options.batchTest,
        });
        return {
          ...bounds,
          records: walked.records,
          nextOffset: walked.nextOffset.toString(),
          passedOver: walked.passedOver,
        };
      }
      const messages = raw.messages ?? [];
      return {
        ...bounds,
        // A batch holds records before `offset` when the fetch started inside it: they are not asked for.
        records: toRecords(topic, partition, messages).filter((r) => BigInt(r.offset) >= BigInt(offset)),
        nextOffset: nextOffsetOf(messages, offset),
      };
    } catch (error) {
      const e = error as { type?: string; code?: number };
      if (e.code === OFFSET_OUT_OF_RANGE || e.type === 'OFFSET_OUT_OF_RANGE') {
        const bounds = (await this.offsets(topic)).find((p) => p.partition === partition);
        const low = bounds?.low ?? offset;
        const high = bounds?.high ?? offset;
        return {
          records: [],
          highWatermark: high,
          logStartOffset: low,
          nextOffset: BigInt(offset) < BigInt(low) ? low : high,
        };
      }
      if (retry && e.type && LEADER_MOVED.has(e.type)) {
        await cluster.refreshMetadata();
        return this.fetchOnce(options, false);
      }
      throw error;
    }
  }

  offsets(topic: string): Promise<{ partition: number; low: string; high: string }[]> {
    return this.call('list offsets', { topic }, async () => {
      const cluster = await this.cluster();
      const partitions = (await this.partitionsOf(cluster, topic)).map((p) => ({ partition: p.partitionId }));
      const [low, high] = await Promise.all([
        cluster.fetchTopicsOffset([{ topic, partitions, fromBeginning: true }]),
        cluster.fetchTopicsOffset([{ topic, partitions, fromBeginning: false }]),
      ]);
      const lows = new Map(low[0]?.partitions.map((p) => [p.partition, p.offset]));
      return (high[0]?.partitions ?? [])
        .map((p) => ({ partition: p.partition, low: lows.get(p.partition) ?? '0', high: p.offset }))
        .sort((a, b) => a.partition - b.partition);
    });
  }

  offsetsForTime(topic: string, timestampMs: number): Promise<{ partition: number; offset: string }[]> {
    return this.call('offsets for time', { topic, timestampMs }, async () => {
      const cluster = await this.cluster();
      const partitions = (await this.partitionsOf(cluster, topic)).map((p) => ({ partition: p.partitionId }));
      const [atTime, bounds] = await Promise.all([
        cluster.fetchTopicsOffset([{ topic, partitions, fromTimestamp: timestampMs }]),
        this.offsets(topic),
      ]);
      const highs = new Map(bounds.map((b) => [b.partition, b.high]));
      return (atTime[0]?.partitions ?? [])
        .map((p) => ({
          partition: p.partition,
          // -1: no record at or after that time.
          offset: BigInt(p.offset) >= 0n ? p.offset : (highs.get(p.partition) ?? '0'),
        }))
        .sort((a, b) => a.partition - b.partition);
    });
  }
}

/** The cluster's group-less reader: one shared internal cluster per connection, closed with it. */
export const partitionReader: (connection: ClusterConnection) => PartitionReader = perConnection(
  (connection) => new KafkaJsPartitionReader(connection),
);

export interface OwnPartitionReader extends PartitionReader {
  readonly cluster: string;
  /** Closes this reader's own Kafka connections. */
  close(): Promise<void>;
}

/**
 * A reader on a kafkajs client of its own (one per live tail): its long polls never queue behind another
 * reader's, its partitions' fetches to one broker go in one request, and closing it closes exactly its
 * connections.
 */
export function ownPartitionReader(connection: ClusterConnection): OwnPartitionReader {
  const own = new ClusterConnection(connection.config, connection.options, connection.health);
  const reader = new KafkaJsPartitionReader(own, connection, new FetchCoalescer());
  return {
    cluster: connection.name,
    fetch: (options) => reader.fetch(options),
    offsets: (topic) => reader.offsets(topic),
    availableOffsets: (topic) => reader.availableOffsets(topic),
    offsetsForTime: (topic, timestampMs) => reader.offsetsForTime(topic, timestampMs),
    close: () => own.close(),
  };
}
