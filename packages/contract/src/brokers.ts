import { Type, type Static } from 'typebox';

/** `GET /api/clusters/:cluster`: the dashboard of one cluster. */
export const ClusterOverview = Type.Object({
  name: Type.String(),
  clusterId: Type.Union([Type.String(), Type.Null()]),
  /** The active KRaft controller (DescribeQuorum leader); null when the quorum could not be asked. */
  controllerId: Type.Union([Type.Integer(), Type.Null()]),
  brokers: Type.Object({
    online: Type.Integer({ minimum: 0 }),
    /** Online brokers plus known ones that do not answer (holding replicas, or following the metadata quorum). */
    total: Type.Integer({ minimum: 0 }),
    /** Brokers our own last connection attempt could not reach (Kafka may still list them as online). */
    unreachable: Type.Optional(Type.Array(Type.Integer())),
  }),
  /** Topics including internal ones; `internalTopicCount` says how many of them are internal. */
  topicCount: Type.Integer({ minimum: 0 }),
  internalTopicCount: Type.Integer({ minimum: 0 }),
  partitionCount: Type.Integer({ minimum: 0 }),
  underReplicatedPartitions: Type.Integer({ minimum: 0 }),
  /** Partitions without a leader. */
  offlinePartitions: Type.Integer({ minimum: 0 }),
  /** The finalized `metadata.version` (e.g. `4.3-IV0`, as `kafka-features describe` shows): the protocol tells no software version. */
  kafkaVersion: Type.Union([Type.String(), Type.Null()]),
  /** What could not be learned, or brokers that do not answer, in sentences. */
  warnings: Type.Optional(Type.Array(Type.String())),
});
export type ClusterOverview = Static<typeof ClusterOverview>;

/** What Tributary's own connection attempts say about a broker (Kafka notices a crash only after ~9 s). */
export const BrokerContact = Type.Object({
  /** Whether our last attempt was answered. */
  reachable: Type.Boolean(),
  /** When the broker last answered us, ms since 1970; null when it has not since Tributary started. */
  lastHeardAt: Type.Union([Type.Integer(), Type.Null()]),
  /** Why the last attempt failed (e.g. ECONNREFUSED); null when it was answered. */
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type BrokerContact = Static<typeof BrokerContact>;

/** One row of `GET /api/clusters/:cluster/brokers`. */
export const BrokerInfo = Type.Object({
  id: Type.Integer(),
  /** null for a known broker that is not online (no address is advertised for it). */
  host: Type.Union([Type.String(), Type.Null()]),
  port: Type.Union([Type.Integer(), Type.Null()]),
  rack: Type.Union([Type.String(), Type.Null()]),
  online: Type.Boolean(),
  controller: Type.Boolean(),
  /** Partitions this broker leads. */
  partitionsLed: Type.Integer({ minimum: 0 }),
  /** Partition replicas assigned to this broker. */
  replicas: Type.Integer({ minimum: 0 }),
  /** Bytes of partition data in the broker's log directories; null when it did not answer. */
  diskUsageBytes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** Our own last contact with it; absent when Tributary never learned its address. */
  contact: Type.Optional(BrokerContact),
});
export type BrokerInfo = Static<typeof BrokerInfo>;

export const BrokerList = Type.Array(BrokerInfo);
export type BrokerList = Static<typeof BrokerList>;

export const BrokerParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  /** A broker id, or `default`: the cluster-wide dynamic defaults (`kafka-configs --entity-default`). */
  id: Type.Union([Type.Integer({ minimum: 0 }), Type.Literal('default')]),
});
export type BrokerParams = Static<typeof BrokerParams>;
