import type { ClusterConfig } from '../config.ts';
import { notFound } from '../domain/errors.ts';
import { ConnectClient } from './client.ts';
import type { LaunchState } from './http.ts';

export interface ConnectRegistryOptions {
  requestTimeoutMs: number;
  /** Launch states by `cluster/connect` (the local worker started beside the local Kafka). */
  launches?: Map<string, LaunchState>;
}

/** The configured Connect clusters of each Kafka cluster, by name: the only way routes reach Connect. */
export class ConnectRegistry {
  private readonly byCluster = new Map<string, Map<string, ConnectClient>>();

  constructor(clusters: ClusterConfig[], options: ConnectRegistryOptions) {
    for (const cluster of clusters) {
      const clients = new Map<string, ConnectClient>();
      for (const connect of cluster.connect ?? []) {
        const launch = options.launches?.get(`${cluster.name}/${connect.name}`);
        clients.set(connect.name, new ConnectClient(connect, options.requestTimeoutMs, launch));
      }
      this.byCluster.set(cluster.name, clients);
    }
  }

  /** Every Connect cluster of a Kafka cluster (empty when none is configured). */
  list(cluster: string): ConnectClient[] {
    const clients = this.byCluster.get(cluster);
    if (!clients) throw notFound(`No cluster named "${cluster}".`);
    return [...clients.values()];
  }

  /** The named Connect cluster, or a 404 that lists the known ones. */
  get(cluster: string, connect: string): ConnectClient {
    const clients = this.byCluster.get(cluster);
    if (!clients) throw notFound(`No cluster named "${cluster}".`);
    const client = clients.get(connect);
    if (!client) {
      throw notFound(
        `No Kafka Connect cluster named "${connect}" in cluster "${cluster}". Known: ${[...clients.keys()].join(', ') || 'none'}.`,
      );
    }
    return client;
  }
}
