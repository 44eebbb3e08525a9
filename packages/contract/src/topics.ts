import { Type, type Static, type TSchema } from 'typebox';

/**
 * The shape of every paged list: the requested page's `items`, the `total` number of matches (after search
 * and filters, before paging), and the `page` (1-based) and `perPage` that were applied.
 */
export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    perPage: Type.Integer({ minimum: 1 }),
  });

export const TopicParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  topic: Type.String({ minLength: 1 }),
});
export type TopicParams = Static<typeof TopicParams>;

export const TOPIC_SORT_FIELDS = [
  'name',
  'partitionCount',
  'replicationFactor',
  'underReplicatedPartitions',
  'sizeBytes',
  'messageCount',
] as const;
export type TopicSortField = (typeof TOPIC_SORT_FIELDS)[number];

/**
 * `GET /api/clusters/:cluster/topics`. `search` matches a part of the name (case-insensitive). Sorting by
 * `sizeBytes` or `messageCount` has to describe every matching topic; the other fields only need metadata.
 */
export const TopicListQuery = Type.Object({
  search: Type.Optional(Type.String({ maxLength: 249 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 25 })),
  sortBy: Type.Optional(Type.Unsafe<TopicSortField>(Type.String({ enum: [...TOPIC_SORT_FIELDS] }))),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  /** Kafka's internal topics (Metadata's isInternal: `__consumer_offsets`, `__transaction_state`, ...) are hidden unless this is true. */
  showInternal: Type.Optional(Type.Boolean({ default: false })),
});
export type TopicListQuery = Static<typeof TopicListQuery>;

/** Bytes or messages where every broker holding the data answered; null when some did not. */
const MaybeCount = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);

/** One row of the topic list. */
export const TopicSummary = Type.Object({
  name: Type.String(),
  internal: Type.Boolean(),
  partitionCount: Type.Integer({ minimum: 0 }),
  replicationFactor: Type.Integer({ minimum: 0 }),
  /** Partitions whose in-sync replicas are fewer than their replicas. */
  underReplicatedPartitions: Type.Integer({ minimum: 0 }),
  /** Log size of one copy of the data (the leader's replica of each partition), not times the RF. */
  sizeBytes: MaybeCount,
  /** Sum over partitions of endOffset - startOffset (compaction and transaction markers make it approximate). */
  messageCount: MaybeCount,
});
export type TopicSummary = Static<typeof TopicSummary>;

/** Set when some values could not be learned (a broker did not answer); those values are null. */
const Warnings = Type.Optional(Type.Array(Type.String()));

export const TopicList = Type.Object({ ...Paged(TopicSummary).properties, warnings: Warnings });
export type TopicList = Static<typeof TopicList>;

export const PartitionInfo = Type.Object({
  partition: Type.Integer({ minimum: 0 }),
  /** Broker id of the leader; null when the partition is offline (no leader). */
  leader: Type.Union([Type.Integer(), Type.Null()]),
  replicas: Type.Array(Type.Integer()),
  isr: Type.Array(Type.Integer()),
  offlineReplicas: Type.Array(Type.Integer()),
  /** LOG-START-OFFSET, int64 as a decimal string; null when the leader did not answer. */
  startOffset: Type.Union([Type.String(), Type.Null()]),
  /** LOG-END-OFFSET (high watermark), int64 as a decimal string. */
  endOffset: Type.Union([Type.String(), Type.Null()]),
  /** Log size of the leader's replica. */
  sizeBytes: MaybeCount,
});
export type PartitionInfo = Static<typeof PartitionInfo>;

/** `GET /api/clusters/:cluster/topics/:topic`. */
export const TopicDetail = Type.Object({
  ...TopicSummary.properties,
  partitions: Type.Array(PartitionInfo),
  warnings: Warnings,
});
export type TopicDetail = Static<typeof TopicDetail>;

/** `POST /api/clusters/:cluster/topics`. RF defaults to the broker's `default.replication.factor`. */
export const CreateTopicBody = Type.Object({
  name: Type.String(),
  partitions: Type.Integer(),
  replicationFactor: Type.Optional(Type.Integer()),
  configs: Type.Optional(Type.Record(Type.String(), Type.String())),
});
export type CreateTopicBody = Static<typeof CreateTopicBody>;

