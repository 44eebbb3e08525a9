import type { ClusterConfig } from '../config.ts';
import { notFound } from '../domain/errors.ts';
import { ClusterConnection, type ConnectionOptions } from './cluster-connection.ts';

/** The configured clusters by name; the only way routes reach a Kafka connection. */
export class ClusterRegistry {
  private readonly connections = new Map<string, ClusterConnection>();

  constructor(clusters: ClusterConfig[], options: ConnectionOptions) {
    for (const cluster of clusters)
      this.connections.set(cluster.name, new ClusterConnection(cluster, options));
  }

  list(): ClusterConnection[] {
    return [...this.connections.values()];
  }

  /** The named cluster, or a 404 that lists the known ones. */
  get(name: string): ClusterConnection {
    const connection = this.connections.get(name);
    if (!connection) {
      throw notFound(
        `No cluster named "${name}". Known clusters: ${[...this.connections.keys()].join(', ') || 'none'}.`,
      );
    }
    return connection;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.list().map((c) => c.close()));
  }
}
