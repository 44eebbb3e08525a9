// A filtered page (the Messages tab) passes over records its filter's pre-check rejects without decoding
// them, but still within a bound: after so many offsets passed over the merge answers null, and the
// positions it gives lead on to the rest. In-memory partitions stand in for the broker.
import { describe, expect, it } from 'vitest';
import type { Message } from '@tributary/contract';
import type { PartitionReader } from '../src/kafka/partition-reader.ts';
import { partitions, PER_FETCH, SIZE } from './in-memory-partitions.ts';
import { MergedReader, type Direction, type Range } from '../src/domain/messages/merged-reader.ts';

const LIMIT = 300n;

function bounded(reader: PartitionReader, direction: Direction, ranges: Range[]) {
  return new MergedReader({
    reader,
    topic: 't',
    ranges,
    direction,
    decode: { keyFormat: 'auto', valueFormat: 'auto', maxValueBytes: 1024 },
    perPartition: 10,
    fetchBytes: 1 << 20,
    mayMatch: (r) => r.value?.toString() === 'hit',
    maxCovered: LIMIT,
  });
}

/** Reads page after page (each a new merge from the last positions) until a match; counts the pages. */
async function untilMatch(reader: PartitionReader, direction: Direction) {
  let ranges: Range[] = [0, 1, 2].map((partition) => ({ partition, from: 0n, to: BigInt(SIZE) }));
  for (let pages = 1; pages < 100; pages++) {
    const merged = bounded(reader, direction, ranges);
    const message: Message | null = await merged.next();
    if (message) return { message, pages };
    expect(merged.covered()).toBeGreaterThanOrEqual(LIMIT);
    expect(merged.covered()).toBeLessThan(LIMIT + 200n); // a few fetches past the bound at most
    const positions = merged.positions();
    expect(positions.every((p) => p.done)).toBe(false);
    ranges = positions.map((p) =>
      direction === 'forward'
        ? { partition: p.partition, from: p.position, to: BigInt(SIZE) }
        : { partition: p.partition, from: 0n, to: p.position },
    );
  }
  throw new Error('no match after 100 pages');
}

describe('merged reader with a pre-check and a bound', () => {
  it('forward: stops at the bound, and its positions lead on to the match', async () => {
    const { reader, fetched } = partitions((p, o) => p === 0 && o === 900);
    const { message, pages } = await untilMatch(reader, 'forward');
    expect(message).toMatchObject({ partition: 0, offset: '900' });
    expect(pages).toBeGreaterThan(1);
    expect(fetched.length).toBeLessThan((3 * SIZE) / PER_FETCH + pages * 12); // nothing read twice, or barely
  });

  it('backward: a window passed over moves the position, so the next page does not read it again', async () => {
    const { reader } = partitions((p, o) => p === 1 && o === 50);
    const { message, pages } = await untilMatch(reader, 'backward');
    expect(message).toMatchObject({ partition: 1, offset: '50' });
    expect(pages).toBeGreaterThan(1);
  });
});
