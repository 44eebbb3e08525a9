// `__consumer_offsets` records decoded in the Messages tab (format auto): offset commits and group metadata.
import { describe, expect, it } from 'vitest';
import { decodeRecord } from '../src/domain/messages/decode.ts';
import type { FetchedRecord } from '../src/kafka/partition-reader.ts';

const str16 = (s: string) => {
  const b = Buffer.from(s);
  return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
};
const i16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const i64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};
const record = (topic: string, key: Buffer | null, value: Buffer | null): FetchedRecord => ({
  topic,
  partition: 0,
  offset: '0',
  timestamp: '0',
  timestampType: 'CreateTime',
  key,
  value,
  headers: [],
});
const auto = { keyFormat: 'auto', valueFormat: 'auto', maxValueBytes: 16384 } as const;
const parsed = (d: { text: string } | null) => JSON.parse(d!.text) as unknown;

describe('__consumer_offsets in the Messages tab', () => {
  it('decodes an offset commit (key v1, value v3)', () => {
    const key = Buffer.concat([i16(1), str16('billing'), str16('orders'), i32(4)]);
    const value = Buffer.concat([i16(3), i64(42), i32(7), str16('meta'), i64(1_700_000_000_000)]);
    const m = decodeRecord(record('__consumer_offsets', key, value), auto);
    expect(m.key?.format).toBe('json');
    expect(parsed(m.key)).toEqual({ type: 'offset commit', group: 'billing', topic: 'orders', partition: 4 });
    expect(parsed(m.value)).toEqual({
      offset: 42,
      leaderEpoch: 7,
      metadata: 'meta',
      commitTimestamp: 1_700_000_000_000,
    });
  });

  it('decodes classic group metadata (key v2, value v3) and keeps a tombstone null', () => {
    const key = Buffer.concat([i16(2), str16('billing')]);
    const member = Buffer.concat([
      str16('m-1'),
      i16(-1), // no group.instance.id
      str16('client-a'),
      str16('/10.0.0.1'),
      i32(300_000),
      i32(45_000),
      i32(3),
      Buffer.from([1, 2, 3]),
      i32(0),
    ]);
    const value = Buffer.concat([
      i16(3),
      str16('consumer'),
      i32(5),
      str16('range'),
      str16('m-1'),
      i64(1_700_000_000_000),
      i32(1),
      member,
    ]);
    const m = decodeRecord(record('__consumer_offsets', key, value), auto);
    expect(parsed(m.key)).toEqual({ type: 'group metadata', group: 'billing' });
    expect(parsed(m.value)).toEqual({
      protocolType: 'consumer',
      generation: 5,
      protocol: 'range',
      leader: 'm-1',
      currentStateTimestamp: 1_700_000_000_000,
      members: [
        {
          memberId: 'm-1',
          groupInstanceId: null,
          clientId: 'client-a',
          clientHost: '/10.0.0.1',
          rebalanceTimeoutMs: 300_000,
          sessionTimeoutMs: 45_000,
          subscriptionBytes: 3,
          assignmentBytes: 0,
        },
      ],
    });
    expect(decodeRecord(record('__consumer_offsets', key, null), auto).value).toBeNull();
  });

  it('leaves other topics, other formats and unknown record types alone', () => {
    const key = Buffer.concat([i16(1), str16('g'), str16('t'), i32(0)]);
    expect(decodeRecord(record('orders', key, null), auto).key?.format).toBe('hex');
    expect(
      decodeRecord(record('__consumer_offsets', key, null), { ...auto, keyFormat: 'hex' }).key?.format,
    ).toBe('hex');
    // A KIP-848 record (key version 3+): shown as bytes.
    expect(
      decodeRecord(record('__consumer_offsets', Buffer.concat([i16(5), str16('g')]), null), auto).key?.format,
    ).toBe('hex');
  });
});
