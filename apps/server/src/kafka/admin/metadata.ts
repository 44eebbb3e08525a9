// Why: kafkajs (and @platformatic/kafka's high-level metadata) throw the whole Metadata answer away when a
// single partition has no leader (LEADER_NOT_AVAILABLE) — exactly when a console is needed most. This
// reads the answer as it is: partition errors are states, shown as such.
import type { ClusterConnection } from '../cluster-connection.ts';
import { brokerHealth } from '../broker-health.ts';
import { runGap } from './errors.ts';
import { bootstrapConnection, brokerConnection, callApi } from './protocol.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Admin as PlatformaticAdmin, Connection } from '@platformatic/kafka';

interface MetadataResponse {
  clusterId: string | null;
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  topics: {
    errorCode: number;
    name: string | null;
    isInternal: boolean;
    partitions: {
      partitionIndex: number;
      leaderId: number;
      replicaNodes: number[];
      isrNodes: number[];
      offlineReplicas: number[];
    }[];
  }[];
}

export interface MetadataView {
  clusterId: string | null;
  brokers: { id: number; host: string; port: number; rack: string | null }[];
  topics: {
    name: string;
    internal: boolean;
    /** Kafka's topic-level error code (3: unknown topic); 0 when fine. */
    errorCode: number;
    partitions: {
      partition: number;
      leader: number | null;
      replicas: number[];
      isr: number[];
      offlineReplicas: number[];
    }[];
  }[];
}

/** Metadata of the named topics, or of every topic when `topics` is null. One request to any broker. */
export async function readMetadata(
  connection: ClusterConnection,
  topics: string[] | null,
): Promise<MetadataView> {
  const ask = (c: (admin: PlatformaticAdmin) => Promise<Connection>) =>
    runGap(connection, 'reading metadata', async (admin) =>
      callApi<MetadataResponse>(admin, 'Metadata', await c(admin), [topics, false, false], true),
    );
  let response: MetadataResponse;
  try {
    response = await ask(bootstrapConnection);
  } catch (error) {
    // The pooled connection may lead to a broker that just died: ask one our own probe hears from instead.
    if (!(error instanceof DomainError && error.code === 'KAFKA_UNAVAILABLE')) throw error;
    const health = brokerHealth(connection);
    await health.probe(0);
    const [address] = health.reachableAddresses();
    if (!address) throw error;
    response = await ask((admin) => brokerConnection(admin, address));
  }
  const brokers = response.brokers
    .map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null }))
    .sort((a, b) => a.id - b.id);
  brokerHealth(connection).learn(brokers);
  return {
    clusterId: response.clusterId,
    brokers,
    topics: response.topics
      .filter((t): t is typeof t & { name: string } => t.name !== null)
      .map((t) => ({
        name: t.name,
        internal: t.isInternal,
        errorCode: t.errorCode,
        partitions: t.partitions
          .map((p) => ({
            partition: p.partitionIndex,
            leader: p.leaderId >= 0 ? p.leaderId : null,
            replicas: p.replicaNodes,
            isr: p.isrNodes,
            offlineReplicas: p.offlineReplicas,
          }))
          .sort((a, b) => a.partition - b.partition),
      })),
  };
}
