import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClusterParams,
  ErrorBody,
  Template,
  TemplateImport,
  TemplateInput,
  TemplateList,
  TemplateParams,
} from '@tributary/contract';
import { TemplateStore } from '../kafka/templates-store.ts';
import { deleteTemplate, importTemplates, listTemplates, saveTemplate } from '../domain/templates/service.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody };

/** Saved messages, per cluster, in a compacted Kafka topic. GET is also the export that import takes. */
export const templatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/templates';
  const stores = new Map<string, TemplateStore>();
  const store = (cluster: string): TemplateStore => {
    const connection = app.clusters.get(cluster); // the 404 that lists the clusters
    let found = stores.get(cluster);
    if (!found) stores.set(cluster, (found = new TemplateStore(connection, app.config.templates.topic)));
    return found;
  };

  app.get(
    base,
    { schema: { params: ClusterParams, response: { 200: TemplateList, ...errors } } },
    async (req) => ({ templates: await listTemplates(store(req.params.cluster)) }),
  );

  app.post(
    base,
    { schema: { params: ClusterParams, body: TemplateInput, response: { 201: Template, ...errors } } },
    async (req, reply) => reply.code(201).send(await saveTemplate(store(req.params.cluster), req.body)),
  );

  app.post(
    `${base}/import`,
    { schema: { params: ClusterParams, body: TemplateImport, response: { 200: TemplateList, ...errors } } },
    async (req) => ({ templates: await importTemplates(store(req.params.cluster), req.body) }),
  );

  app.delete(
    `${base}/:id`,
    { schema: { params: TemplateParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await deleteTemplate(store(req.params.cluster), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
