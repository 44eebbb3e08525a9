// Reading one of our own state topics (schedules, templates, lag history) back: a bounded range, page by page.
import type { FetchedRecord, PartitionReader } from './partition-reader.ts';

/** The records of one partition from `low` up to (not including) `high`, 1 MiB per fetch, no waiting. */
export async function* recordsBetween(
  reader: PartitionReader,
  topic: string,
  partition: number,
  low: string,
  high: string,
): AsyncGenerator<FetchedRecord> {
  let offset = low;
  while (BigInt(offset) < BigInt(high)) {
    const page = await reader.fetch({ topic, partition, offset, maxBytes: 1 << 20, maxWaitMs: 0 });
    for (const r of page.records) if (BigInt(r.offset) < BigInt(high)) yield r;
    if (BigInt(page.nextOffset) <= BigInt(offset)) break; // nothing more below `high` (compacted away)
    offset = page.nextOffset;
  }
}
