import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, RequestReplyBody, RequestReplyResult, TopicParams } from '@tributary/contract';
import { partitionReader } from '../kafka/partition-reader.ts';
import { producerGateway } from '../kafka/producer-gateway.ts';
import { requestReply } from '../domain/messages/request-reply.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** The request/reply tester: one request, its replies read group-free from the reply topic. */
export const requestReplyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/clusters/:cluster/topics/:topic/request',
    {
      schema: {
        params: TopicParams,
        body: RequestReplyBody,
        response: { 200: RequestReplyResult, ...errors },
      },
    },
    async (req) => {
      const connection = app.clusters.get(req.params.cluster);
      return requestReply(
        producerGateway(connection),
        partitionReader(connection),
        req.params.topic,
        req.body,
      );
    },
  );
};
