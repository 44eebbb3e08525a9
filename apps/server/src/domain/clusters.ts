import type { ClusterSummary } from '@tributary/contract';
import type { ClusterGateway } from '../kafka/cluster-gateway.ts';

/** One row of the cluster list; a cluster that does not answer is listed as offline with the reason. */
export async function summarizeCluster(gateway: ClusterGateway): Promise<ClusterSummary> {
  const base = { name: gateway.name, bootstrapServers: gateway.bootstrapServers };
  try {
    return { ...base, brokerCount: await gateway.brokerCount(), status: 'online' };
  } catch (error) {
    return { ...base, brokerCount: 0, status: 'offline', error: (error as Error).message };
  }
}

export function listClusters(gateways: ClusterGateway[]): Promise<ClusterSummary[]> {
  return Promise.all(gateways.map(summarizeCluster));
}
