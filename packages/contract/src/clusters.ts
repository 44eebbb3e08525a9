import { Type, type Static } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
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
