import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClusterList } from '@tributary/contract';
import { listClusters } from '../domain/clusters.ts';

export const clusterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/clusters', { schema: { response: { 200: ClusterList } } }, () => listClusters(app.clusters));
};
