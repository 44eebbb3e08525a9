import type { PartitionInfo, TopicDetail, TopicSummary } from '@tributary/contract';
import { DomainError } from '../errors.ts';
import type {
  MetadataSnapshot,
  PartitionOffsets,
  PartitionRefusal,
  ReplicaSize,
  TopicMetadata,
  TopicsGateway,
} from '../../kafka/topics-gateway.ts';
import { isInternalTopic } from './internal.ts';
import { topicPartitionKey } from '../../kafka/topic-partition-key.ts';

/** Offsets and replica sizes of a set of topics, fetched together (one ListOffsets/DescribeLogDirs each). */
export interface TopicDetails {
  offsets: Map<string, PartitionOffsets>;
  sizes: Map<string, Map<number, number>>;
  /** What could not be learned (a broker that did not answer): the values stay null and this says why. */
  warnings: string[];
}

/**
 * A broker going away is exactly when people open the console: metadata still answers, so the page is
 * shown with unknown offsets/sizes and a warning instead of failing as a whole. Other errors still fail.
 */
async function unlessUnavailable<T>(work: Promise<T>, fallback: T, what: string, warnings: string[]) {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'KAFKA_UNAVAILABLE') throw error;
    warnings.push(`${what} are unknown: ${error.message}`);
    return fallback;
  }
}

/** `snapshot`: the Metadata answer `topics` come from, when just read (saves reading it again). */
export async function fetchDetails(
  gateway: TopicsGateway,
  topics: TopicMetadata[],
  snapshot?: MetadataSnapshot,
): Promise<TopicDetails> {
  // Partitions without a leader cannot answer ListOffsets; they stay unknown (null).
  const led = topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.filter((p) => p.leader !== null).map((p) => p.partition),
  }));
  const all = topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partition) }));
  const warnings: string[] = [];
  const [offsets, sizes] = await Promise.all([
    unlessUnavailable(
      gateway.offsets(led, snapshot),
      { offsets: [], failed: [], refused: [] },
      'Offsets and message counts',
      warnings,
    ),
    unlessUnavailable(gateway.replicaSizes(all, snapshot), { sizes: [], failed: [] }, 'Sizes', warnings),
  ]);
  for (const { broker, error } of offsets.failed)
    warnings.push(`Offsets of the partitions led by broker ${broker} are unknown: ${error.message}`);
  warnings.push(...refusalWarnings(offsets.refused));
  for (const { broker, error } of sizes.failed)
    warnings.push(`Sizes on broker ${broker} are unknown: ${error.message}`);
  return {
    offsets: new Map(offsets.offsets.map((o) => [topicPartitionKey(o.topic, o.partition), o])),
    sizes: indexSizes(sizes.sizes),
    warnings,
  };
}

/** One sentence per error Kafka answered, naming a few of its partitions (a broken cluster has thousands). */
export function refusalWarnings(refused: PartitionRefusal[]): string[] {
  const byError = new Map<string, string[]>();
  for (const r of refused)
    byError.set(r.error, [...(byError.get(r.error) ?? []), `${r.topic}/${r.partition}`]);
  return [...byError].map(([error, partitions]) => {
    const named =
      partitions.slice(0, 5).join(', ') + (partitions.length > 5 ? ` and ${partitions.length - 5} more` : '');
    return `Offsets of ${partitions.length === 1 ? 'partition' : 'partitions'} ${named} are unknown: the leader answered ${error}.`;
  });
}

function indexSizes(sizes: ReplicaSize[]): Map<string, Map<number, number>> {
  const index = new Map<string, Map<number, number>>();
  for (const s of sizes) {
    const k = topicPartitionKey(s.topic, s.partition);
    const byBroker = index.get(k) ?? new Map<number, number>();
    byBroker.set(s.broker, s.sizeBytes);
    index.set(k, byBroker);
  }
  return index;
}

export function describePartitions(topic: TopicMetadata, details: TopicDetails | undefined): PartitionInfo[] {
  return topic.partitions.map((p) => {
    const offsets = details?.offsets.get(topicPartitionKey(topic.name, p.partition));
    const size =
      p.leader === null
        ? undefined
        : details?.sizes.get(topicPartitionKey(topic.name, p.partition))?.get(p.leader);
    return {
      partition: p.partition,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      offlineReplicas: p.offlineReplicas,
      startOffset: offsets ? offsets.start.toString() : null,
      endOffset: offsets ? offsets.end.toString() : null,
      sizeBytes: size ?? null,
    };
  });
}

/** A row of the topic list; sizes and counts stay null without details (or when a partition is unknown). */
export function summarize(topic: TopicMetadata, details?: TopicDetails): TopicSummary {
  const partitions = details ? describePartitions(topic, details) : [];
  const sum = (values: (number | null)[]) =>
    details && values.every((v) => v !== null) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  return {
    name: topic.name,
    internal: topic.internal || isInternalTopic(topic.name),
    partitionCount: topic.partitions.length,
    replicationFactor: Math.max(0, ...topic.partitions.map((p) => p.replicas.length)),
    underReplicatedPartitions: topic.partitions.filter((p) => p.isr.length < p.replicas.length).length,
    sizeBytes: sum(partitions.map((p) => p.sizeBytes)),
    messageCount: sum(
      partitions.map((p) =>
        p.startOffset !== null && p.endOffset !== null
          ? Number(BigInt(p.endOffset) - BigInt(p.startOffset))
          : null,
      ),
    ),
  };
}

export async function describeTopic(gateway: TopicsGateway, name: string): Promise<TopicDetail> {
  const topic = await gateway.topic(name);
  const details = await fetchDetails(gateway, [topic]);
  return {
    ...summarize(topic, details),
    partitions: describePartitions(topic, details),
    ...(details.warnings.length ? { warnings: details.warnings } : {}),
  };
}
