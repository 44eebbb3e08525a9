import { Type, type Static } from 'typebox';

/** Every error kind the API answers with; the HTTP status follows from it (see the server's error mapper). */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'KAFKA_UNAVAILABLE',
  'KAFKA_ERROR',
  'CONNECT_UNAVAILABLE',
  'CONNECT_ERROR',
  'SCHEMA_REGISTRY_UNAVAILABLE',
  'SCHEMA_REGISTRY_ERROR',
  /** The Schema Registry refused a schema as incompatible with the subject's earlier versions. */
  'SCHEMA_INCOMPATIBLE',
  'SSO_UNAVAILABLE',
  'TOO_MANY',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field a validator refused (e.g. Kafka Connect's per-field messages), with every reason. */
export const FieldErrors = Type.Object({ name: Type.String(), errors: Type.Array(Type.String()) });
export type FieldErrors = Static<typeof FieldErrors>;

/** The body of every non-2xx answer: a machine code and a sentence a person understands. */
export const ErrorBody = Type.Object({
  code: Type.Unsafe<ErrorCode>(Type.String({ enum: [...ERROR_CODES] })),
  message: Type.String(),
  /** The request's id, as the server log's `reqId` says it: quote it when asking an operator. */
  requestId: Type.Optional(Type.String()),
  /** Present when the refusal is about named fields: each with its own messages. */
  fields: Type.Optional(Type.Array(FieldErrors)),
});
export type ErrorBody = Static<typeof ErrorBody>;
