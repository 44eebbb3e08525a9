import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';
import { SchemaRegistries } from '../schema-registry/registry.ts';
import type { RegistryLaunchState } from '../schema-registry/http.ts';

declare module 'fastify' {
  interface FastifyInstance {
    schemaRegistries: SchemaRegistries;
  }
}

/** Decorates the app with each cluster's configured Schema Registry and its schema cache for decoding. */
export const schemaRegistryPlugin = fp<{ config: AppConfig; launches?: Map<string, RegistryLaunchState> }>(
  async (app, { config, launches }) => {
    app.decorate(
      'schemaRegistries',
      new SchemaRegistries(config.clusters, {
        requestTimeoutMs: config.schemaRegistryTimeoutMs,
        ...(launches ? { launches } : {}),
      }),
    );
  },
);
