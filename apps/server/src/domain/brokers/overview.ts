import type { BrokerInfo, ClusterOverview } from '@tributary/contract';
import { describeContact, type ClusterGateway, type QuorumInfo } from '../../kafka/cluster-gateway.ts';
import type { TopicsGateway } from '../../kafka/topics-gateway.ts';
import { DomainError } from '../errors.ts';
import { metadataVersionName } from './metadata-version.ts';

/**
 * DescribeQuorum needs KRaft; a ZooKeeper-era cluster has no quorum to describe (controller unknown). A quorum
 * that does not answer (no active controller) leaves the controller unknown, with a warning.
 */
async function quorumOrNull(cluster: ClusterGateway, warnings: string[]): Promise<QuorumInfo | null> {
  try {
    return await cluster.quorum();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'KAFKA_UNAVAILABLE')
      warnings.push(`The active controller is unknown: ${error.message}`);
    return null;
  }
}

/** The finalized metadata.version, named like `kafka-features describe` does; null before KIP-584 brokers. */
async function kafkaVersion(cluster: ClusterGateway, warnings: string[]): Promise<string | null> {
  try {
    const features = await cluster.features();
    const level = features.find((f) => f.name === 'metadata.version')?.level;
    return level ? metadataVersionName(level) : null;
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'KAFKA_UNAVAILABLE')) throw error;
    warnings.push(`The Kafka version is unknown: ${error.message}`);
    return null;
  }
}

/** Brokers our own attempts cannot reach, with a sentence each (asked after Metadata named them). */
async function unreachableBrokers(cluster: ClusterGateway, warnings: string[]) {
  const contacts = await cluster.contacts();
  const unreachable = [...contacts].filter(([, c]) => !c.reachable).sort(([a], [b]) => a - b);
  for (const [id, contact] of unreachable) warnings.push(describeContact(id, contact));
  return { contacts, unreachable: unreachable.map(([id]) => id) };
}

/** The dashboard: broker health, controller, and partition health over every topic. */
export async function clusterOverview(
  cluster: ClusterGateway,
  gateway: TopicsGateway,
): Promise<ClusterOverview> {
  const warnings: string[] = [];
  const [topics, online, quorum, version] = await Promise.all([
    gateway.allTopics(),
    cluster.brokers(),
    quorumOrNull(cluster, warnings),
    kafkaVersion(cluster, warnings),
  ]);
  const { unreachable } = await unreachableBrokers(cluster, warnings);
  const partitions = topics.flatMap((t) => t.partitions);
  const known = new Set<number>(online.brokers.map((b) => b.id));
  for (const p of partitions) for (const r of p.replicas) known.add(r);
  for (const id of quorum?.observers ?? []) known.add(id);
  return {
    name: cluster.name,
    clusterId: online.clusterId,
    controllerId: quorum?.leaderId ?? null,
    brokers: { online: online.brokers.length, total: known.size, unreachable },
    topicCount: topics.length,
    internalTopicCount: topics.filter((t) => t.internal).length,
    partitionCount: partitions.length,
    underReplicatedPartitions: partitions.filter((p) => p.isr.length < p.replicas.length).length,
    offlinePartitions: partitions.filter((p) => p.leader === null).length,
    kafkaVersion: version,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** Every broker the cluster knows, online or not, with its share of leaders, replicas and disk. */
export async function listBrokers(cluster: ClusterGateway, gateway: TopicsGateway): Promise<BrokerInfo[]> {
  const [topics, online, quorum] = await Promise.all([
    gateway.allTopics(),
    cluster.brokers(),
    quorumOrNull(cluster, []),
  ]);
  const [{ sizes, failed }, contacts] = await Promise.all([
    gateway.replicaSizes(
      topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partition) })),
    ),
    cluster.contacts(),
  ]);
  const ids = new Set<number>(online.brokers.map((b) => b.id));
  for (const t of topics) for (const p of t.partitions) for (const r of p.replicas) ids.add(r);
  for (const id of quorum?.observers ?? []) ids.add(id);
  for (const id of contacts.keys()) ids.add(id); // fenced since, but we knew it
  const byId = new Map(online.brokers.map((b) => [b.id, b]));
  const partitions = topics.flatMap((t) => t.partitions);
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => {
      const node = byId.get(id);
      return {
        id,
        host: node?.host ?? null,
        port: node?.port ?? null,
        rack: node?.rack ?? null,
        online: !!node,
        controller: quorum?.leaderId === id,
        partitionsLed: partitions.filter((p) => p.leader === id).length,
        replicas: partitions.filter((p) => p.replicas.includes(id)).length,
        diskUsageBytes:
          node && !failed.some((f) => f.broker === id)
            ? sizes.filter((s) => s.broker === id).reduce((sum, s) => sum + s.sizeBytes, 0)
            : null,
        ...(contacts.has(id) ? { contact: contacts.get(id)! } : {}),
      };
    });
}
