import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BrokerList,
  BrokerParams,
  ClusterList,
  ClusterOverview,
  ClusterParams,
  AlterConfigsBody,
  ConfigList,
  ErrorBody,
} from '@tributary/contract';
import { roleOn } from '../auth/grants.ts';
import { listClusters } from '../domain/clusters.ts';
import { clusterOverview, listBrokers } from '../domain/brokers/overview.ts';
import { alterBrokerConfigs, brokerConfigs } from '../domain/brokers/configs.ts';
import { clusterGateway } from '../kafka/cluster-gateway.ts';
import { topicsGateway } from '../kafka/topics-gateway.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

export const clusterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cluster = (name: string) => clusterGateway(app.clusters.get(name));
  const topics = (name: string) => topicsGateway(app.clusters.get(name));

  // Only the clusters this user has a role on.
  app.get('/api/clusters', { schema: { response: { 200: ClusterList } } }, (req) =>
    listClusters(
      app.clusters
        .list()
        .filter((c) => req.user !== undefined && roleOn(req.user, c.name) !== undefined)
        .map(clusterGateway),
    ),
  );

  app.get(
    '/api/clusters/:cluster',
    { schema: { params: ClusterParams, response: { 200: ClusterOverview, ...errors } } },
    (req) => clusterOverview(cluster(req.params.cluster), topics(req.params.cluster)),
  );

  app.get(
    '/api/clusters/:cluster/brokers',
    { schema: { params: ClusterParams, response: { 200: BrokerList, ...errors } } },
    (req) => listBrokers(cluster(req.params.cluster), topics(req.params.cluster)),
  );

  app.get(
    '/api/clusters/:cluster/brokers/:id/configs',
    { schema: { params: BrokerParams, response: { 200: ConfigList, ...errors } } },
    (req) => brokerConfigs(cluster(req.params.cluster), req.params.id),
  );

  app.patch(
    '/api/clusters/:cluster/brokers/:id/configs',
    {
      schema: { params: BrokerParams, body: AlterConfigsBody, response: { 200: ConfigList, ...errors } },
    },
    async (req) => {
      const configs = await alterBrokerConfigs(cluster(req.params.cluster), req.params.id, req.body);
      req.log.info(
        { broker: req.params.id, set: Object.keys(req.body.set ?? {}), reset: req.body.reset },
        'broker configs changed',
      );
      return configs;
    },
  );
};
