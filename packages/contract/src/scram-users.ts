import { Type, type Static } from 'typebox';

// ---- SCRAM users: GET/POST /api/clusters/:cluster/users, DELETE .../users/:name[?mechanism=]; client
// quotas: GET/PUT/DELETE .../quotas (issue 16). Passwords go in, never out. ----

export const ScramMechanism = Type.Union([Type.Literal('SCRAM-SHA-256'), Type.Literal('SCRAM-SHA-512')]);
export type ScramMechanism = Static<typeof ScramMechanism>;

export const ScramUser = Type.Object({
  name: Type.String(),
  mechanisms: Type.Array(Type.Object({ mechanism: ScramMechanism, iterations: Type.Integer() })),
});
export type ScramUser = Static<typeof ScramUser>;

export const ScramUserList = Type.Array(ScramUser);
export type ScramUserList = Static<typeof ScramUserList>;

const UserName = Type.String({ minLength: 1, maxLength: 255, pattern: '^[^\\s,=]+$' });

/** Creates the user, or replaces its password for that mechanism. Kafka takes 4096 to 16384 iterations. */
export const ScramUserInput = Type.Object(
  {
    name: UserName,
    mechanism: ScramMechanism,
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    iterations: Type.Optional(Type.Integer({ minimum: 4096, maximum: 16384, default: 4096 })),
  },
  { additionalProperties: false },
);
export type ScramUserInput = Static<typeof ScramUserInput>;

export const ScramUserParams = Type.Object({ cluster: Type.String({ minLength: 1 }), name: UserName });
export const ScramUserDeleteQuery = Type.Object(
  { mechanism: Type.Optional(ScramMechanism) },
  { additionalProperties: false },
);

/**
 * Which clients a quota applies to: a user, a client id, both (that user with that client id), or the
 * defaults (`defaultUser`, `defaultClientId`: every user / client id without a quota of its own).
 */
export const QuotaEntity = Type.Object(
  {
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    defaultUser: Type.Optional(Type.Boolean()),
    clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    defaultClientId: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type QuotaEntity = Static<typeof QuotaEntity>;

/** Bytes a second per broker, and the share of a request thread (100 = one thread). */
export const QuotaValues = Type.Object(
  {
    producer_byte_rate: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    consumer_byte_rate: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    request_percentage: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  },
  { additionalProperties: false },
);
export type QuotaValues = Static<typeof QuotaValues>;

export const Quota = Type.Object({ ...QuotaEntity.properties, values: QuotaValues });
export type Quota = Static<typeof Quota>;

export const QuotaList = Type.Object({ quotas: Type.Array(Quota) });
export type QuotaList = Static<typeof QuotaList>;

/** PUT .../quotas: the entity's quotas become exactly `values` (a key left out is removed). */
export const QuotaInput = Type.Object(
  { ...QuotaEntity.properties, values: QuotaValues },
  { additionalProperties: false },
);
export type QuotaInput = Static<typeof QuotaInput>;
