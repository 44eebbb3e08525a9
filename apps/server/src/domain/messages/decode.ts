import type { DataFormat, DecodedData, Message } from '@tributary/contract';
import type { FetchedRecord } from '../../kafka/partition-reader.ts';
import { schemaInfoFor, wireSchemaId, type SchemaCache } from '../schemas/schema-cache.ts';
import { CONSUMER_OFFSETS, decodeConsumerOffsetsKey, decodeConsumerOffsetsValue } from './internal-topics.ts';

export interface DecodeOptions {
  keyFormat: DataFormat;
  valueFormat: DataFormat;
  /** Keys, values and header values longer than this are cut; `size` keeps the full size. */
  maxValueBytes: number;
  /** The cluster's schemas by id (loaded for the records before they are decoded); absent: no registry. */
  schemas?: SchemaCache | undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');
// Control characters other than tab, newline and carriage return mean "binary", even when valid UTF-8.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The text when `bytes` are printable UTF-8 (a character cut at the end of a prefix is allowed), else null. */
function printableText(bytes: Buffer, isPrefix: boolean): string | null {
  try {
    // `stream` accepts an incomplete last character, which a cut prefix may end with.
    const text = isPrefix
      ? new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
      : strictUtf8.decode(bytes);
    return CONTROL.test(text) ? null : text;
  } catch {
    return null;
  }
}

function asJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
}

const SCHEMA_FORMAT_NAMES = { avro: 'Avro', protobuf: 'Protobuf', jsonschema: 'JSON Schema' } as const;
const FORMAT_OF_TYPE = { AVRO: 'avro', PROTOBUF: 'protobuf', JSON: 'jsonschema' } as const;

/**
 * The Confluent wire format decoded with the registry's schema; undefined under `auto` when the bytes are
 * not in that format (the plain formats then apply). A schema that cannot be had or used shows the bytes
 * as hex with the reason, never an error of the whole read.
 */
function decodeWithSchema(
  bytes: Buffer,
  format: 'auto' | 'avro' | 'protobuf' | 'jsonschema',
  maxBytes: number,
  schemas: SchemaCache | undefined,
  where: { topic: string; part: 'key' | 'value' } | undefined,
): DecodedData | undefined {
  const size = bytes.length;
  const asHex = (error: string): DecodedData => ({
    format: 'hex',
    text: bytes.subarray(0, maxBytes).toString('hex'),
    size,
    truncated: size > maxBytes,
    error,
  });
  const id = wireSchemaId(bytes);
  const wanted = format === 'auto' ? undefined : SCHEMA_FORMAT_NAMES[format];
  if (id === undefined)
    return wanted
      ? asHex(`Not ${wanted} in the Confluent wire format (magic byte 0, then a 4-byte schema id).`)
      : undefined;
  if (!schemas)
    return wanted
      ? asHex(`This cluster has no Schema Registry configured, so ${wanted} cannot be decoded.`)
      : undefined;
  const slot = schemas.peek(id);
  if (!slot) return wanted ? asHex(`Schema id ${id} was not loaded from the Schema Registry.`) : undefined;
  if (slot.kind !== 'ready') return asHex(slot.message);
  const { schema } = slot;
  const info = where ? schemaInfoFor(schema, where.topic, where.part) : schema.info;
  let text: string;
  try {
    text = JSON.stringify(schema.decode(bytes.subarray(5)), schema.replacer, 2);
  } catch (error) {
    return asHex(
      `Could not decode with schema id ${id}${info.subject ? ` (${info.subject})` : ''}: ${(error as Error).message}`,
    );
  }
  const truncated = text.length > maxBytes;
  return {
    format: FORMAT_OF_TYPE[schema.info.type],
    text: truncated ? text.slice(0, maxBytes) : text,
    size,
    truncated,
    schema: info,
  };
}

/**
 * Decodes bytes for display in the requested format; `auto` decodes the Confluent wire format when the
 * registry knows the id, else picks json, then string, then hex.
 */
export function decodeData(
  bytes: Buffer | null,
  format: DataFormat,
  maxBytes: number,
  schemas?: SchemaCache,
  /** The record's topic and part, to name the subject its schema is registered under for this topic. */
  where?: { topic: string; part: 'key' | 'value' },
): DecodedData {
  if (bytes === null) return null;
  if (format === 'auto' || format === 'avro' || format === 'protobuf' || format === 'jsonschema') {
    const decoded = decodeWithSchema(bytes, format, maxBytes, schemas, where);
    if (decoded !== undefined) return decoded;
  }
  const size = bytes.length;
  const truncated = size > maxBytes;
  const shown = truncated ? bytes.subarray(0, maxBytes) : bytes;
  const data = (f: 'string' | 'json' | 'hex' | 'base64', text: string, error?: string): DecodedData => ({
    format: f,
    text,
    size,
    truncated,
    ...(error ? { error } : {}),
  });
  switch (format) {
    case 'avro':
    case 'protobuf':
    case 'jsonschema':
    case 'hex':
      return data('hex', shown.toString('hex'));
    case 'base64':
      return data('base64', shown.toString('base64'));
    case 'string':
      return data('string', lenientUtf8.decode(shown));
    case 'json': {
      const text = printableText(shown, truncated);
      if (text === null)
        return data('hex', shown.toString('hex'), 'Not valid JSON: the data is not UTF-8 text');
      if (truncated)
        return data('string', text, 'Cut before the end: load the whole value to check the JSON');
      const pretty = asJson(text);
      return pretty === null ? data('string', text, jsonError(text)) : data('json', pretty);
    }
    case 'auto': {
      const text = printableText(shown, truncated);
      if (text === null) return data('hex', shown.toString('hex'));
      const pretty = truncated || !/^\s*[[{"\d-tfn]/.test(text) ? null : asJson(text);
      return pretty === null ? data('string', text) : data('json', pretty);
    }
  }
}

/** A fetched record as the API shows it: key and value decoded, headers as text when they are text. */
export function decodeRecord(record: FetchedRecord, options: DecodeOptions): Message {
  const { keyFormat, valueFormat, maxValueBytes, schemas } = options;
  let headerBytes = 0;
  const headers = record.headers.map((h) => {
    headerBytes += Buffer.byteLength(h.key) + (h.value?.length ?? 0);
    return { key: h.key, value: decodeData(h.value, 'auto', maxValueBytes) };
  });
  // `auto` on `__consumer_offsets`: the coordinator's own records, decoded (group, topic, partition, offset…).
  const offsets = record.topic === CONSUMER_OFFSETS;
  const key =
    (offsets && keyFormat === 'auto' ? decodeConsumerOffsetsKey(record.key, maxValueBytes) : undefined) ??
    decodeData(record.key, keyFormat, maxValueBytes, schemas, { topic: record.topic, part: 'key' });
  const value =
    (offsets && valueFormat === 'auto'
      ? decodeConsumerOffsetsValue(record.key, record.value, maxValueBytes)
      : undefined) ??
    decodeData(record.value, valueFormat, maxValueBytes, schemas, { topic: record.topic, part: 'value' });
  return {
    partition: record.partition,
    offset: record.offset,
    timestamp: Number(record.timestamp),
    timestampType: record.timestampType,
    key,
    value,
    headers,
    sizes: { key: record.key?.length ?? 0, value: record.value?.length ?? 0, headers: headerBytes },
  };
}
