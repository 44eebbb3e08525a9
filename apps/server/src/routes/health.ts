import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Health, Readiness } from '@tributary/contract';
import { DomainError } from '../domain/errors.ts';
import { readiness } from '../domain/readiness.ts';
import { clusterGateway } from '../kafka/cluster-gateway.ts';
import { hasScrapeToken } from '../plugins/metrics.ts';

/** For load balancers, Kubernetes probes and Prometheus: is the process up, can it reach Kafka, its metrics. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    { schema: { summary: 'The process answers (liveness)', response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      schema: {
        summary: 'Every configured cluster answers in time (readiness)',
        response: { 200: Readiness, 503: ErrorBody },
      },
    },
    () =>
      readiness(
        app.clusters.list().map((connection) => clusterGateway(connection)),
        app.config.kafkaRequestTimeoutMs,
      ),
  );

  app.get('/metrics', { schema: { summary: 'Prometheus metrics (text format)' } }, async (request, reply) => {
    // With login on, plugins/access.ts lets only an admin or the token through; without, everyone is an
    // admin there, so a configured token is checked here.
    const open = app.config.auth.mode !== 'none' || !app.config.metrics.token;
    if (!open && !hasScrapeToken(app.config, request))
      throw new DomainError(
        'FORBIDDEN',
        'The metrics need the scrape token: send "Authorization: Bearer <metrics.token>".',
      );
    return reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics());
  });
};
