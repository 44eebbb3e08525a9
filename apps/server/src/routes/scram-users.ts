import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClusterParams,
  ErrorBody,
  ScramUser,
  ScramUserDeleteQuery,
  ScramUserInput,
  ScramUserList,
  ScramUserParams,
} from '@tributary/contract';
import { securityGateway } from '../kafka/security-gateway.ts';
import { deleteUser, listUsers, upsertUser } from '../domain/security/scram-users.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/**
 * SCRAM users (DescribeUserScramCredentials, AlterUserScramCredentials). The password is only in the POST
 * body: never answered, and neither the request log nor the audit log records bodies (the audit keeps `name`).
 */
export const scramUsersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/users';
  const security = (cluster: string) => securityGateway(app.clusters.get(cluster));

  app.get(base, { schema: { params: ClusterParams, response: { 200: ScramUserList, ...errors } } }, (req) =>
    listUsers(security(req.params.cluster)),
  );

  app.post(
    base,
    { schema: { params: ClusterParams, body: ScramUserInput, response: { 201: ScramUser, ...errors } } },
    async (req, reply) => reply.code(201).send(await upsertUser(security(req.params.cluster), req.body)),
  );

  app.delete(
    `${base}/:name`,
    {
      schema: {
        params: ScramUserParams,
        querystring: ScramUserDeleteQuery,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteUser(security(req.params.cluster), req.params.name, req.query.mechanism);
      return reply.code(204).send(null);
    },
  );
};
