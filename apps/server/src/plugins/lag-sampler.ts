import fp from 'fastify-plugin';
import { LAG_RETENTION_MS, LagSampler } from '../domain/consumer-groups/lag-sampler.ts';
import { KafkaLagHistory } from '../kafka/lag-history-topic.ts';
import { groupsGateway } from '../kafka/groups-gateway.ts';

declare module 'fastify' {
  interface FastifyInstance {
    lagSampler: LagSampler;
  }
}

/** Lag over time for watched groups: starts with the app, stops (finishing a running round) when it closes. */
export const lagSamplerPlugin = fp(
  async (app) => {
    const { topic, intervalMs, watched } = app.config.lagHistory;
    const store = new KafkaLagHistory((cluster) => app.clusters.get(cluster), topic, LAG_RETENTION_MS);
    const sampler = new LagSampler((cluster) => groupsGateway(app.clusters.get(cluster)), {
      store,
      intervalMs,
      watched,
      log: (message, error) => app.log.warn({ err: error }, message),
    });
    app.decorate('lagSampler', sampler);
    sampler.start();
    app.addHook('onClose', () => sampler.stop());
  },
  { name: 'lag-sampler', dependencies: [] },
);
