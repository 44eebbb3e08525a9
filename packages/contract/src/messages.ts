import { Type, type Static } from 'typebox';

/**
 * How a key or value is rendered; `auto` decodes the Confluent wire format (magic byte 0 and a schema id
 * the cluster's Schema Registry knows), else picks json, then string (valid UTF-8), else hex. `avro`,
 * `protobuf` and `jsonschema` ask for the wire format with that kind of schema.
 */
export const DataFormat = Type.Union([
  Type.Literal('auto'),
  Type.Literal('string'),
  Type.Literal('json'),
  Type.Literal('hex'),
  Type.Literal('base64'),
  Type.Literal('avro'),
  Type.Literal('protobuf'),
  Type.Literal('jsonschema'),
]);
export type DataFormat = Static<typeof DataFormat>;

/** The formats decoded with a schema from the registry; their `text` is JSON. */
export const SCHEMA_FORMATS = ['avro', 'protobuf', 'jsonschema'] as const;
export type SchemaFormat = (typeof SCHEMA_FORMATS)[number];

/** Which registry schema decoded a key or value (Confluent wire format). */
export const DecodedSchema = Type.Object({
  id: Type.Integer(),
  subject: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer()),
  type: Type.Union([Type.Literal('AVRO'), Type.Literal('PROTOBUF'), Type.Literal('JSON')]),
});
export type DecodedSchema = Static<typeof DecodedSchema>;

/** A key, value or header value as shown: `null` stays null (no key, tombstone), never an empty string. */
export const DecodedData = Type.Union([
  Type.Null(),
  Type.Object({
    /** The format actually used (never `auto`). */
    format: Type.Union([
      Type.Literal('string'),
      Type.Literal('json'),
      Type.Literal('hex'),
      Type.Literal('base64'),
      Type.Literal('avro'),
      Type.Literal('protobuf'),
      Type.Literal('jsonschema'),
    ]),
    text: Type.String(),
    /** Size of the raw bytes. */
    size: Type.Integer({ minimum: 0 }),
    /** True when `text` was cut at the configured maximum; `size` still tells the full size. */
    truncated: Type.Boolean(),
    /** Why the requested format could not be used (e.g. not valid JSON); `text` then shows the raw data. */
    error: Type.Optional(Type.String()),
    /** The registry schema that decoded it (formats `avro`, `protobuf`, `jsonschema`). */
    schema: Type.Optional(DecodedSchema),
  }),
]);
export type DecodedData = Static<typeof DecodedData>;

export const MessageHeader = Type.Object({ key: Type.String(), value: DecodedData });
export type MessageHeader = Static<typeof MessageHeader>;

/** One record as browsed, searched or tailed. */
export const Message = Type.Object({
  partition: Type.Integer({ minimum: 0 }),
  offset: Type.String({ description: 'int64 as a decimal string' }),
  timestamp: Type.Integer({ description: 'milliseconds since the epoch' }),
  timestampType: Type.Union([Type.Literal('CreateTime'), Type.Literal('LogAppendTime')]),
  key: DecodedData,
  value: DecodedData,
  headers: Type.Array(MessageHeader),
  sizes: Type.Object({ key: Type.Integer(), value: Type.Integer(), headers: Type.Integer() }),
});
export type Message = Static<typeof Message>;

// ---- Browse: GET /api/clusters/:cluster/topics/:topic/messages ----

export const MESSAGES_MAX_LIMIT = 500;
export const SeekMode = Type.Union([
  Type.Literal('oldest'),
  Type.Literal('newest'),
  Type.Literal('offset'),
  Type.Literal('timestamp'),
]);
export type SeekMode = Static<typeof SeekMode>;
export const MessageOrder = Type.Union([Type.Literal('oldest-first'), Type.Literal('newest-first')]);
export type MessageOrder = Static<typeof MessageOrder>;

/** What every read (browse, export, search) shares: which partitions, how to show keys and values, what to keep. */
const ReadOptions = {
  /** Comma-separated partition numbers, e.g. `0,2`; all partitions when absent (checked by the server, which
   * says in a sentence what is wrong). */
  partitions: Type.Optional(Type.String({ maxLength: 10000 })),
  /** Substring looked for in keys, values and header values. */
  q: Type.Optional(Type.String({ maxLength: 1000 })),
  caseSensitive: Type.Optional(Type.Boolean()),
  /** Expression, e.g. `value.user.age > 30 && headers.source == "kcat"`. */
  filter: Type.Optional(Type.String({ maxLength: 2000 })),
  keyFormat: Type.Optional(DataFormat),
  valueFormat: Type.Optional(DataFormat),
  /** Keys, values and header values longer than this are cut (default 16 KiB). */
  maxValueBytes: Type.Optional(Type.Integer({ minimum: 16, maximum: 1 << 20 })),
};

