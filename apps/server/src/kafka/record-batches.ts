// Kafka's record batches (magic 2) read straight from a Fetch response's record set. kafkajs decodes every
// record of every batch into objects (offsets through Long, headers into maps) before anyone looks at them;
// a search wants to look at a whole batch's bytes first and decode only the batches that may match.
// Layout: https://kafka.apache.org/documentation/#recordbatch
import { gunzipSync } from 'node:zlib';
import { lz4Decompress, snappyDecompress, zstdDecompressBuffer } from './partition-reader-codecs.ts';
import type { FetchedRecord } from './partition-reader.ts';

/** A whole batch's decompressed records: false means none of them can match, so none is decoded. */
export type BatchTest = (records: Buffer) => boolean;

export interface WalkedRecordSet {
  /** Records at or after `fromOffset`, control records left out, of the batches that were decoded. */
  records: FetchedRecord[];
  /** Past the last whole batch (control batches and compaction gaps included); `fromOffset` when none. */
  nextOffset: bigint;
  /** Records of the batches the test passed over undecoded. */
  passedOver: number;
}

const BATCH_HEADER = 61; // bytes before the first record
const LOG_APPEND_TIME = 0x08;
const CONTROL_BATCH = 0x20;
const CODECS = 0x07;

/** The records of a batch without their compression (codec ids as in the batch attributes). */
export function decompressRecords(codec: number, data: Buffer): Buffer {
  switch (codec) {
    case 0:
      return data;
    case 1:
      return gunzipSync(data);
    case 2:
      return snappyDecompress(data);
    case 3:
      return lz4Decompress(data);
    case 4:
      return zstdDecompressBuffer(data);
    default:
      throw new Error(`unknown compression codec ${codec} in a record batch`);
  }
}

/** The magic byte (message format) of the record set's first batch, or undefined when it is empty. */
export function recordSetMagic(recordSet: Buffer): number | undefined {
  return recordSet.length > 16 ? recordSet.readInt8(16) : undefined;
}

/**
 * Reads the whole magic-2 batches of a record set (a trailing batch cut by maxBytes is left for the next
 * fetch). Batches wholly before `fromOffset` and control batches are skipped; with `test`, a batch it
 * rejects is passed over without decoding a record.
 */
export function walkRecordSet(
  recordSet: Buffer,
  options: { topic: string; partition: number; fromOffset: bigint; test?: BatchTest | undefined },
): WalkedRecordSet {
  const { topic, partition, fromOffset, test } = options;
  const records: FetchedRecord[] = [];
  let nextOffset = fromOffset;
  let passedOver = 0;
  for (let at = 0; at + BATCH_HEADER <= recordSet.length;) {
    const baseOffset = recordSet.readBigInt64BE(at);
    const end = at + 12 + recordSet.readInt32BE(at + 8);
    if (end > recordSet.length) break;
    const magic = recordSet.readInt8(at + 16);
    if (magic !== 2) throw new Error(`a record batch of message format ${magic} among format 2 batches`);
    const attributes = recordSet.readInt16BE(at + 21);
    const batchEnd = baseOffset + BigInt(recordSet.readInt32BE(at + 23)) + 1n;
    const batchAt = at;
    at = end;
    if (batchEnd > nextOffset) nextOffset = batchEnd;
    if (batchEnd <= fromOffset || attributes & CONTROL_BATCH) continue; // markers are not messages
    const count = recordSet.readInt32BE(batchAt + 57);
    const body = decompressRecords(attributes & CODECS, recordSet.subarray(batchAt + BATCH_HEADER, end));
    if (test && !test(body)) {
      passedOver += count;
      continue;
    }
    const logAppend = (attributes & LOG_APPEND_TIME) !== 0;
    decodeRecords(body, count, {
      topic,
      partition,
      fromOffset,
      baseOffset,
      firstTimestamp: Number(recordSet.readBigInt64BE(batchAt + 27)),
      // kafkajs's rule: LogAppendTime batches give every record the batch's max timestamp.
      appendTime: logAppend ? Number(recordSet.readBigInt64BE(batchAt + 35)) : undefined,
      into: records,
    });
  }
  return { records, nextOffset, passedOver };
}

interface BatchContext {
  topic: string;
  partition: number;
  fromOffset: bigint;
  baseOffset: bigint;
  firstTimestamp: number;
  appendTime: number | undefined;
  into: FetchedRecord[];
}

/** Reads `count` records of a batch: zig-zag varints for lengths and deltas, raw bytes for the rest. */
function decodeRecords(body: Buffer, count: number, batch: BatchContext): void {
  let at = 0;
  // Zig-zag varint up to 2^53 (timestamp deltas may exceed 32 bits); plain arithmetic, no BigInt.
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= body.length) throw new Error('a record batch ends inside a record');
      const byte = body[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  };
  const bytes = (): Buffer | null => {
    const length = varint();
    if (length < 0) return null;
    const slice = body.subarray(at, at + length);
    at += length;
    return slice;
  };
  const timestampType = batch.appendTime === undefined ? 'CreateTime' : 'LogAppendTime';
  for (let i = 0; i < count; i++) {
    const length = varint();
    const next = at + length;
    at++; // attributes: unused
    const timestampDelta = varint();
    const offset = batch.baseOffset + BigInt(varint());
    const key = bytes();
    const value = bytes();
    const headers: FetchedRecord['headers'] = [];
    for (let h = varint(); h > 0; h--) {
      const headerKey = bytes();
      headers.push({ key: headerKey ? headerKey.toString('utf8') : '', value: bytes() });
    }
    at = next;
    if (offset < batch.fromOffset) continue; // the fetch started inside this batch
    batch.into.push({
      topic: batch.topic,
      partition: batch.partition,
      offset: offset.toString(),
      timestamp: String(batch.appendTime ?? batch.firstTimestamp + timestampDelta),
      timestampType,
      key,
      value,
      headers,
    });
  }
}

/** Which part of a record a field is. */
export type FieldKind = 'key' | 'value' | 'header';
/** A field of a batch's records, as a range of `body` (no copy, no view): `length` -1 means null. */
export type FieldTest = (body: Buffer, start: number, length: number, kind: FieldKind) => boolean;

/**
 * Whether any record's key, value or header value in a batch's decompressed records passes `test`: only the
 * records' lengths are read, nothing is decoded. A malformed batch answers true (decoding then reports it).
 */
export function someField(body: Buffer, test: FieldTest): boolean {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = body[at++];
      if (byte === undefined) return NaN;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  };
  // false: the field was read and does not pass; true: it passes, or the batch is malformed.
  const field = (kind: FieldKind | undefined): boolean => {
    const length = varint();
    if (length === -1) return kind !== undefined && test(body, at, -1, kind);
    if (!(length >= 0) || at + length > body.length) return true;
    at += length;
    return kind !== undefined && test(body, at - length, length, kind);
  };
  while (at < body.length) {
    const length = varint();
    if (!(length >= 0)) return true;
    const next = at + length;
    at++; // attributes
    varint(); // timestamp delta
    varint(); // offset delta
    if (field('key') || field('value')) return true;
    const headers = varint();
    if (!(headers >= 0)) return true;
    for (let h = 0; h < headers; h++) if (field(undefined) || field('header')) return true;
    if (at !== next) return true;
  }
  return false;
}
