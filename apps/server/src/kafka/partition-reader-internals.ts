// The few kafkajs 2.2.4 internals the group-less reader uses, typed locally (kafkajs does not export them).
import type { Kafka } from 'kafkajs';

export interface RawRecord {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | null | (Buffer | null)[]>;
  isControlRecord: boolean;
  batchContext: { timestampType: number; firstOffset: string; lastOffsetDelta: number };
}
export interface RawPartition {
  partition: number;
  highWatermark: string;
  lastStartOffset: string; // sic: kafkajs's name for log_start_offset
  messages: RawRecord[];
}
export interface InternalBroker {
  fetch(request: {
    replicaId?: number;
    isolationLevel: number;
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<{ responses: { topicName: string; partitions: RawPartition[] }[] }>;
}
export interface InternalCluster {
  targetTopics: Set<string>;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  refreshMetadata(): Promise<void>;
  refreshMetadataIfNecessary(): Promise<void>;
  findTopicPartitionMetadata(topic: string): { partitionId: number; leader: number }[];
  findBroker(options: { nodeId: number }): Promise<InternalBroker>;
  fetchTopicsOffset(
    topics: OffsetQuery[],
  ): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
}
export type OffsetQuery = {
  topic: string;
  partitions: { partition: number }[];
  fromBeginning?: boolean;
  fromTimestamp?: number;
};
export type ClusterFactory = (options: {
  allowAutoTopicCreation: boolean;
  isolationLevel: number;
  metadataMaxAge: number;
}) => InternalCluster;

/** The client's private cluster factory (same brokers, SASL and socket factory as the client). */
export function clusterFactory(kafka: Kafka): ClusterFactory {
  const symbol = Object.getOwnPropertySymbols(kafka).find(
    (s) => s.description === 'private:Kafka:createCluster',
  );
  const factory = symbol ? (kafka as unknown as Record<symbol, unknown>)[symbol] : undefined;
  if (typeof factory !== 'function') throw new Error('kafkajs internals changed: no cluster factory');
  return factory as ClusterFactory;
}
