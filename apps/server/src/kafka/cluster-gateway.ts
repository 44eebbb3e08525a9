// The Kafka gateway for a cluster and its brokers: domain/clusters.ts and domain/brokers/* see only this
// and its plain types. Metadata, features, quorum and broker configs go through kafka/admin
// (@platformatic/kafka, see admin/client.ts); the reachability check is kafkajs's describeCluster.
import { perConnection, type ClusterConnection } from './cluster-connection.ts';
import { alterConfigsIncrementally, describeConfigs } from './admin/configs.ts';
import { finalizedFeatures, type FinalizedFeature } from './admin/features.ts';
import { readMetadata, type MetadataView } from './admin/metadata.ts';
import { describeQuorum, type QuorumInfo } from './admin/quorum.ts';
import { brokerHealth, describeContact, type BrokerContact } from './broker-health.ts';
import type { ConfigEntry } from '@tributary/contract';

export type { BrokerContact, FinalizedFeature, QuorumInfo };
export { describeContact };
export type BrokerNode = MetadataView['brokers'][number];

export class ClusterGateway {
  constructor(private readonly connection: ClusterConnection) {}

  get name(): string {
    return this.connection.name;
  }

  get bootstrapServers(): string[] {
    return this.connection.config.bootstrapServers;
  }

  /** How many brokers answer DescribeCluster; fails when the cluster cannot be reached. */
  async brokerCount(): Promise<number> {
    const cluster = await this.connection.withAdmin('describing the cluster', (admin) =>
      admin.describeCluster(),
    );
    return cluster.brokers.length;
  }

  /** The brokers online now (Metadata lists only those), with racks. */
  async brokers(): Promise<{ clusterId: string | null; brokers: BrokerNode[] }> {
    const { clusterId, brokers } = await readMetadata(this.connection, []);
    return { clusterId, brokers };
  }

  features(): Promise<FinalizedFeature[]> {
    return finalizedFeatures(this.connection);
  }

  quorum(): Promise<QuorumInfo> {
    return describeQuorum(this.connection);
  }

  /** Our own contact with every broker Metadata ever named (asked now, at most once a second). */
  contacts(): Promise<Map<number, BrokerContact>> {
    return brokerHealth(this.connection).probe();
  }

  /** One broker's configs, or (`default`) the cluster-wide dynamic defaults that are set. */
  brokerConfigs(id: number | 'default'): Promise<ConfigEntry[]> {
    return describeConfigs(this.connection, { kind: 'broker', id });
  }

  /** IncrementalAlterConfigs on a broker (or the cluster-wide default): only the named keys change. */
  alterBrokerConfigs(id: number | 'default', change: { set: Record<string, string>; reset: string[] }) {
    return alterConfigsIncrementally(this.connection, { kind: 'broker', id }, change);
  }
}

/** The cluster gateway of one cluster connection. */
export const clusterGateway = perConnection((connection) => new ClusterGateway(connection));
