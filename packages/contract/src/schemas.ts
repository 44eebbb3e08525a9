import { Type, type Static } from 'typebox';
import { Paged } from './topics.ts';

// The Schema Registry of a cluster, as the server sees it through the Confluent-compatible REST API. The
// browser never talks to the registry: its URL is in the server's configuration, per cluster.

export const SchemaType = Type.Union([Type.Literal('AVRO'), Type.Literal('PROTOBUF'), Type.Literal('JSON')]);
export type SchemaType = Static<typeof SchemaType>;

export const CompatibilityLevel = Type.Union([
  Type.Literal('BACKWARD'),
  Type.Literal('BACKWARD_TRANSITIVE'),
  Type.Literal('FORWARD'),
  Type.Literal('FORWARD_TRANSITIVE'),
  Type.Literal('FULL'),
  Type.Literal('FULL_TRANSITIVE'),
  Type.Literal('NONE'),
]);
export type CompatibilityLevel = Static<typeof CompatibilityLevel>;

export const SchemaReference = Type.Object({
  name: Type.String({ minLength: 1 }),
  subject: Type.String({ minLength: 1 }),
  version: Type.Integer({ minimum: 1 }),
});
export type SchemaReference = Static<typeof SchemaReference>;

export const SubjectParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  subject: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type SubjectParams = Static<typeof SubjectParams>;

/** `latest` or a version number (checked by the server, which answers a sentence). */
export const SubjectVersionParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  subject: Type.String({ minLength: 1, maxLength: 1000 }),
  version: Type.String({ minLength: 1, maxLength: 20 }),
});
export type SubjectVersionParams = Static<typeof SubjectVersionParams>;

export const SchemaIdParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  id: Type.Integer({ minimum: 0 }),
});
export type SchemaIdParams = Static<typeof SchemaIdParams>;

/** `GET /api/clusters/:cluster/schemas?search=&page=&perPage=`. */
export const SubjectListQuery = Type.Object({
  search: Type.Optional(Type.String({ maxLength: 1000 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
export type SubjectListQuery = Static<typeof SubjectListQuery>;

/** One subject with its latest version. */
export const SubjectSummary = Type.Object({
  subject: Type.String(),
  latestVersion: Type.Integer(),
  latestId: Type.Integer(),
  type: SchemaType,
  /** The subject's own level, else the registry's global level. */
  compatibility: Type.Union([CompatibilityLevel, Type.Null()]),
});
export type SubjectSummary = Static<typeof SubjectSummary>;

export const SubjectList = Type.Object({
  ...Paged(SubjectSummary).properties,
  /** The registry's global compatibility level. */
  globalCompatibility: Type.Union([CompatibilityLevel, Type.Null()]),
});
export type SubjectList = Static<typeof SubjectList>;

/** One version of a subject's schema; `schema` is pretty-printed when it is JSON (Avro, JSON Schema). */
export const SchemaVersion = Type.Object({
  subject: Type.String(),
  version: Type.Integer(),
  id: Type.Integer(),
  type: SchemaType,
  schema: Type.String(),
  references: Type.Array(SchemaReference),
});
export type SchemaVersion = Static<typeof SchemaVersion>;

/** `GET .../schemas/:subject`: its versions, the latest schema and the compatibility level. */
export const SubjectDetail = Type.Object({
  subject: Type.String(),
  versions: Type.Array(Type.Integer()),
  latest: SchemaVersion,
  compatibility: Type.Union([CompatibilityLevel, Type.Null()]),
});
export type SubjectDetail = Static<typeof SubjectDetail>;

/** `GET .../schemas/ids/:id`. */
export const SchemaById = Type.Object({
  id: Type.Integer(),
  type: SchemaType,
  schema: Type.String(),
  references: Type.Array(SchemaReference),
  /** The subjects and versions that hold this schema. */
  subjects: Type.Array(Type.Object({ subject: Type.String(), version: Type.Integer() })),
});
export type SchemaById = Static<typeof SchemaById>;

/** `POST .../schemas/:subject` (register a version) and `POST .../schemas/:subject/check`. */
export const RegisterSchemaBody = Type.Object({
  schema: Type.String({ minLength: 1, maxLength: 1 << 20 }),
  schemaType: Type.Optional(SchemaType),
  references: Type.Optional(Type.Array(SchemaReference)),
});
export type RegisterSchemaBody = Static<typeof RegisterSchemaBody>;

export const RegisteredSchema = Type.Object({ id: Type.Integer(), version: Type.Integer() });
export type RegisteredSchema = Static<typeof RegisteredSchema>;

export const CompatibilityCheck = Type.Object({
  compatible: Type.Boolean(),
  /** The registry's reasons when it is not compatible. */
  messages: Type.Array(Type.String()),
});
export type CompatibilityCheck = Static<typeof CompatibilityCheck>;

/** `PUT .../schemas/:subject/compatibility` and `PUT .../schemas/compatibility` (the global level). */
export const CompatibilityBody = Type.Object({ compatibility: CompatibilityLevel });
export type CompatibilityBody = Static<typeof CompatibilityBody>;

/** `DELETE .../schemas/:subject[/versions/:version]?permanent=true`: a hard delete needs a soft one first. */
export const DeleteSchemaQuery = Type.Object({ permanent: Type.Optional(Type.Boolean()) });
export type DeleteSchemaQuery = Static<typeof DeleteSchemaQuery>;

/** The versions a delete removed. */
export const DeletedVersions = Type.Object({ versions: Type.Array(Type.Integer()) });
export type DeletedVersions = Static<typeof DeletedVersions>;
