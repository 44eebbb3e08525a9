// Partitions held in memory, standing in for the broker in the merged reader's unit tests.
import type { FetchedRecord, PartitionReader } from '../src/kafka/partition-reader.ts';

export const SIZE = 1000;
export const PER_FETCH = 10;

/** Partitions of SIZE records; value "hit" where `hits(partition, offset)`; fetches are logged. */
export function partitions(hits: (partition: number, offset: number) => boolean) {
  const fetched: { partition: number; offset: number }[] = [];
  const reader: PartitionReader = {
    fetch: async ({ partition, offset }) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const from = Number(offset);
      fetched.push({ partition, offset: from });
      const records: FetchedRecord[] = [];
      for (let i = from; i < Math.min(SIZE, from + PER_FETCH); i++)
        records.push({
          topic: 't',
          partition,
          offset: String(i),
          timestamp: String(1_700_000_000_000 + i * 3 + partition),
          timestampType: 'CreateTime',
          key: null,
          value: Buffer.from(hits(partition, i) ? 'hit' : 'miss'),
          headers: [],
        });
      return {
        records,
        highWatermark: String(SIZE),
        logStartOffset: '0',
        nextOffset: String(from + records.length),
      };
    },
    offsets: async () => [],
    availableOffsets: async () => ({ bounds: [], unavailable: [] }),
    offsetsForTime: async () => [],
  };
  return { reader, fetched };
}
