import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  AclChange,
  AclCreate,
  AclDeleteQuery,
  AclList,
  AclQuery,
  ClusterParams,
  ConsumerAclWizard,
  ErrorBody,
  ProducerAclWizard,
  StreamsAclWizard,
} from '@tributary/contract';
import { securityGateway } from '../kafka/security-gateway.ts';
import { createAcls, deleteAcls, listAcls } from '../domain/security/acls.ts';
import {
  applyWizard,
  consumerBindings,
  producerBindings,
  streamsBindings,
} from '../domain/security/wizards.ts';
import { badRequest } from '../domain/errors.ts';
import { aclValidationMessage } from './acl-validation.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** Fastify's validation, answered as one sentence naming the field (attachValidation routes). */
function checked(req: FastifyRequest): void {
  if (req.validationError)
    throw badRequest(
      aclValidationMessage(
        req.validationError.validation ?? [],
        req.validationError.validationContext ?? 'request',
      ),
    );
}

/** Kafka's ACLs (DescribeAcls, CreateAcls, DeleteAcls) and the consumer / producer / Streams wizards. */
export const aclsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/acls';
  const security = (cluster: string) => securityGateway(app.clusters.get(cluster));

  app.get(
    base,
    {
      attachValidation: true,
      schema: { params: ClusterParams, querystring: AclQuery, response: { 200: AclList, ...errors } },
    },
    async (req) => {
      checked(req);
      return { acls: await listAcls(security(req.params.cluster), req.query) };
    },
  );

  app.post(
    base,
    {
      attachValidation: true,
      schema: { params: ClusterParams, body: AclCreate, response: { 201: AclList, ...errors } },
    },
    async (req, reply) => {
      checked(req);
      return reply.code(201).send({ acls: await createAcls(security(req.params.cluster), req.body) });
    },
  );

  app.delete(
    base,
    {
      attachValidation: true,
      schema: { params: ClusterParams, querystring: AclDeleteQuery, response: { 200: AclChange, ...errors } },
    },
    async (req) => {
      checked(req);
      return deleteAcls(security(req.params.cluster), req.query);
    },
  );

  const wizard = <B extends { dryRun?: boolean | undefined }>(
    kind: string,
    body: typeof ConsumerAclWizard | typeof ProducerAclWizard | typeof StreamsAclWizard,
    bindings: (input: B) => ReturnType<typeof consumerBindings>,
  ) =>
    app.post(
      `${base}/wizards/${kind}`,
      {
        attachValidation: true,
        schema: { params: ClusterParams, body, response: { 200: AclChange, 201: AclChange, ...errors } },
      },
      async (req, reply) => {
        checked(req);
        const input = req.body as B;
        const change = await applyWizard(security(req.params.cluster), bindings(input), input.dryRun);
        return reply.code(change.dryRun ? 200 : 201).send(change);
      },
    );
  wizard('consumer', ConsumerAclWizard, consumerBindings);
  wizard('producer', ProducerAclWizard, producerBindings);
  wizard('streams', StreamsAclWizard, streamsBindings);
};
