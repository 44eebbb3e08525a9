import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClusterParams,
  ErrorBody,
  LeaderElectionBody,
  LeaderElectionResult,
  ReassignmentBody,
  ReassignmentStatus,
  TopicParams,
} from '@tributary/contract';
import { electPreferredLeaders } from '../domain/brokers/leader-election.ts';
import {
  cancelReassignment,
  reassignmentStatus,
  startReassignment,
  type ReassignmentDeps,
} from '../domain/topics/reassignments.ts';
import { clusterGateway } from '../kafka/cluster-gateway.ts';
import { reassignmentsGateway } from '../kafka/reassignments-gateway.ts';
import { topicsGateway } from '../kafka/topics-gateway.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** Partition reassignment (`kafka-reassign-partitions`) and preferred leader election. */
export const reassignmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = (name: string): ReassignmentDeps => {
    const connection = app.clusters.get(name);
    return {
      topics: topicsGateway(connection),
      cluster: clusterGateway(connection),
      reassignments: reassignmentsGateway(connection),
    };
  };
  const path = '/api/clusters/:cluster/topics/:topic/reassignments';

  app.post(
    path,
    {
      schema: {
        params: TopicParams,
        body: ReassignmentBody,
        response: { 202: ReassignmentStatus, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await startReassignment(deps(req.params.cluster), req.params.topic, req.body)),
  );

  app.get(
    path,
    { schema: { params: TopicParams, response: { 200: ReassignmentStatus, ...errors } } },
    (req) => reassignmentStatus(deps(req.params.cluster), req.params.topic),
  );

  app.delete(
    path,
    { schema: { params: TopicParams, response: { 200: ReassignmentStatus, ...errors } } },
    (req) => cancelReassignment(deps(req.params.cluster), req.params.topic),
  );

  app.post(
    '/api/clusters/:cluster/leader-election',
    {
      schema: {
        params: ClusterParams,
        body: LeaderElectionBody,
        response: { 200: LeaderElectionResult, ...errors },
      },
    },
    (req) => {
      const { topics, reassignments } = deps(req.params.cluster);
      return electPreferredLeaders(topics, reassignments, req.body);
    },
  );
};
