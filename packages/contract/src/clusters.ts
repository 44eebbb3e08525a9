import { Type, type Static } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });

/** `GET /api/ready` when every configured cluster answered in time (else 503 naming those that did not). */
export const Readiness = Type.Object({
  status: Type.Literal('ready'),
  clusters: Type.Array(
    Type.Object({
      name: Type.String(),
      /** Brokers the cluster reported. */
      brokers: Type.Integer({ minimum: 0 }),
      /** How long it took to answer. */
      ms: Type.Integer({ minimum: 0 }),
    }),
  ),
});
export type Readiness = Static<typeof Readiness>;
export type Health = Static<typeof Health>;

export const ClusterStatus = Type.Union([Type.Literal('online'), Type.Literal('offline')]);
export type ClusterStatus = Static<typeof ClusterStatus>;

/** One configured cluster as listed by `GET /api/clusters`. */
export const ClusterSummary = Type.Object({
  name: Type.String(),
  bootstrapServers: Type.Array(Type.String({ description: 'host:port' })),
  brokerCount: Type.Integer({ minimum: 0 }),
  status: ClusterStatus,
  /** Why the cluster is offline, when it is. */
  error: Type.Optional(Type.String()),
});
export type ClusterSummary = Static<typeof ClusterSummary>;

export const ClusterList = Type.Array(ClusterSummary);
export type ClusterList = Static<typeof ClusterList>;

export const ClusterParams = Type.Object({ cluster: Type.String({ minLength: 1 }) });
export type ClusterParams = Static<typeof ClusterParams>;
