import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClusterParams, ErrorBody, Quota, QuotaEntity, QuotaInput, QuotaList } from '@tributary/contract';
import { securityGateway } from '../kafka/security-gateway.ts';
import { deleteQuota, listQuotas, putQuota } from '../domain/security/quotas.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** Client quotas of users, client ids and their defaults (DescribeClientQuotas, AlterClientQuotas). */
export const quotasRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/quotas';
  const security = (cluster: string) => securityGateway(app.clusters.get(cluster));

  app.get(
    base,
    { schema: { params: ClusterParams, response: { 200: QuotaList, ...errors } } },
    async (req) => ({
      quotas: await listQuotas(security(req.params.cluster)),
    }),
  );

  app.put(
    base,
    { schema: { params: ClusterParams, body: QuotaInput, response: { 200: Quota, ...errors } } },
    (req) => putQuota(security(req.params.cluster), req.body),
  );

  app.delete(
    base,
    {
      schema: { params: ClusterParams, querystring: QuotaEntity, response: { 204: Type.Null(), ...errors } },
    },
    async (req, reply) => {
      await deleteQuota(security(req.params.cluster), req.query);
      return reply.code(204).send(null);
    },
  );
};
