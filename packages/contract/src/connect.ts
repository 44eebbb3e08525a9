import { Type, type Static } from 'typebox';
import { Paged } from './topics.ts';

// Kafka Connect, as the server sees it through Connect's REST API. The browser never talks to Connect:
// every Connect cluster is named in the server's configuration and addressed here by that name.

export const ConnectParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  connect: Type.String({ minLength: 1 }),
});
export type ConnectParams = Static<typeof ConnectParams>;

export const ConnectorParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  connect: Type.String({ minLength: 1 }),
  name: Type.String({ minLength: 1 }),
});
export type ConnectorParams = Static<typeof ConnectorParams>;

/** `online`: its REST API answered; `starting`: the local worker is on its way up; `offline`: no answer. */
export const ConnectStatus = Type.Union([
  Type.Literal('online'),
  Type.Literal('starting'),
  Type.Literal('offline'),
]);
export type ConnectStatus = Static<typeof ConnectStatus>;

/** `GET /api/clusters/:cluster/connects`: one row per configured Connect cluster. */
export const ConnectSummary = Type.Object({
  name: Type.String(),
  url: Type.String(),
  version: Type.Union([Type.String(), Type.Null()]),
  commit: Type.Union([Type.String(), Type.Null()]),
  kafkaClusterId: Type.Union([Type.String(), Type.Null()]),
  status: ConnectStatus,
  /** Why it is offline (or why the local worker did not start). */
  error: Type.Optional(Type.String()),
});
export type ConnectSummary = Static<typeof ConnectSummary>;
export const ConnectList = Type.Array(ConnectSummary);
export type ConnectList = Static<typeof ConnectList>;

export const ConnectorType = Type.Union([
  Type.Literal('source'),
  Type.Literal('sink'),
  Type.Literal('unknown'),
]);
export type ConnectorType = Static<typeof ConnectorType>;

/** `GET .../connects/:connect/plugins`: the connector plugins the worker has installed. */
export const ConnectorPlugin = Type.Object({
  class: Type.String(),
  type: Type.Union([Type.Literal('source'), Type.Literal('sink')]),
  version: Type.String(),
});
export type ConnectorPlugin = Static<typeof ConnectorPlugin>;
export const ConnectorPluginList = Type.Array(ConnectorPlugin);
export type ConnectorPluginList = Static<typeof ConnectorPluginList>;

export const PluginParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  connect: Type.String({ minLength: 1 }),
  class: Type.String({ minLength: 1 }),
});
export type PluginParams = Static<typeof PluginParams>;

/** One setting of a plugin's config definition (Connect's `GET /connector-plugins/{class}/config`). */
export const PluginConfigKey = Type.Object({
  name: Type.String(),
  /** Connect's type: STRING, INT, LONG, DOUBLE, BOOLEAN, LIST, CLASS, PASSWORD, SHORT. */
  type: Type.String(),
  required: Type.Boolean(),
  default: Type.Union([Type.String(), Type.Null()]),
  importance: Type.String(),
  documentation: Type.String(),
  group: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String(),
  order: Type.Integer(),
});
export type PluginConfigKey = Static<typeof PluginConfigKey>;
export const PluginConfigDefinition = Type.Array(PluginConfigKey);
export type PluginConfigDefinition = Static<typeof PluginConfigDefinition>;

export const CONNECTOR_STATES = [
  'RUNNING',
  'PAUSED',
  'STOPPED',
  'FAILED',
  'UNASSIGNED',
  'RESTARTING',
  'UNKNOWN',
] as const;
export const ConnectorState = Type.Unsafe<(typeof CONNECTOR_STATES)[number]>(
  Type.String({ enum: [...CONNECTOR_STATES] }),
);
export type ConnectorState = Static<typeof ConnectorState>;

