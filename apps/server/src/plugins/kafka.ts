import fp from 'fastify-plugin';
import { ClusterRegistry } from '../kafka/cluster-registry.ts';
import type { ConnectionOptions } from '../kafka/cluster-connection.ts';
import type { AppConfig } from '../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    clusters: ClusterRegistry;
    config: AppConfig;
  }
}

/** Decorates the app with the cluster registry and closes every Kafka client when the app closes. */
export const kafkaPlugin = fp<{ config: AppConfig; observe?: ConnectionOptions['observe'] }>(
  async (app, { config, observe }) => {
    const registry = new ClusterRegistry(config.clusters, {
      requestTimeoutMs: config.kafkaRequestTimeoutMs,
      ...(observe ? { observe } : {}),
    });
    app.decorate('clusters', registry);
    app.decorate('config', config);
    app.addHook('onClose', () => registry.closeAll());
  },
);
