import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddPartitionsBody,
  AddPartitionsResult,
  AlterConfigsBody,
  ClusterParams,
  ConfigList,
  CreatedTopic,
  CreateTopicBody,
  ErrorBody,
  PurgeQuery,
  PurgeResult,
  TopicDetail,
  TopicList,
  TopicListQuery,
  TopicParams,
} from '@tributary/contract';
import { clusterGateway } from '../kafka/cluster-gateway.ts';
import { topicsGateway } from '../kafka/topics-gateway.ts';
import { listTopics } from '../domain/topics/list.ts';
import { describeTopic } from '../domain/topics/describe.ts';
import { addPartitions, createTopic, deleteTopic, purgeTopic } from '../domain/topics/mutate.ts';
import { alterTopicConfigs, topicConfigs } from '../domain/topics/configs.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** Topics of one cluster: `kafka-topics` and `kafka-configs --entity-type topics` over HTTP. */
export const topicsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const gateway = (cluster: string) => topicsGateway(app.clusters.get(cluster));
  const policy = { allowInternalTopicChanges: app.config.allowInternalTopicChanges };
  const base = '/api/clusters/:cluster/topics';
  const one = `${base}/:topic`;

  app.get(
    base,
    {
      schema: { params: ClusterParams, querystring: TopicListQuery, response: { 200: TopicList, ...errors } },
    },
    (req) => listTopics(gateway(req.params.cluster), req.query),
  );

  app.post(
    base,
    { schema: { params: ClusterParams, body: CreateTopicBody, response: { 201: CreatedTopic, ...errors } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await createTopic(
            gateway(req.params.cluster),
            clusterGateway(app.clusters.get(req.params.cluster)),
            req.body,
          ),
        ),
  );

  app.get(one, { schema: { params: TopicParams, response: { 200: TopicDetail, ...errors } } }, (req) =>
    describeTopic(gateway(req.params.cluster), req.params.topic),
  );

  app.delete(
    one,
    { schema: { params: TopicParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await deleteTopic(gateway(req.params.cluster), req.params.topic, policy);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${one}/configs`,
    { schema: { params: TopicParams, response: { 200: ConfigList, ...errors } } },
    (req) => topicConfigs(gateway(req.params.cluster), req.params.topic),
  );

  app.patch(
    `${one}/configs`,
    { schema: { params: TopicParams, body: AlterConfigsBody, response: { 200: ConfigList, ...errors } } },
    (req) => alterTopicConfigs(gateway(req.params.cluster), req.params.topic, req.body, policy),
  );

  app.post(
    `${one}/partitions`,
    {
      schema: {
        params: TopicParams,
        body: AddPartitionsBody,
        response: { 200: AddPartitionsResult, ...errors },
      },
    },
    (req) => addPartitions(gateway(req.params.cluster), req.params.topic, req.body.count, policy),
  );

  app.delete(
    `${one}/records`,
    { schema: { params: TopicParams, querystring: PurgeQuery, response: { 200: PurgeResult, ...errors } } },
    (req) => purgeTopic(gateway(req.params.cluster), req.params.topic, req.query.partitions, policy),
  );
};
