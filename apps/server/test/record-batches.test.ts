import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { FetchedRecord } from '../src/kafka/partition-reader.ts';
import { someField, walkRecordSet } from '../src/kafka/record-batches.ts';
import { rawPrechecks } from '../src/domain/messages/raw-precheck.ts';
import { TRICKY } from './raw-precheck-fixtures.ts';

// kafkajs's own encoder writes the batches: an implementation independent of the walker under test.
const requireKafkajs = createRequire(import.meta.url);
type Encoded = { buffer: Buffer };
const { RecordBatch } = requireKafkajs('kafkajs/src/protocol/recordBatch/v0/index.js') as {
  RecordBatch: (o: object) => Promise<Encoded>;
};
const Record = requireKafkajs('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (
  o: object,
) => Encoded;
const GZIP = 1;

interface Input {
  key?: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string | string[]>;
  timestampDelta?: number;
}

async function batch(
  firstOffset: number,
  records: Input[],
  compression = 0,
  firstTimestamp = 1_700_000_000_000,
) {
  const encoded = await RecordBatch({
    compression,
    firstOffset: String(firstOffset),
    firstTimestamp,
    maxTimestamp: firstTimestamp + 1000,
    lastOffsetDelta: records.length - 1,
    records: records.map((r, i) =>
      Record({
        offsetDelta: i,
        timestampDelta: r.timestampDelta ?? i,
        key: r.key ?? null,
        value: r.value,
        headers: r.headers,
      }),
    ),
  });
  return encoded.buffer;
}

const walk = (set: Buffer, fromOffset = 0n, test?: (b: Buffer) => boolean) =>
  walkRecordSet(set, { topic: 't', partition: 0, fromOffset, test });

