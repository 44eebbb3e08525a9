import type { BrokerInfo, ClusterOverview } from '@tributary/contract';
import type { QuorumInfo, TopicsGateway } from '../../kafka/topics-service.ts';
import { DomainError, notFound } from '../errors.ts';
import { metadataVersionName } from './metadata-version.ts';

/** DescribeQuorum needs KRaft; a ZooKeeper-era cluster has no quorum to describe (controller unknown). */
async function quorumOrNull(gateway: TopicsGateway): Promise<QuorumInfo | null> {
  try {
    return await gateway.quorum();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'KAFKA_UNAVAILABLE') throw error;
    return null;
  }
}

/** The finalized metadata.version, named like `kafka-features describe` does; null before KIP-584 brokers. */
async function kafkaVersion(gateway: TopicsGateway): Promise<string | null> {
  const features = await gateway.features();
  const level = features.find((f) => f.name === 'metadata.version')?.level;
  return level ? metadataVersionName(level) : null;
}

/** The dashboard: broker health, controller, and partition health over every topic. */
export async function clusterOverview(gateway: TopicsGateway): Promise<ClusterOverview> {
  const [topics, cluster, quorum, version] = await Promise.all([
    gateway.allTopics(),
    gateway.brokers(),
    quorumOrNull(gateway),
    kafkaVersion(gateway),
  ]);
  const partitions = topics.flatMap((t) => t.partitions);
  const known = new Set<number>(cluster.brokers.map((b) => b.id));
  for (const p of partitions) for (const r of p.replicas) known.add(r);
  for (const id of quorum?.observers ?? []) known.add(id);
  return {
    name: gateway.cluster,
    clusterId: cluster.clusterId,
    controllerId: quorum?.leaderId ?? null,
    brokers: { online: cluster.brokers.length, total: known.size },
    topicCount: topics.length,
    internalTopicCount: topics.filter((t) => t.internal).length,
    partitionCount: partitions.length,
    underReplicatedPartitions: partitions.filter((p) => p.isr.length < p.replicas.length).length,
    offlinePartitions: partitions.filter((p) => p.leader === null).length,
    kafkaVersion: version,
  };
}

/** Every broker the cluster knows, online or not, with its share of leaders, replicas and disk. */
export async function listBrokers(gateway: TopicsGateway): Promise<BrokerInfo[]> {
  const [topics, cluster, quorum] = await Promise.all([
    gateway.allTopics(),
    gateway.brokers(),
    quorumOrNull(gateway),
  ]);
  const { sizes, failed } = await gateway.replicaSizes(
    topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partition) })),
  );
  const ids = new Set<number>(cluster.brokers.map((b) => b.id));
  for (const t of topics) for (const p of t.partitions) for (const r of p.replicas) ids.add(r);
  for (const id of quorum?.observers ?? []) ids.add(id);
  const online = new Map(cluster.brokers.map((b) => [b.id, b]));
  const partitions = topics.flatMap((t) => t.partitions);
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => {
      const node = online.get(id);
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
      };
    });
}

/** `kafka-configs --describe --all --entity-type brokers --entity-name <id>`; only an online broker answers. */
export async function brokerConfigs(gateway: TopicsGateway, id: number) {
  const { brokers } = await gateway.brokers();
  if (!brokers.some((b) => b.id === id))
    throw notFound(
      `Broker ${id} is not online in cluster "${gateway.cluster}" (online: ${brokers.map((b) => b.id).join(', ') || 'none'}).`,
    );
  return gateway.configs({ kind: 'broker', id });
}
