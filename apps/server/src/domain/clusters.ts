import type { ClusterSummary } from '@tributary/contract';
import type { ClusterConnection } from '../kafka/cluster-connection.ts';
import type { ClusterRegistry } from '../kafka/cluster-registry.ts';

/** One row of the cluster list; a cluster that does not answer is listed as offline with the reason. */
export async function summarizeCluster(connection: ClusterConnection): Promise<ClusterSummary> {
  const base = { name: connection.name, bootstrapServers: connection.config.bootstrapServers };
  try {
    const cluster = await connection.withAdmin('describing the cluster', (admin) => admin.describeCluster());
    return { ...base, brokerCount: cluster.brokers.length, status: 'online' };
  } catch (error) {
    return { ...base, brokerCount: 0, status: 'offline', error: (error as Error).message };
  }
}

export function listClusters(registry: ClusterRegistry): Promise<ClusterSummary[]> {
  return Promise.all(registry.list().map(summarizeCluster));
}
