import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';
import { ConnectRegistry } from '../connect/registry.ts';
import type { LaunchState } from '../connect/http.ts';

declare module 'fastify' {
  interface FastifyInstance {
    connects: ConnectRegistry;
  }
}

/** Decorates the app with the configured Kafka Connect clusters (no connection is held between requests). */
export const connectPlugin = fp<{ config: AppConfig; launches?: Map<string, LaunchState> }>(
  async (app, { config, launches }) => {
    app.decorate(
      'connects',
      new ConnectRegistry(config.clusters, {
        requestTimeoutMs: config.connectRequestTimeoutMs,
        ...(launches ? { launches } : {}),
      }),
    );
  },
);
