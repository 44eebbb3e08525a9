import type { DataFormat, DecodedData, Message } from '@tributary/contract';
import type { FetchedRecord } from '../../kafka/partition-reader.ts';

export interface DecodeOptions {
  keyFormat: DataFormat;
  valueFormat: DataFormat;
  /** Keys, values and header values longer than this are cut; `size` keeps the full size. */
  maxValueBytes: number;
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

/** Decodes bytes for display in the requested format; `auto` picks json, then string, then hex. */
export function decodeData(bytes: Buffer | null, format: DataFormat, maxBytes: number): DecodedData {
  if (bytes === null) return null;
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
  const { keyFormat, valueFormat, maxValueBytes } = options;
  let headerBytes = 0;
  const headers = record.headers.map((h) => {
    headerBytes += Buffer.byteLength(h.key) + (h.value?.length ?? 0);
    return { key: h.key, value: decodeData(h.value, 'auto', maxValueBytes) };
  });
  return {
    partition: record.partition,
    offset: record.offset,
    timestamp: Number(record.timestamp),
    timestampType: record.timestampType,
    key: decodeData(record.key, keyFormat, maxValueBytes),
    value: decodeData(record.value, valueFormat, maxValueBytes),
    headers,
    sizes: { key: record.key?.length ?? 0, value: record.value?.length ?? 0, headers: headerBytes },
  };
}