/** 201 answer; `warnings` repeats what `kafka-topics --create` would warn about (e.g. `.`/`_` in names). */
export const CreatedTopic = Type.Object({
  name: Type.String(),
  partitions: Type.Integer(),
  replicationFactor: Type.Integer(),
  warnings: Type.Array(Type.String()),
});
export type CreatedTopic = Static<typeof CreatedTopic>;

/** Where a config value comes from: set on the topic, inherited from the broker, or Kafka's default. */
export const ConfigSource = Type.Union([
  Type.Literal('topic'),
  Type.Literal('broker'),
  Type.Literal('default'),
]);
export type ConfigSource = Static<typeof ConfigSource>;

/** One config entry of a topic or a broker (`kafka-configs --describe --all`). */
export const ConfigEntry = Type.Object({
  name: Type.String(),
  /** null for sensitive values and unset ones. */
  value: Type.Union([Type.String(), Type.Null()]),
  source: ConfigSource,
  /** Kafka's own source name, e.g. DYNAMIC_TOPIC_CONFIG, STATIC_BROKER_CONFIG, DEFAULT_CONFIG. */
  kafkaSource: Type.String(),
  readOnly: Type.Boolean(),
  sensitive: Type.Boolean(),
  /** Kafka's type name: BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD or UNKNOWN. */
  type: Type.String(),
  documentation: Type.Union([Type.String(), Type.Null()]),
});
export type ConfigEntry = Static<typeof ConfigEntry>;

export const ConfigList = Type.Array(ConfigEntry);
export type ConfigList = Static<typeof ConfigList>;

/** `PATCH .../configs`: set some keys, reset others to their inherited value; every other override stays. */
export const AlterConfigsBody = Type.Object({
  set: Type.Optional(Type.Record(Type.String(), Type.String())),
  reset: Type.Optional(Type.Array(Type.String())),
});
export type AlterConfigsBody = Static<typeof AlterConfigsBody>;

/** `POST .../partitions`: the new total partition count (it can only grow). */
export const AddPartitionsBody = Type.Object({ count: Type.Integer() });
export type AddPartitionsBody = Static<typeof AddPartitionsBody>;

export const AddPartitionsResult = Type.Object({
  name: Type.String(),
  previousCount: Type.Integer(),
  partitionCount: Type.Integer(),
});
export type AddPartitionsResult = Static<typeof AddPartitionsResult>;

/** `DELETE .../records?partitions=0,2`: which partitions to purge (all when left out). */
export const PurgeQuery = Type.Object({ partitions: Type.Optional(Type.String()) });
export type PurgeQuery = Static<typeof PurgeQuery>;

/** Per purged partition, the new LOG-START-OFFSET (the high watermark at the time of the purge). */
export const PurgeResult = Type.Object({
  partitions: Type.Array(Type.Object({ partition: Type.Integer(), startOffset: Type.String() })),
});
export type PurgeResult = Static<typeof PurgeResult>;

/** Most messages a clone copies (`copyMessages`). */
export const CLONE_MAX_MESSAGES = 100_000;

/**
 * `POST .../topics/:topic/clone`: a new topic with the same partition count, replication factor and config
 * overrides; `copyMessages` copies up to that many of the newest messages (split evenly over the partitions,
 * each to the same partition, with key, value and headers; new timestamps).
 */
export const CloneTopicBody = Type.Object({
  name: Type.String(),
  copyMessages: Type.Optional(Type.Integer({ minimum: 0, maximum: CLONE_MAX_MESSAGES })),
});
export type CloneTopicBody = Static<typeof CloneTopicBody>;

export const CloneTopicResult = Type.Object({
  ...CreatedTopic.properties,
  /** The config overrides carried over, by name. */
  configs: Type.Array(Type.String()),
  copiedMessages: Type.Integer({ minimum: 0 }),
});
export type CloneTopicResult = Static<typeof CloneTopicResult>;
