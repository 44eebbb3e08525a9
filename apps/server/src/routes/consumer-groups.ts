import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClusterParams,
  CommitHistory,
  CommitHistoryQuery,
  DeleteGroupOffsetsQuery,
  DeleteGroupOffsetsResult,
  GroupDetail,
  GroupList,
  GroupListQuery,
  GroupParams,
  LagHistory,
  LagHistoryQuery,
  ResetOffsetsBody,
  ResetOffsetsResult,
  TopicConsumerGroups,
  TopicParams,
} from '@tributary/contract';
import { listConsumerGroups } from '../domain/consumer-groups/list.ts';
import { describeGroup } from '../domain/consumer-groups/describe.ts';
import { topicConsumerGroups } from '../domain/consumer-groups/topic-consumers.ts';
import { resetOffsets } from '../domain/consumer-groups/reset.ts';
import { deleteConsumerGroup, deleteConsumerGroupTopicOffsets } from '../domain/consumer-groups/delete.ts';
import { commitHistory } from '../domain/consumer-groups/commit-history.ts';
import { groupsGateway } from '../kafka/groups-gateway.ts';
import { partitionReader } from '../kafka/partition-reader.ts';

/** `kafka-consumer-groups` over HTTP: list, describe, reset (dry run first), delete, history. */
export const consumerGroupsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/consumer-groups';
  const groups = (cluster: string) => groupsGateway(app.clusters.get(cluster));

  app.get(
    base,
    {
      schema: {
        params: ClusterParams,
        querystring: GroupListQuery,
        response: { 200: GroupList },
      },
    },
    (req) => listConsumerGroups(groups(req.params.cluster), req.query),
  );

  app.get(
    `${base}/:group`,
    { schema: { params: GroupParams, response: { 200: GroupDetail } } },
    async (req) => {
      const detail = await describeGroup(groups(req.params.cluster), req.params.group);
      app.lagSampler.watch(req.params.cluster, req.params.group); // an open group page: sample its lag
      return detail;
    },
  );

  app.get(
    '/api/clusters/:cluster/topics/:topic/consumer-groups',
    { schema: { params: TopicParams, response: { 200: TopicConsumerGroups } } },
    (req) => topicConsumerGroups(groups(req.params.cluster), req.params.topic),
  );

  app.post(
    `${base}/:group/offsets`,
    { schema: { params: GroupParams, body: ResetOffsetsBody, response: { 200: ResetOffsetsResult } } },
    async (req) => {
      const result = await resetOffsets(groups(req.params.cluster), req.params.group, req.body);
      if (result.executed)
        req.log.info({ group: req.params.group, rows: result.rows.length }, 'offsets reset');
      return result;
    },
  );

  app.delete(`${base}/:group`, { schema: { params: GroupParams } }, async (req, reply) => {
    await deleteConsumerGroup(groups(req.params.cluster), req.params.group);
    return reply.status(204).send();
  });

  app.delete(
    `${base}/:group/offsets`,
    {
      schema: {
        params: GroupParams,
        querystring: DeleteGroupOffsetsQuery,
        response: { 200: DeleteGroupOffsetsResult },
      },
    },
    (req) => deleteConsumerGroupTopicOffsets(groups(req.params.cluster), req.params.group, req.query.topic),
  );

  app.get(
    `${base}/:group/commits`,
    { schema: { params: GroupParams, querystring: CommitHistoryQuery, response: { 200: CommitHistory } } },
    (req) =>
      commitHistory(
        partitionReader(app.clusters.get(req.params.cluster)),
        groups(req.params.cluster),
        req.params.group,
        req.query.limit ?? 100,
      ),
  );

  app.get(
    `${base}/:group/lag-history`,
    { schema: { params: GroupParams, querystring: LagHistoryQuery, response: { 200: LagHistory } } },
    (req) =>
      app.lagSampler.pageHistory(groups(req.params.cluster), req.params.group, req.query.minutes ?? 60),
  );
};
