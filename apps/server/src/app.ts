import Fastify, { type FastifyServerOptions } from 'fastify';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppConfig } from './config.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { kafkaPlugin } from './plugins/kafka.ts';
import { lagSamplerPlugin } from './plugins/lag-sampler.ts';
import { webPlugin } from './plugins/web.ts';
import { healthRoutes } from './routes/health.ts';
import { clusterRoutes } from './routes/clusters.ts';
import { topicsRoutes } from './routes/topics.ts';
import { messagesRoutes } from './routes/messages.ts';
import { searchRoutes } from './routes/search.ts';
import { liveRoutes } from './routes/live.ts';
import { consumerGroupsRoutes } from './routes/consumer-groups.ts';

/** All wiring in one place: plugins, then one route plugin per resource, then the web app. */
export async function buildApp(config: AppConfig, options: FastifyServerOptions = {}) {
  const app = Fastify({
    logger: { level: config.logLevel },
    ...options,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(errorHandlerPlugin);
  await app.register(kafkaPlugin, { config });
  await app.register(lagSamplerPlugin);
  await app.register(websocket, { options: { maxPayload: 1 << 20 } });
  await app.register(healthRoutes);
  await app.register(clusterRoutes);
  await app.register(topicsRoutes);
  await app.register(messagesRoutes);
  await app.register(searchRoutes);
  await app.register(liveRoutes);
  await app.register(consumerGroupsRoutes);
  if (config.webDist) await app.register(webPlugin, { root: config.webDist });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
