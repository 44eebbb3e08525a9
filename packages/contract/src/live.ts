// Live tail over a WebSocket: GET /api/clusters/:cluster/topics/:topic/live (upgrade).
// Both directions are JSON objects with a `type` field; the unions below are the whole protocol.
import { Type, type Static } from 'typebox';
import { DataFormat, Message } from './messages.ts';
import { ERROR_CODES, type ErrorCode } from './errors.ts';

export const LiveParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  topic: Type.String({ minLength: 1 }),
});
export type LiveParams = Static<typeof LiveParams>;

/** Where a partition's tail stands: the next offset the server will read. */
export const LivePosition = Type.Object({
  partition: Type.Integer({ minimum: 0 }),
  offset: Type.String({ description: 'int64 as a decimal string: the next offset to read' }),
});
export type LivePosition = Static<typeof LivePosition>;

/**
 * Where to start: `now` is the log end (kafka-console-consumer without --from-beginning), `last` the last
 * `count` messages of each partition, `offsets` resumes exactly (what the client sends after a reconnect).
 */
export const LiveFrom = Type.Union([
  Type.Object({ mode: Type.Literal('now') }),
  Type.Object({ mode: Type.Literal('last'), count: Type.Integer({ minimum: 1, maximum: 10_000 }) }),
  Type.Object({ mode: Type.Literal('offsets'), offsets: Type.Array(LivePosition, { maxItems: 10_000 }) }),
]);
export type LiveFrom = Static<typeof LiveFrom>;

/** The same filter language as message search. */
export const LiveFilter = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 1000 })),
  caseSensitive: Type.Optional(Type.Boolean()),
  filter: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type LiveFilter = Static<typeof LiveFilter>;

const Partitions = Type.Union([Type.Null(), Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 10_000 })], {
  description: 'null: every partition',
});

// ---- client → server ----------------------------------------------------------------------------------

export const LiveCommand = Type.Union([
  /** Starts (or restarts) the tail; may be sent again at any time to choose another starting point. */
  Type.Object({
    type: Type.Literal('start'),
    from: LiveFrom,
    partitions: Type.Optional(Partitions),
    filter: Type.Optional(LiveFilter),
    keyFormat: Type.Optional(DataFormat),
    valueFormat: Type.Optional(DataFormat),
  }),
  Type.Object({ type: Type.Literal('pause') }),
  Type.Object({ type: Type.Literal('resume') }),
  Type.Object({ type: Type.Literal('partitions'), partitions: Partitions }),
  Type.Object({ type: Type.Literal('filter'), filter: LiveFilter }),
  /** Flow control: the tab has shown `count` more messages, so the server may send that many more. */
  Type.Object({ type: Type.Literal('ack'), count: Type.Integer({ minimum: 1 }) }),
  Type.Object({ type: Type.Literal('stop') }),
]);
export type LiveCommand = Static<typeof LiveCommand>;

// ---- server → client ----------------------------------------------------------------------------------

export const LiveStats = Type.Object({
  type: Type.Literal('stats'),
  /** Messages per second appended to the tailed partitions (from their log-end offsets). */
  topicRate: Type.Number(),
  /** Messages per second sent to this tab. */
  sentRate: Type.Number(),
  /** Messages read but hidden by the filter in the last second. */
  filtered: Type.Integer({ minimum: 0 }),
  /** Matching messages not sent in the last second because the tab could not keep up (sampled away). */
  skipped: Type.Integer({ minimum: 0 }),
  skippedTotal: Type.Integer({ minimum: 0 }),
  sentTotal: Type.Integer({ minimum: 0 }),
  /** Messages sent and not yet acknowledged by the tab, and bytes waiting in the socket. */
  inFlight: Type.Integer({ minimum: 0 }),
  bufferedBytes: Type.Integer({ minimum: 0 }),
  /** Messages behind the log end over the tailed partitions. */
  lag: Type.Integer({ minimum: 0 }),
  paused: Type.Boolean(),
});
export type LiveStats = Static<typeof LiveStats>;

export const LiveEvent = Type.Union([
  /** Sent after every start, partition or filter change: what is tailed, from where. */
  Type.Object({
    type: Type.Literal('subscribed'),
    topic: Type.String(),
    allPartitions: Type.Array(Type.Integer({ minimum: 0 })),
    partitions: Type.Array(Type.Integer({ minimum: 0 })),
    positions: Type.Array(LivePosition),
    filter: LiveFilter,
    /** True when the start was a resume at given offsets (after a reconnect). */
    resumed: Type.Boolean(),
  }),
  /**
   * Messages in reading order, gathered for up to 50 ms (or a few hundred) into one frame: one frame and one
   * paint per batch. Acknowledge them with one `ack` of their count once shown.
   */
  Type.Object({ type: Type.Literal('messages'), messages: Type.Array(Message, { minItems: 1 }) }),
  LiveStats,
  Type.Object({ type: Type.Literal('paused'), positions: Type.Array(LivePosition) }),
  Type.Object({ type: Type.Literal('resumed'), positions: Type.Array(LivePosition) }),
  /** Keeps idle proxies from closing the socket; `at` is the server's clock (ms). */
  Type.Object({ type: Type.Literal('heartbeat'), at: Type.Integer() }),
  /** `fatal`: the stream is over (topic deleted, Kafka gone, cap reached); otherwise the tail goes on. */
  Type.Object({
    type: Type.Literal('error'),
    code: Type.Unsafe<ErrorCode>(Type.String({ enum: [...ERROR_CODES] })),
    message: Type.String(),
    fatal: Type.Boolean(),
  }),
  /** The server ends the stream; `reconnect` tells the client whether trying again makes sense. */
  Type.Object({ type: Type.Literal('end'), reason: Type.String(), reconnect: Type.Boolean() }),
]);
export type LiveEvent = Static<typeof LiveEvent>;
export type LiveEventOf<T extends LiveEvent['type']> = Extract<LiveEvent, { type: T }>;

/** WebSocket close codes the server uses (4000-4999 are the application's). */
export const LIVE_CLOSE = {
  /** A fatal error was sent just before; the `end` before it says whether reconnecting later can help. */
  fatal: 4000,
  /** The per-server cap of concurrent tails is reached. */
  tooMany: 4029,
  /** The client asked to stop. */
  stopped: 1000,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
} as const;
