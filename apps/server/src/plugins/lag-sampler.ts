import fp from 'fastify-plugin';
import { LagSampler } from '../domain/consumer-groups/lag-sampler.ts';
import { groupsGateway } from '../kafka/groups-gateway.ts';

declare module 'fastify' {
  interface FastifyInstance {
    lagSampler: LagSampler;
  }
}

/** Lag over time for watched groups: starts with the app, stops (finishing a running round) when it closes. */
export const lagSamplerPlugin = fp(
  async (app) => {
    const sampler = new LagSampler((cluster) => groupsGateway(app.clusters.get(cluster)), {
      ...app.config.lagHistory,
      log: (message, error) => app.log.warn({ err: error }, message),
    });
    app.decorate('lagSampler', sampler);
    sampler.start();
    app.addHook('onClose', () => sampler.stop());
  },
  { name: 'lag-sampler', dependencies: [] },
);
