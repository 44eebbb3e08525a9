import { Type, type Static } from 'typebox';

/** How a key or value is rendered; `auto` picks json, then string (valid UTF-8), else hex. */
export const DataFormat = Type.Union([
  Type.Literal('auto'),
  Type.Literal('string'),
  Type.Literal('json'),
  Type.Literal('hex'),
  Type.Literal('base64'),
]);
export type DataFormat = Static<typeof DataFormat>;

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
    ]),
    text: Type.String(),
    /** Size of the raw bytes. */
    size: Type.Integer({ minimum: 0 }),
    /** True when `text` was cut at the configured maximum; `size` still tells the full size. */
    truncated: Type.Boolean(),
    /** Why the requested format could not be used (e.g. not valid JSON); `text` then shows the raw data. */
    error: Type.Optional(Type.String()),
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
