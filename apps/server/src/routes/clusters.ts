import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BrokerList,
  BrokerParams,
  ClusterList,
  ClusterOverview,
  ClusterParams,
  ConfigList,
  ErrorBody,
} from '@tributary/contract';
import { listClusters } from '../domain/clusters.ts';
import { brokerConfigs, clusterOverview, listBrokers } from '../domain/brokers/overview.ts';
import { topicsGateway } from '../kafka/topics-service.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

export const clusterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const gateway = (cluster: string) => topicsGateway(app.clusters.get(cluster));

  app.get('/api/clusters', { schema: { response: { 200: ClusterList } } }, () => listClusters(app.clusters));

  app.get(
    '/api/clusters/:cluster',
    { schema: { params: ClusterParams, response: { 200: ClusterOverview, ...errors } } },
    (req) => clusterOverview(gateway(req.params.cluster)),
  );

  app.get(
    '/api/clusters/:cluster/brokers',
    { schema: { params: ClusterParams, response: { 200: BrokerList, ...errors } } },
    (req) => listBrokers(gateway(req.params.cluster)),
  );

  app.get(
    '/api/clusters/:cluster/brokers/:id/configs',
    { schema: { params: BrokerParams, response: { 200: ConfigList, ...errors } } },
    (req) => brokerConfigs(gateway(req.params.cluster), req.params.id),
  );
};