describe('record batch walker', () => {
  it.each([
    ['uncompressed', 0],
    ['gzip', GZIP],
  ])('reads keys, values, nulls, headers, offsets and timestamps (%s)', async (_, codec) => {
    const set = Buffer.concat([
      await batch(
        5,
        [
          { key: 'k1', value: 'v1', headers: { a: '1', b: ['2', '3'] } },
          { key: null, value: null },
        ],
        codec,
      ),
      await batch(7, [{ key: 'k3', value: '{"x":1}', timestampDelta: 2 ** 40 }], codec),
    ]);
    const { records, nextOffset, passedOver } = walk(set);
    expect(nextOffset).toBe(8n);
    expect(passedOver).toBe(0);
    const shown = records.map((r) => ({
      offset: r.offset,
      timestamp: r.timestamp,
      key: r.key?.toString() ?? null,
      value: r.value?.toString() ?? null,
      headers: r.headers.map((h) => `${h.key}=${h.value?.toString()}`),
    }));
    expect(shown).toEqual([
      { offset: '5', timestamp: '1700000000000', key: 'k1', value: 'v1', headers: ['a=1', 'b=2', 'b=3'] },
      { offset: '6', timestamp: '1700000000001', key: null, value: null, headers: [] },
      {
        offset: '7',
        timestamp: String(1_700_000_000_000 + 2 ** 40),
        key: 'k3',
        value: '{"x":1}',
        headers: [],
      },
    ]);
  });

  it('starts inside a batch, leaves a batch cut by maxBytes for the next fetch', async () => {
    const first = await batch(0, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    const second = await batch(3, [{ value: 'd' }]);
    const cut = Buffer.concat([first, second.subarray(0, second.length - 3)]);
    const { records, nextOffset } = walk(cut, 1n);
    expect(records.map((r) => r.value?.toString())).toEqual(['b', 'c']);
    expect(nextOffset).toBe(3n);
  });

  it('passes over the batches the test rejects, counting their records, and still advances', async () => {
    const set = Buffer.concat([
      await batch(0, [{ value: 'Paris' }, { value: 'Paris' }], GZIP),
      await batch(2, [{ value: 'Lyon' }, { value: 'Paris' }], GZIP),
      await batch(4, [{ value: 'Paris' }]),
    ]);
    const test = rawPrechecks({ q: 'Lyon', caseSensitive: true })!.batch;
    const { records, nextOffset, passedOver } = walk(set, 0n, test);
    expect(records.map((r) => r.offset)).toEqual(['2', '3']);
    expect(passedOver).toBe(3);
    expect(nextOffset).toBe(5n);
  });

  it('finds wire-format keys and values by their lengths alone', async () => {
    const body = (
      await batch(0, [{ value: 'x' }, { key: Buffer.from([0, 0, 0, 0, 1, 2]), value: 'y' }])
    ).subarray(61);
    const text = (b: Buffer, start: number, length: number) =>
      length < 0 ? null : b.toString('latin1', start, start + length);
    expect(someField(body, (b, start, length, kind) => kind === 'key' && length >= 5 && b[start] === 0)).toBe(
      true,
    );
    expect(someField(body, (...field) => text(field[0], field[1], field[2]) === 'nothing')).toBe(false);
    const withHeader = (await batch(0, [{ value: 'x', headers: { h: 'yes' } }])).subarray(61);
    expect(
      someField(
        withHeader,
        (b, start, length, kind) => kind === 'header' && text(b, start, length) === 'yes',
      ),
    ).toBe(true);
    expect(someField(withHeader.subarray(0, withHeader.length - 2), () => false)).toBe(true); // cut: unsure
  });
});

/** The records' decompressed bytes as a batch walker hands them to the batch test. */
async function batchBody(record: FetchedRecord): Promise<Buffer> {
  const headers = Object.fromEntries(record.headers.map((h) => [h.key, h.value?.toString('latin1') ?? '']));
  const set = await batch(0, [{ value: 'unrelated' }, { key: record.key, value: record.value, headers }]);
  return set.subarray(61);
}

describe('batch pre-check: skips whole batches, never a match', () => {
  it.each(TRICKY)('%s: the batch is still decoded', async (_, record, query) => {
    const test = rawPrechecks(query)?.batch;
    expect(test === undefined || test(await batchBody(record))).toBe(true);
  });

  it('case-insensitively, finds the needle in any case and passes over batches without it', async () => {
    const test = rawPrechecks({ q: 'lyon' })!.batch;
    const body = async (value: string) => (await batch(0, [{ value }])).subarray(61);
    for (const value of ['{"city":"LYON"}', 'lYoN', 'xxlyonxx', 'ly lyo lyON'])
      expect(test(await body(value)), value).toBe(true);
    for (const value of ['{"city":"Paris"}', 'lyo', 'ly on', 'LYO N'])
      expect(test(await body(value)), value).toBe(false);
    // Beyond ASCII, only İ and the Kelvin sign lower-case to ASCII letters (i, k): such a batch is decoded
    // when the needle has that letter; other bytes beyond ASCII cannot make an ASCII needle.
    expect(test(await body('\u212Aelvin Ély\u0130on'))).toBe(false);
    expect(rawPrechecks({ q: 'KELVIN' })!.batch(await body('\u212Aelvin'))).toBe(true);
    expect(rawPrechecks({ q: 'xi' })!.batch(await body('x\u0130'))).toBe(true);
    expect(rawPrechecks({ q: 'xi' })!.batch(await body('x\u00CF'))).toBe(false); // Ï → ï
    // Beyond-ASCII bytes of the batch's own lengths are not text: a long record without the needle is skipped.
    expect(test(await body('x'.repeat(300)))).toBe(false);
    // A backslash among the batch's own bytes (a value length of 46, zig-zag 92) is no JSON escape; one in
    // a value is.
    const lengthIsBackslash = await body('y'.repeat(46));
    expect(lengthIsBackslash.indexOf(0x5c)).not.toBe(-1);
    expect(test(lengthIsBackslash)).toBe(false);
    expect(test(await body('{"c":"\\u004cyon"}'))).toBe(true);
  });
});
