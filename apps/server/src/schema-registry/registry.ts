import type { ClusterConfig } from '../config.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { SchemaRegistryClient } from './client.ts';
import type { RegistryLaunchState } from './http.ts';
import { SchemaCache } from '../domain/schemas/schema-cache.ts';

export interface SchemaRegistriesOptions {
  requestTimeoutMs: number;
  /** Launch states by cluster (the local registry started beside the local Kafka). */
  launches?: Map<string, RegistryLaunchState>;
}

interface Entry {
  client: SchemaRegistryClient;
  /** Schemas by id for decoding: shared by every read of the cluster. */
  cache: SchemaCache;
}

/** The configured Schema Registry of each Kafka cluster: the only way routes reach a registry. */
export class SchemaRegistries {
  private readonly byCluster = new Map<string, Entry | undefined>();

  constructor(clusters: ClusterConfig[], options: SchemaRegistriesOptions) {
    for (const cluster of clusters) {
      if (!cluster.schemaRegistry) {
        this.byCluster.set(cluster.name, undefined);
        continue;
      }
      const client = new SchemaRegistryClient(
        cluster.name,
        cluster.schemaRegistry,
        options.requestTimeoutMs,
        options.launches?.get(cluster.name),
      );
      this.byCluster.set(cluster.name, { client, cache: new SchemaCache(client) });
    }
  }

  /** The cluster's registry client, or a 404 saying none is configured. */
  get(cluster: string): SchemaRegistryClient {
    return this.entry(cluster).client;
  }

  /** The cluster's schema cache for decoding, or undefined when it has no registry. */
  cache(cluster: string): SchemaCache | undefined {
    return this.byCluster.get(cluster)?.cache;
  }

  private entry(cluster: string): Entry {
    if (!this.byCluster.has(cluster)) throw notFound(`No cluster named "${cluster}".`);
    const entry = this.byCluster.get(cluster);
    if (!entry)
      throw new DomainError(
        'NOT_FOUND',
        `Cluster "${cluster}" has no Schema Registry configured (schemaRegistry.url in the config file, or KAFKA_CLUSTERS_<i>_SCHEMAREGISTRY).`,
      );
    return entry;
  }
}
