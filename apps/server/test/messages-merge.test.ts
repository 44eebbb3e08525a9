// The merge's memory rule, with record sizes a real broker would take minutes to arrange: an in-memory
// partition stands in for the broker here (the integration tests read real ones).
import { describe, expect, it } from 'vitest';
import type { FetchedRecord, PartitionReader } from '../src/kafka/partition-reader.ts';
import { MergedReader } from '../src/domain/messages/merged-reader.ts';

/** One partition of `sizes.length` records, record i with a value of sizes[i] bytes; fetches honour maxBytes. */
function partitionOf(sizes: number[]): PartitionReader {
  const record = (i: number): FetchedRecord => ({
    topic: 't',
    partition: 0,
    offset: String(i),
    timestamp: String(1_700_000_000_000 + i),
    timestampType: 'CreateTime',
    key: Buffer.from(`k${i}`),
    value: Buffer.alloc(sizes[i]!, 97),
    headers: [],
  });
  const high = String(sizes.length);
  return {
    fetch: async ({ offset, maxBytes }) => {
      const records: FetchedRecord[] = [];
      let bytes = 0;
      for (let i = Number(offset); i < sizes.length && (records.length === 0 || bytes < maxBytes); i++) {
        records.push(record(i));
        bytes += sizes[i]!;
      }
      const next = records.length ? Number(records.at(-1)!.offset) + 1 : Number(offset);
      return { records, highWatermark: high, logStartOffset: '0', nextOffset: String(next) };
    },
    offsets: async () => [{ partition: 0, low: '0', high }],
    availableOffsets: async () => ({ bounds: [{ partition: 0, low: '0', high }], unavailable: [] }),
    offsetsForTime: async () => [{ partition: 0, offset: '0' }],
  };
}

describe('merged reader memory', () => {
  it('reading backward, a window sized on small newest records stays bounded when older ones are larger', async () => {
    // Old records of 40 KiB (kept raw: below the size that is cut on arrival), then 8,000 tiny new ones:
    // the backward window widens over the tiny ones to thousands of offsets before it reaches the old.
    const sizes = [...Array.from({ length: 500 }, () => 40 * 1024), ...Array.from({ length: 8000 }, () => 4)];
    const fetchBytes = 64 * 1024;
    const merged = new MergedReader({
      reader: partitionOf(sizes),
      topic: 't',
      ranges: [{ partition: 0, from: 0n, to: BigInt(sizes.length) }],
      direction: 'backward',
      decode: { keyFormat: 'auto', valueFormat: 'auto', maxValueBytes: 1024 },
      perPartition: 10,
      fetchBytes,
    });
    const offsets: number[] = [];
    let peak = 0;
    for (let m = await merged.next(); m; m = await merged.next()) {
      offsets.push(Number(m.offset));
      peak = Math.max(peak, merged.heldBytes());
    }
    // Every record once, newest first: what a full window dropped was read again with the next one.
    expect(offsets).toEqual(Array.from({ length: sizes.length }, (_, i) => sizes.length - 1 - i));
    // Without the budget the window that reaches the old records holds them all (~20 MB).
    expect(peak).toBeLessThanOrEqual(2 * fetchBytes);
  }, 20_000);
});

describe('merged reader, a fetch that brings nothing', () => {
  const read = async (reader: PartitionReader) => {
    const merged = new MergedReader({
      reader,
      topic: 't',
      ranges: [{ partition: 0, from: 0n, to: 3n }],
      direction: 'forward',
      decode: { keyFormat: 'auto', valueFormat: 'auto', maxValueBytes: 1024 },
      perPartition: 10,
      fetchBytes: 1024,
    });
    const offsets: number[] = [];
    for (let m = await merged.next(); m; m = await merged.next()) offsets.push(Number(m.offset));
    return offsets;
  };

  it('asks again when a busy broker sends no records below the high watermark (none are skipped)', async () => {
    const real = partitionOf([1, 1, 1]);
    let empty = 2;
    const busy: PartitionReader = {
      ...real,
      fetch: async (options) =>
        empty-- > 0
          ? { records: [], highWatermark: '3', logStartOffset: '0', nextOffset: options.offset }
          : real.fetch(options),
    };
    expect(await read(busy)).toEqual([0, 1, 2]);
  });

  it('says so when Kafka never sends them, instead of ending the partition early', async () => {
    const silent: PartitionReader = {
      ...partitionOf([1, 1, 1]),
      fetch: async ({ offset }) => ({
        records: [],
        highWatermark: '3',
        logStartOffset: '0',
        nextOffset: offset,
      }),
    };
    await expect(read(silent)).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
  });

  it('goes on from the new log start when retention removed the records meanwhile', async () => {
    const real = partitionOf([1, 1, 1]);
    const retained: PartitionReader = {
      ...real,
      fetch: async (options) =>
        options.offset === '0'
          ? { records: [], highWatermark: '3', logStartOffset: '2', nextOffset: '0' }
          : real.fetch(options),
    };
    expect(await read(retained)).toEqual([2]);
  });
});
