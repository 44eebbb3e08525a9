import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClusterParams,
  ErrorBody,
  Responder,
  ResponderInput,
  ResponderList,
  ResponderParams,
} from '@tributary/contract';
import { producerGateway } from '../kafka/producer-gateway.ts';
import { createResponder, deleteResponder, listResponders } from '../domain/responders/service.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** Server-side responders for the request/reply tester: stored in Kafka, run by one server at a time. */
export const respondersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/responders';
  const store = (cluster: string) => app.schedules.of(cluster).store;

  app.get(
    base,
    { schema: { params: ClusterParams, response: { 200: ResponderList, ...errors } } },
    async (req) => ({
      responders: await listResponders(store(req.params.cluster)),
    }),
  );

  app.post(
    base,
    { schema: { params: ClusterParams, body: ResponderInput, response: { 201: Responder, ...errors } } },
    async (req, reply) => {
      const { cluster } = req.params;
      const created = await createResponder(
        store(cluster),
        producerGateway(app.clusters.get(cluster)),
        req.body,
      );
      app.schedules.of(cluster).coordinator.kick();
      return reply.code(201).send(created);
    },
  );

  app.delete(
    `${base}/:id`,
    { schema: { params: ResponderParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await deleteResponder(store(req.params.cluster), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
