import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ClusterParams,
  CompatibilityBody,
  CompatibilityCheck,
  DeletedVersions,
  DeleteSchemaQuery,
  RegisteredSchema,
  RegisterSchemaBody,
  SchemaById,
  SchemaIdParams,
  SchemaVersion,
  SubjectDetail,
  SubjectList,
  SubjectListQuery,
  SubjectParams,
  SubjectVersionParams,
} from '@tributary/contract';
import {
  checkCompatibility,
  deleteSubject,
  deleteVersion,
  describeSubject,
  listSubjects,
  registerSchema,
  schemaById,
  schemaVersion,
  setCompatibility,
} from '../domain/schemas/subjects.ts';

const CompatibilityAnswer = Type.Object({ compatibility: CompatibilityBody.properties.compatibility });

/** The cluster's Schema Registry through the server: its URL is in the config, never taken from a request. */
export const schemaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/schemas';
  const client = (cluster: string) => app.schemaRegistries.get(cluster);

  app.get(
    base,
    { schema: { params: ClusterParams, querystring: SubjectListQuery, response: { 200: SubjectList } } },
    (req) => listSubjects(client(req.params.cluster), req.query),
  );

  // Registered before `:subject` routes: the global level and schemas by id have fixed names.
  app.put(
    `${base}/compatibility`,
    { schema: { params: ClusterParams, body: CompatibilityBody, response: { 200: CompatibilityAnswer } } },
    (req) => setCompatibility(client(req.params.cluster), undefined, req.body.compatibility),
  );

  app.get(`${base}/ids/:id`, { schema: { params: SchemaIdParams, response: { 200: SchemaById } } }, (req) =>
    schemaById(client(req.params.cluster), req.params.id),
  );

  app.get(
    `${base}/:subject`,
    { schema: { params: SubjectParams, response: { 200: SubjectDetail } } },
    (req) => describeSubject(client(req.params.cluster), req.params.subject),
  );

  app.get(
    `${base}/:subject/versions/:version`,
    { schema: { params: SubjectVersionParams, response: { 200: SchemaVersion } } },
    (req) => schemaVersion(client(req.params.cluster), req.params.subject, req.params.version),
  );

  app.post(
    `${base}/:subject`,
    { schema: { params: SubjectParams, body: RegisterSchemaBody, response: { 200: RegisteredSchema } } },
    async (req) => {
      const registered = await registerSchema(client(req.params.cluster), req.params.subject, req.body);
      req.log.info({ subject: req.params.subject, ...registered }, 'schema registered');
      return registered;
    },
  );

  app.post(
    `${base}/:subject/check`,
    { schema: { params: SubjectParams, body: RegisterSchemaBody, response: { 200: CompatibilityCheck } } },
    (req) => checkCompatibility(client(req.params.cluster), req.params.subject, req.body),
  );

  app.put(
    `${base}/:subject/compatibility`,
    { schema: { params: SubjectParams, body: CompatibilityBody, response: { 200: CompatibilityAnswer } } },
    (req) => setCompatibility(client(req.params.cluster), req.params.subject, req.body.compatibility),
  );

  app.delete(
    `${base}/:subject`,
    { schema: { params: SubjectParams, querystring: DeleteSchemaQuery, response: { 200: DeletedVersions } } },
    async (req) => {
      const deleted = await deleteSubject(
        client(req.params.cluster),
        req.params.subject,
        !!req.query.permanent,
      );
      req.log.info({ subject: req.params.subject, permanent: !!req.query.permanent }, 'subject deleted');
      return deleted;
    },
  );

  app.delete(
    `${base}/:subject/versions/:version`,
    {
      schema: {
        params: SubjectVersionParams,
        querystring: DeleteSchemaQuery,
        response: { 200: DeletedVersions },
      },
    },
    (req) =>
      deleteVersion(
        client(req.params.cluster),
        req.params.subject,
        req.params.version,
        !!req.query.permanent,
      ),
  );
};
