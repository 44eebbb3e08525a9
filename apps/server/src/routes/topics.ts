import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddPartitionsBody,
  AddPartitionsResult,
  AlterConfigsBody,
  CloneTopicBody,
  CloneTopicResult,
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
import { cloneTopic } from '../domain/topics/clone.ts';
import { DomainError } from '../domain/errors.ts';
import { may } from '../auth/grants.ts';
import { partitionReader } from '../kafka/partition-reader.ts';
import { producerGateway } from '../kafka/producer-gateway.ts';

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

  app.post(
    `${one}/clone`,
    {
      schema: { params: TopicParams, body: CloneTopicBody, response: { 201: CloneTopicResult, ...errors } },
    },
    async (req, reply) => {
      const { cluster, topic } = req.params;
      // The rule checks the source topic; the new name must be one this person may create too.
      if (req.user && !may(req.user, 'admin', cluster, { topic: req.body.name }))
        throw new DomainError(
          'FORBIDDEN',
          `You may not create topic "${req.body.name}" in cluster "${cluster}".`,
        );
      const connection = app.clusters.get(cluster);
      const result = await cloneTopic(
        {
          topics: gateway(cluster),
          cluster: clusterGateway(connection),
          reader: partitionReader(connection),
          producer: producerGateway(connection),
        },
        topic,
        req.body,
      );
      return reply.status(201).send(result);
    },
  );
};
