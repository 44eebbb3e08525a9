import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppConfig } from './config.ts';
import { serverOptions, validatorCompiler } from './http-options.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { kafkaPlugin } from './plugins/kafka.ts';
import { hostGuardPlugin } from './plugins/host-guard.ts';
import { accessPlugin } from './plugins/access.ts';
import { authRoutes } from './routes/auth.ts';
import { auditPlugin } from './plugins/audit.ts';
import { auditRoutes } from './routes/audit.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { lagSamplerPlugin } from './plugins/lag-sampler.ts';
import { schedulesPlugin } from './plugins/schedules.ts';
import { webPlugin } from './plugins/web.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { healthRoutes } from './routes/health.ts';
import { clusterRoutes } from './routes/clusters.ts';
import { topicsRoutes } from './routes/topics.ts';
import { reassignmentRoutes } from './routes/reassignments.ts';
import { messagesRoutes } from './routes/messages.ts';
import { searchRoutes } from './routes/search.ts';
import { liveRoutes } from './routes/live.ts';
import { consumerGroupsRoutes } from './routes/consumer-groups.ts';
import { connectPlugin } from './plugins/connect.ts';
import { connectRoutes } from './routes/connect.ts';
import { schedulesRoutes } from './routes/schedules.ts';
import { requestReplyRoutes } from './routes/request-reply.ts';
import { respondersRoutes } from './routes/responders.ts';
import { templatesRoutes } from './routes/templates.ts';
import { aclsRoutes } from './routes/acls.ts';
import { scramUsersRoutes } from './routes/scram-users.ts';
import { quotasRoutes } from './routes/quotas.ts';
import type { LaunchState } from './connect/http.ts';
import { schemaRegistryPlugin } from './plugins/schema-registry.ts';
import type { RegistryLaunchState } from './schema-registry/http.ts';
import { schemaRoutes } from './routes/schemas.ts';

export interface AppExtras {
  /** The local Connect worker's start state by `cluster/connect`, so requests during its start say "starting". */
  connectLaunches?: Map<string, LaunchState>;
  /** The local Schema Registry's start state by cluster, so requests during its start say "starting". */
  schemaRegistryLaunches?: Map<string, RegistryLaunchState>;
  /** Sees every route as it is registered (the OpenAPI test checks that each one is documented). */
  onRoute?: (route: RouteOptions) => void;
}

/** All wiring in one place: plugins, then one route plugin per resource, then the web app. */
export async function buildApp(
  config: AppConfig,
  options: FastifyServerOptions = {},
  extras: AppExtras = {},
) {
  const app = Fastify({
    logger: { level: config.logLevel },
    ...serverOptions,
    ...options,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  if (extras.onRoute) app.addHook('onRoute', extras.onRoute);
  await app.register(errorHandlerPlugin);
  await app.register(metricsPlugin);
  await app.register(kafkaPlugin, { config, observe: app.metrics.kafka });
  await app.register(lagSamplerPlugin);
  await app.register(schedulesPlugin);
  await app.register(connectPlugin, {
    config,
    ...(extras.connectLaunches ? { launches: extras.connectLaunches } : {}),
  });
  await app.register(schemaRegistryPlugin, {
    config,
    ...(extras.schemaRegistryLaunches ? { launches: extras.schemaRegistryLaunches } : {}),
  });
  await app.register(websocket, { options: { maxPayload: 1 << 20 } });
  // After @fastify/websocket: its onRequest hook marks upgrades, so a refused one's socket is closed.
  await app.register(hostGuardPlugin);
  // Before every route: it gives each its permission rule as it is registered.
  await app.register(accessPlugin);
  await app.register(auditPlugin);
  await app.register(securityHeadersPlugin);
  // Before the routes: it documents each one as it is registered.
  await app.register(openapiPlugin);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(auditRoutes);
  await app.register(clusterRoutes);
  await app.register(topicsRoutes);
  await app.register(reassignmentRoutes);
  await app.register(messagesRoutes);
  await app.register(searchRoutes);
  await app.register(liveRoutes);
  await app.register(consumerGroupsRoutes);
  await app.register(connectRoutes);
  await app.register(schemaRoutes);
  await app.register(schedulesRoutes);
  await app.register(requestReplyRoutes);
  await app.register(respondersRoutes);
  await app.register(templatesRoutes);
  await app.register(aclsRoutes);
  await app.register(scramUsersRoutes);
  await app.register(quotasRoutes);
  if (config.webDist) await app.register(webPlugin, { root: config.webDist });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
