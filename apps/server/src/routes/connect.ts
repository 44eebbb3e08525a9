import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClusterParams,
  ConnectList,
  ConnectParams,
  ConnectorActionParams,
  ConnectorActionResult,
  ConnectorConfig,
  ConnectorDetail,
  ConnectorList,
  ConnectorListQuery,
  ConnectorOffsets,
  ConnectorOffsetsReset,
  ConnectorParams,
  ConnectorPluginList,
  CreateConnectorBody,
  PluginConfigDefinition,
  PluginParams,
  RestartOptions,
  TaskParams,
} from '@tributary/contract';
import { listConnects } from '../domain/connect/connects.ts';
import { describeConnector, listConnectors } from '../domain/connect/connectors.ts';
import { listPlugins, pluginConfig } from '../domain/connect/plugins.ts';
import {
  connectorAction,
  connectorOffsets,
  createConnector,
  deleteConnector,
  resetConnectorOffsets,
  restartTask,
  updateConnectorConfig,
} from '../domain/connect/mutate.ts';

/** Kafka Connect through the server: Connect clusters are named in the config, never taken from a request. */
export const connectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const base = '/api/clusters/:cluster/connects';
  const connector = `${base}/:connect/connectors/:name`;
  const client = (p: { cluster: string; connect: string }) => app.connects.get(p.cluster, p.connect);

  app.get(base, { schema: { params: ClusterParams, response: { 200: ConnectList } } }, (req) =>
    listConnects(app.connects.list(req.params.cluster)),
  );

  app.get(
    `${base}/:connect/plugins`,
    { schema: { params: ConnectParams, response: { 200: ConnectorPluginList } } },
    (req) => listPlugins(client(req.params)),
  );

  app.get(
    `${base}/:connect/plugins/:class/config`,
    { schema: { params: PluginParams, response: { 200: PluginConfigDefinition } } },
    (req) => pluginConfig(client(req.params), req.params.class),
  );

  app.get(
    '/api/clusters/:cluster/connectors',
    { schema: { params: ClusterParams, querystring: ConnectorListQuery, response: { 200: ConnectorList } } },
    (req) => {
      const { connect } = req.query;
      const clients = connect
        ? [app.connects.get(req.params.cluster, connect)]
        : app.connects.list(req.params.cluster);
      return listConnectors(clients, req.query);
    },
  );

  app.post(
    `${base}/:connect/connectors`,
    { schema: { params: ConnectParams, body: CreateConnectorBody, response: { 201: ConnectorDetail } } },
    async (req, reply) => {
      const created = await createConnector(client(req.params), req.body);
      req.log.info({ connect: req.params.connect, connector: created.name }, 'connector created');
      return reply.status(201).send(created);
    },
  );

  app.get(connector, { schema: { params: ConnectorParams, response: { 200: ConnectorDetail } } }, (req) =>
    describeConnector(client(req.params), req.params.name),
  );

  app.put(
    `${connector}/config`,
    { schema: { params: ConnectorParams, body: ConnectorConfig, response: { 200: ConnectorDetail } } },
    (req) => updateConnectorConfig(client(req.params), req.params.name, req.body),
  );

  app.delete(connector, { schema: { params: ConnectorParams } }, async (req, reply) => {
    await deleteConnector(client(req.params), req.params.name);
    return reply.status(204).send();
  });

  app.post(
    `${connector}/actions/:action`,
    {
      schema: {
        params: ConnectorActionParams,
        querystring: RestartOptions,
        response: { 200: ConnectorActionResult },
      },
    },
    (req) => connectorAction(client(req.params), req.params.name, req.params.action, req.query),
  );

  app.post(
    `${connector}/tasks/:task/actions/restart`,
    { schema: { params: TaskParams } },
    async (req, reply) => {
      await restartTask(client(req.params), req.params.name, req.params.task);
      return reply.status(204).send();
    },
  );

  app.get(
    `${connector}/offsets`,
    { schema: { params: ConnectorParams, response: { 200: ConnectorOffsets } } },
    (req) => connectorOffsets(client(req.params), req.params.name),
  );

  app.delete(
    `${connector}/offsets`,
    { schema: { params: ConnectorParams, response: { 200: ConnectorOffsetsReset } } },
    (req) => resetConnectorOffsets(client(req.params), req.params.name),
  );
};