/**
 * `seek` picks where reading starts: `oldest` (log start, reading forward), `newest` (the last messages, reading
 * backward), `offset` (from `offset`, one number for every partition or `p:o,p:o`), `timestamp` (first offset at
 * or after `timestamp`, ms or ISO 8601). `order` sorts the page; `cursor` continues where the last page ended.
 */
export const MessagesQuery = Type.Object({
  seek: Type.Optional(SeekMode),
  /** `15` (every partition) or `0:15,2:30` (per partition). */
  offset: Type.Optional(Type.String({ maxLength: 10000 })),
  timestamp: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MESSAGES_MAX_LIMIT, default: 100 })),
  order: Type.Optional(MessageOrder),
  cursor: Type.Optional(Type.String({ maxLength: 20000 })),
  ...ReadOptions,
});
export type MessagesQuery = Static<typeof MessagesQuery>;

export const MessagePage = Type.Object({
  messages: Type.Array(Message),
  /** Pass back as `cursor` for the next page; null when there is nothing further in that direction. */
  cursor: Type.Union([Type.Null(), Type.String()]),
  /** Records read to build the page (more than `messages` when a filter skipped some; with a pre-checked
   * word or filter, the offsets passed over, most of them never decoded). */
  scanned: Type.Integer({ minimum: 0 }),
  /** True when the page stopped early (scan or size budget) rather than because `limit` matched. */
  partial: Type.Boolean(),
  /** Every partition of the topic (chosen or not): log start and high watermark at the time of reading. */
  partitions: Type.Array(Type.Object({ partition: Type.Integer(), low: Type.String(), high: Type.String() })),
  /** Whether this server lets the result be exported (an administrator may switch export off). */
  exportEnabled: Type.Boolean(),
  /** Partitions that could not be read (their leader does not answer): the page holds the others. */
  warnings: Type.Optional(Type.Array(Type.String())),
});
export type MessagePage = Static<typeof MessagePage>;

/** `GET .../messages/:partition/:offset`: one message, never cut (up to 64 MiB). */
export const MessageParams = Type.Object({
  cluster: Type.String({ minLength: 1 }),
  topic: Type.String({ minLength: 1 }),
  partition: Type.Integer({ minimum: 0 }),
  /** A whole number (checked by the server, which answers a sentence). */
  offset: Type.String({ maxLength: 30 }),
});
export type MessageParams = Static<typeof MessageParams>;
export const MessageQuery = Type.Object({
  keyFormat: Type.Optional(DataFormat),
  valueFormat: Type.Optional(DataFormat),
});
export type MessageQuery = Static<typeof MessageQuery>;

// ---- Export: GET .../messages/export ----

/** Where a search looks: `all` (whole topic), `time` (`from`..`to`), `last` (the last `lastN` per partition). */
const SearchScope = {
  scope: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('time'), Type.Literal('last')])),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  lastN: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
};

/**
 * The browse result (same seek, partitions and filters), or with `scope` the search result (oldest first over
 * the search's scope), as a streamed file.
 */
export const ExportQuery = Type.Object({
  ...MessagesQuery.properties,
  ...SearchScope,
  format: Type.Union([Type.Literal('jsonl'), Type.Literal('csv')]),
  /** How many messages at most (default 10,000; up to 1,000,000). */
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10_000 })),
});
export type ExportQuery = Static<typeof ExportQuery>;

// ---- Search: GET /api/clusters/:cluster/topics/:topic/search (WebSocket) ----

/**
 * Scope: `all` (whole topic), `time` (`from`..`to`, ms or ISO 8601; `to` defaults to now), `last` (the last
 * `lastN` per partition). The scan stops at `maxMatches` or when the client sends `{"type":"stop"}` or closes.
 */
export const SearchQuery = Type.Object({
  ...SearchScope,
  maxMatches: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
  ...ReadOptions,
});
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchProgress = Type.Object({
  scanned: Type.Integer({ minimum: 0 }),
  toScan: Type.Integer({ minimum: 0 }),
  matches: Type.Integer({ minimum: 0 }),
  elapsedMs: Type.Integer({ minimum: 0 }),
});
export type SearchProgress = Static<typeof SearchProgress>;

/** Server → client events of a search, told apart by `type`. */
export const SearchEvent = Type.Union([
  Type.Object({ type: Type.Literal('message'), message: Message }),
  Type.Object({ type: Type.Literal('progress'), ...SearchProgress.properties }),
  Type.Object({
    type: Type.Literal('done'),
    reason: Type.Union([Type.Literal('completed'), Type.Literal('stopped'), Type.Literal('max-matches')]),
    ...SearchProgress.properties,
  }),
  Type.Object({ type: Type.Literal('error'), code: Type.String(), message: Type.String() }),
]);
export type SearchEvent = Static<typeof SearchEvent>;
/** Client → server: stops the scan (a `done` with reason `stopped` follows). */
export const SearchCommand = Type.Object({ type: Type.Literal('stop') });
export type SearchCommand = Static<typeof SearchCommand>;