export const ConnectorListQuery = Type.Object({
  /** Case-insensitive part of the connector's name or class. */
  search: Type.Optional(Type.String({ maxLength: 256 })),
  /** Only this Connect cluster's connectors. */
  connect: Type.Optional(Type.String({ minLength: 1 })),
  /** Only connectors that read or write this topic. */
  topic: Type.Optional(Type.String({ minLength: 1 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
});
export type ConnectorListQuery = Static<typeof ConnectorListQuery>;

/** One row of `GET /api/clusters/:cluster/connectors`, over all of the cluster's Connect clusters. */
export const ConnectorSummary = Type.Object({
  connect: Type.String(),
  name: Type.String(),
  type: ConnectorType,
  class: Type.String(),
  state: ConnectorState,
  tasksTotal: Type.Integer({ minimum: 0 }),
  tasksFailed: Type.Integer({ minimum: 0 }),
  topics: Type.Array(Type.String()),
});
export type ConnectorSummary = Static<typeof ConnectorSummary>;

/** A page of connectors; `unavailable` names the Connect clusters that did not answer (their rows are missing). */
export const ConnectorList = Type.Intersect([
  Paged(ConnectorSummary),
  Type.Object({
    unavailable: Type.Array(Type.Object({ connect: Type.String(), message: Type.String() })),
  }),
]);
export type ConnectorList = Static<typeof ConnectorList>;

export const ConnectorTask = Type.Object({
  id: Type.Integer({ minimum: 0 }),
  state: ConnectorState,
  workerId: Type.String(),
  trace: Type.Optional(Type.String()),
});
export type ConnectorTask = Static<typeof ConnectorTask>;

/** `GET .../connects/:connect/connectors/:name`. */
export const ConnectorDetail = Type.Object({
  name: Type.String(),
  type: ConnectorType,
  class: Type.String(),
  config: Type.Record(Type.String(), Type.String()),
  state: ConnectorState,
  workerId: Type.String(),
  trace: Type.Optional(Type.String()),
  tasks: Type.Array(ConnectorTask),
  topics: Type.Array(Type.String()),
});
export type ConnectorDetail = Static<typeof ConnectorDetail>;

/** Values as Connect takes them: strings; numbers and booleans (as pasted JSON often has) are turned into strings. */
export const ConnectorConfig = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
);
export type ConnectorConfig = Static<typeof ConnectorConfig>;

/** `POST .../connects/:connect/connectors`. */
export const CreateConnectorBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 249 }),
  config: ConnectorConfig,
});
export type CreateConnectorBody = Static<typeof CreateConnectorBody>;

export const CONNECTOR_ACTIONS = ['pause', 'resume', 'stop', 'restart'] as const;
export type ConnectorAction = (typeof CONNECTOR_ACTIONS)[number];
export const ConnectorActionParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  connect: Type.String({ minLength: 1 }),
  name: Type.String({ minLength: 1 }),
  action: Type.Unsafe<ConnectorAction>(Type.String({ enum: [...CONNECTOR_ACTIONS] })),
});
export type ConnectorActionParams = Static<typeof ConnectorActionParams>;

/** `restart` only: also restart the tasks, and only what has failed (Connect's own parameters). */
export const RestartOptions = Type.Object({
  includeTasks: Type.Optional(Type.Boolean({ default: false })),
  onlyFailed: Type.Optional(Type.Boolean({ default: false })),
});
export type RestartOptions = Static<typeof RestartOptions>;

export const TaskParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  connect: Type.String({ minLength: 1 }),
  name: Type.String({ minLength: 1 }),
  task: Type.Integer({ minimum: 0 }),
});
export type TaskParams = Static<typeof TaskParams>;

/** The connector's state after an action, as far as Connect reports it at once. */
export const ConnectorActionResult = Type.Object({ name: Type.String(), state: ConnectorState });
export type ConnectorActionResult = Static<typeof ConnectorActionResult>;

/**
 * `GET .../connectors/:name/offsets` (Kafka 3.6+): for a source, its source partitions (e.g. a file) and
 * positions; for a sink, Kafka topic partitions and consumer offsets.
 */
export const ConnectorOffsets = Type.Object({
  offsets: Type.Array(
    Type.Object({
      partition: Type.Record(Type.String(), Type.Unknown()),
      offset: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    }),
  ),
});
export type ConnectorOffsets = Static<typeof ConnectorOffsets>;

export const ConnectorOffsetsReset = Type.Object({ message: Type.String() });
export type ConnectorOffsetsReset = Static<typeof ConnectorOffsetsReset>;
