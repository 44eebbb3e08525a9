// A search's merge reads every partition at once: while it holds one partition's match, the others scan on
// (at most one chunk ahead each), and closing it stops them. In-memory partitions stand in for the broker.
import { describe, expect, it } from 'vitest';
import type { PartitionReader } from '../src/kafka/partition-reader.ts';
import { partitions, SIZE } from './in-memory-partitions.ts';
import { MergedReader } from '../src/domain/messages/merged-reader.ts';

function merge(reader: PartitionReader, readAhead: boolean) {
  return new MergedReader({
    reader,
    topic: 't',
    ranges: [0, 1, 2].map((partition) => ({ partition, from: 0n, to: BigInt(SIZE) })),
    direction: 'forward',
    decode: { keyFormat: 'auto', valueFormat: 'auto', maxValueBytes: 1024 },
    perPartition: 10,
    fetchBytes: 1 << 20,
    mayMatch: (r) => r.value?.toString() === 'hit',
    readAhead,
  });
}

describe('merged reader, reading ahead', () => {
  it('returns the same matches in the same order as without', async () => {
    const hits = (p: number, o: number) => (o * 7 + p) % 97 === 0;
    const all = async (readAhead: boolean) => {
      const merged = merge(partitions(hits).reader, readAhead);
      const out: string[] = [];
      for (let m = await merged.next(); m; m = await merged.next()) out.push(`${m.partition}:${m.offset}`);
      return out;
    };
    const plain = await all(false);
    expect(plain.length).toBeGreaterThan(20);
    expect(await all(true)).toEqual(plain);
  });

  it('scans the other partitions while it holds one partition early match, and stops when closed', async () => {
    // Partition 0 matches at once; 1 and 2 only at their end.
    const { reader, fetched } = partitions((p, o) => (p === 0 ? o === 5 || o === 600 : o === SIZE - 1));
    const merged = merge(reader, true);
    expect((await merged.next())?.offset).toBe('5');
    // To return the first match the merge waited for 1 and 2 to find theirs; meanwhile 0 read on to 600.
    expect(fetched.filter((f) => f.partition === 0).map((f) => f.offset)).toContain(600);
    merged.close();
    const before = fetched.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched.length).toBeLessThanOrEqual(before + 1); // at most the fetch in flight finishes
  });
});