// ---- Produce: POST /api/clusters/:cluster/topics/:topic/messages ----

/** How the text typed for a key or value becomes bytes; `json` checks that it parses. */
export const InputFormat = Type.Union([
  Type.Literal('string'),
  Type.Literal('json'),
  Type.Literal('hex'),
  Type.Literal('base64'),
]);
export type InputFormat = Static<typeof InputFormat>;

/**
 * Text or null. One JSON-schema type list rather than a union: Fastify coerces types, and with a union
 * `""` would become null (or null become `""`).
 */
const NullableText = Type.Unsafe<string | null>({ type: ['string', 'null'] });

export const ProduceHeader = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 1000 }),
  value: NullableText,
});
/** A subject of the cluster's Schema Registry and one of its versions (absent: the latest). */
export const SchemaChoice = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 1000 }),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type SchemaChoice = Static<typeof SchemaChoice>;

export const ProduceRequest = Type.Object({
  key: NullableText,
  value: NullableText,
  headers: Type.Optional(Type.Array(ProduceHeader, { maxItems: 100 })),
  partition: Type.Optional(Type.Integer({ minimum: 0 })),
  keyFormat: Type.Optional(InputFormat),
  valueFormat: Type.Optional(InputFormat),
  /** The key or value is JSON, validated and encoded with this schema in the Confluent wire format. */
  keySchema: Type.Optional(SchemaChoice),
  valueSchema: Type.Optional(SchemaChoice),
});
export type ProduceRequest = Static<typeof ProduceRequest>;
export const ProduceResult = Type.Object({
  partition: Type.Integer(),
  offset: Type.String(),
  timestamp: Type.Integer(),
});
export type ProduceResult = Static<typeof ProduceResult>;

/**
 * `POST .../messages/lines`: one message per line, like `kafka-console-producer --property parse.key=true
 * --property key.separator=:` (`separator` given: `key<sep>value`; absent: the whole line is the value).
 */
export const ProduceLinesRequest = Type.Object({
  lines: Type.String({ maxLength: 10 << 20 }),
  separator: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
  partition: Type.Optional(Type.Integer({ minimum: 0 })),
  headers: Type.Optional(Type.Array(ProduceHeader, { maxItems: 100 })),
  valueFormat: Type.Optional(Type.Union([Type.Literal('string'), Type.Literal('json')])),
  /** Each line's value is JSON, validated and encoded with this schema; one bad line refuses all (400). */
  valueSchema: Type.Optional(SchemaChoice),
});
export type ProduceLinesRequest = Static<typeof ProduceLinesRequest>;

/** How a bulk produce ended: `written` is exact; `error` names the first line that failed. */
export const ProduceSummary = Type.Object({
  written: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
  elapsedMs: Type.Integer({ minimum: 0 }),
  error: Type.Optional(Type.Object({ line: Type.Integer(), message: Type.String() })),
});
export type ProduceSummary = Static<typeof ProduceSummary>;

/**
 * `POST .../messages/upload` with the file as the body (application/octet-stream). CSV: `keyColumn` is the key,
 * `valueColumns` (comma-separated; default all) make the value — a JSON object, or the bare column text when
 * `valueMode=single`. JSON Lines: each line is the value, `keyField` names a field used as the key.
 * The answer is NDJSON: `progress` events, then one `done`.
 */
export const UploadQuery = Type.Object({
  format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')]),
  keyColumn: Type.Optional(Type.String({ maxLength: 200 })),
  valueColumns: Type.Optional(Type.String({ maxLength: 5000 })),
  valueMode: Type.Optional(Type.Union([Type.Literal('object'), Type.Literal('single')])),
  /**
   * With valueMode=object: `column:type` pairs, comma-separated (`grav:number,ok:boolean`), types string |
   * number | boolean | json. Columns not named stay strings; an empty field of a typed column is null.
   */
  columnTypes: Type.Optional(Type.String({ maxLength: 5000 })),
  delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
  keyField: Type.Optional(Type.String({ maxLength: 200 })),
  partition: Type.Optional(Type.Integer({ minimum: 0 })),
  /**
   * Each value is encoded with this subject's schema (`valueVersion`, default the latest); a row that does
   * not match refuses the whole file (400 naming the line and the field). CSV cells become numbers,
   * booleans or null where the schema wants them.
   */
  valueSubject: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  valueVersion: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type UploadQuery = Static<typeof UploadQuery>;
export type UploadEvent =
  { type: 'progress'; sent: number; total: number; ratePerSec: number } | ({ type: 'done' } & ProduceSummary);
