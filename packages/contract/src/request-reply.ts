import { Type, type Static } from 'typebox';
import { Message, ProduceHeader } from './messages.ts';

// ---- Request/reply: POST /api/clusters/:cluster/topics/:topic/request (issue 15) ----

export const REQUEST_MAX_TIMEOUT_MS = 60_000;

/** A request sent with `reply-to` and `correlation-id` headers; replies are read group-free on `replyTopic`. */
export const RequestReplyBody = Type.Object(
  {
    key: Type.Optional(Type.Union([Type.String({ maxLength: 100_000 }), Type.Null()])),
    value: Type.Union([Type.String({ maxLength: 1_000_000 }), Type.Null()]),
    headers: Type.Optional(Type.Array(ProduceHeader, { maxItems: 100 })),
    partition: Type.Optional(Type.Integer({ minimum: 0 })),
    replyTopic: Type.String({ minLength: 1, maxLength: 249 }),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: REQUEST_MAX_TIMEOUT_MS })),
    maxReplies: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    /** Header names (defaults `reply-to` and `correlation-id`). */
    replyToHeader: Type.Optional(Type.String({ maxLength: 200 })),
    correlationHeader: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type RequestReplyBody = Static<typeof RequestReplyBody>;

export const RequestReplyResult = Type.Object({
  request: Type.Object({ partition: Type.Integer(), offset: Type.String(), correlationId: Type.String() }),
  replies: Type.Array(Type.Object({ message: Message, elapsedMs: Type.Integer() })),
  /** Set when the wait ended before maxReplies: the sentence says so (nothing answered, or only some did). */
  timedOut: Type.Optional(Type.String()),
});
export type RequestReplyResult = Static<typeof RequestReplyResult>;

// ---- Responders: POST/GET /api/clusters/:cluster/responders, DELETE .../responders/:id ----

/** A server-side responder for demos and tests: answers each request on its reply-to topic. */
export const ResponderInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    topic: Type.String({ minLength: 1, maxLength: 249 }),
    /** echo: the request's value; uppercase: in capitals; template: `template` with {{value}} in it. */
    mode: Type.Union([Type.Literal('echo'), Type.Literal('uppercase'), Type.Literal('template')]),
    template: Type.Optional(Type.String({ maxLength: 100_000 })),
    replyToHeader: Type.Optional(Type.String({ maxLength: 200 })),
    correlationHeader: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ResponderInput = Static<typeof ResponderInput>;

export const Responder = Type.Object({
  ...ResponderInput.properties,
  id: Type.String(),
  cluster: Type.String(),
  createdAt: Type.Integer(),
  answered: Type.Integer(),
  failures: Type.Integer(),
  lastError: Type.Optional(Type.String()),
  runner: Type.Optional(Type.String()),
});
export type Responder = Static<typeof Responder>;
export const ResponderList = Type.Object({ responders: Type.Array(Responder) });
export type ResponderList = Static<typeof ResponderList>;
export const ResponderParams = Type.Object({ cluster: Type.String(), id: Type.String({ maxLength: 100 }) });
