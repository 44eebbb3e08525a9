// The Kafka gateway for clusters, brokers and topics: domain code sees only these plain types. kafkajs does
// what it can; the gap adapter (one file per missing API) does the rest.
import type { Admin } from 'kafkajs';
import type { ConfigEntry } from '@tributary/contract';
import { notFound } from '../domain/errors.ts';
import type { ClusterConnection } from './cluster-connection.ts';
import { describeReplicaSizes, type ReplicaSize } from './gap-adapter/log-dirs.ts';
import { alterConfigsIncrementally, describeConfigs, type ConfigResource } from './gap-adapter/configs.ts';
import { describeBrokers, describeQuorum, type BrokerNode, type QuorumInfo } from './gap-adapter/quorum.ts';
import { createTopic, type NewTopic } from './gap-adapter/create-topics.ts';
import { listPartitionOffsets, type PartitionOffsets } from './gap-adapter/topic-offsets.ts';
import { finalizedFeatures, type FinalizedFeature } from './gap-adapter/features.ts';

export type {
  FinalizedFeature,
  ReplicaSize,
  ConfigResource,
  BrokerNode,
  QuorumInfo,
  NewTopic,
  PartitionOffsets,
};

export interface PartitionMetadata {
  partition: number;
  /** null: no leader (offline partition). */
  leader: number | null;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface TopicMetadata {
  name: string;
  internal: boolean;
  partitions: PartitionMetadata[];
}

export type TopicPartitions = { name: string; partitions: number[] }[];

/** Kafka's internal topics (`Topic.isInternal`: __consumer_offsets, __transaction_state, ...) all start with `__`. */
export const isInternalTopic = (name: string) => name.startsWith('__');

type KafkaJsPartition = Awaited<
  ReturnType<Admin['fetchTopicMetadata']>
>['topics'][number]['partitions'][number];

const toPartition = (p: KafkaJsPartition): PartitionMetadata => ({
  partition: p.partitionId,
  leader: p.leader >= 0 ? p.leader : null,
  replicas: p.replicas,
  isr: p.isr,
  offlineReplicas: p.offlineReplicas ?? [],
});

interface PurgeError {
  partitions?: { partition: number; error?: Error }[];
}

export class TopicsGateway {
  constructor(private readonly connection: ClusterConnection) {}

  get cluster(): string {
    return this.connection.name;
  }

  /** Metadata of every topic: one Metadata request, no matter how many topics. */
  async allTopics(): Promise<TopicMetadata[]> {
    const { topics } = await this.connection.withAdmin('listing topics', (admin) =>
      admin.fetchTopicMetadata(),
    );
    return topics.map((t) => ({
      name: t.name,
      internal: isInternalTopic(t.name),
      partitions: t.partitions.map(toPartition).sort((a, b) => a.partition - b.partition),
    }));
  }

  /** One topic's metadata, or a 404 that names it. */
  async topic(name: string): Promise<TopicMetadata> {
    const all = await this.connection.withAdmin('describing a topic', (admin) =>
      admin.fetchTopicMetadata({ topics: [name] }).catch((error: { type?: string }) => {
        if (error.type === 'UNKNOWN_TOPIC_OR_PARTITION') return { topics: [] };
        throw error;
      }),
    );
    const topic = all.topics.find((t) => t.name === name);
    if (!topic) throw notFound(`Topic "${name}" does not exist in cluster "${this.cluster}".`);
    return {
      name,
      internal: isInternalTopic(name),
      partitions: topic.partitions.map(toPartition).sort((a, b) => a.partition - b.partition),
    };
  }

  offsets(topics: TopicPartitions): Promise<PartitionOffsets[]> {
    return listPartitionOffsets(this.connection, topics);
  }

  replicaSizes(topics: TopicPartitions): Promise<ReplicaSize[]> {
    return describeReplicaSizes(this.connection, topics);
  }

  brokers(): Promise<{ clusterId: string | null; brokers: BrokerNode[] }> {
    return describeBrokers(this.connection);
  }

  features(): Promise<FinalizedFeature[]> {
    return finalizedFeatures(this.connection);
  }

  quorum(): Promise<QuorumInfo> {
    return describeQuorum(this.connection);
  }

  createTopic(topic: NewTopic): Promise<{ partitions: number; replicationFactor: number }> {
    return createTopic(this.connection, topic);
  }

  async deleteTopic(name: string): Promise<void> {
    await this.connection.withAdmin('deleting a topic', (admin) => admin.deleteTopics({ topics: [name] }), {
      topic: name,
    });
  }

  async createPartitions(name: string, count: number): Promise<void> {
    await this.connection.withAdmin(
      'adding partitions',
      (admin) => admin.createPartitions({ topicPartitions: [{ topic: name, count }] }),
      { topic: name },
    );
  }

  /** DeleteRecords up to the high watermark (offset -1) of each given partition. */
  async deleteRecords(name: string, partitions: number[]): Promise<void> {
    await this.connection.withAdmin(
      'purging records',
      (admin) =>
        admin
          .deleteTopicRecords({
            topic: name,
            partitions: partitions.map((partition) => ({ partition, offset: '-1' })),
          })
          .catch((error: PurgeError) => {
            // kafkajs lists per-partition errors; the first one carries the broker's error type.
            const first = error.partitions?.find((p) => p.error)?.error;
            throw first ?? error;
          }),
      { topic: name },
    );
  }

  configs(resource: ConfigResource): Promise<ConfigEntry[]> {
    return describeConfigs(this.connection, resource);
  }

  alterConfigs(
    resource: ConfigResource,
    change: { set: Record<string, string>; reset: string[] },
    validateOnly = false,
  ): Promise<void> {
    return alterConfigsIncrementally(this.connection, resource, change, validateOnly);
  }
}

const gateways = new WeakMap<ClusterConnection, TopicsGateway>();

/** The gateway of one cluster connection (created once, it holds no state of its own). */
export function topicsGateway(connection: ClusterConnection): TopicsGateway {
  let gateway = gateways.get(connection);
  if (!gateway) {
    gateway = new TopicsGateway(connection);
    gateways.set(connection, gateway);
  }
  return gateway;
}
