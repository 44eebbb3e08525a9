import type { ExportQuery, Message } from '@tributary/contract';
import type { PartitionReader } from '../../kafka/partition-reader.ts';
import { compileFilter } from './filter.ts';
import { MergedReader } from './merged-reader.ts';
import { mergeShape, planRead } from './browse.ts';
import { searchRanges } from './search.ts';
import { csvField } from './csv.ts';
import type { SchemaCache } from '../schemas/schema-cache.ts';

const EXPORT_VALUE_MAX = 1 << 20; // the broker's default max.message.bytes: whole values in practice
const EXPORT_BUDGET_BYTES = 64 << 20;
const CSV_HEADER = 'partition,offset,timestamp,timestampType,key,value,headers\n';

/** One exported message as a JSON line: the same shape as the API's messages. */
export const jsonLine = (m: Message): string => JSON.stringify(m) + '\n';

/** One exported message as a CSV row; null keys and values are empty cells, headers a JSON object. */
export function csvLine(m: Message): string {
  const headers = JSON.stringify(Object.fromEntries(m.headers.map((h) => [h.key, h.value?.text ?? null])));
  return (
    [
      String(m.partition),
      m.offset,
      new Date(m.timestamp).toISOString(),
      m.timestampType,
      m.key?.text ?? '',
      m.value?.text ?? '',
      headers,
    ]
      .map(csvField)
      .join(',') + '\n'
  );
}

/**
 * The current result (same seek, partitions and filters as browsing) as text lines, read lazily: the caller
 * pulls the next line only when the client has taken the previous ones.
 */
export async function exportMessages(
  reader: PartitionReader,
  topic: string,
  query: ExportQuery,
  signal?: AbortSignal,
  schemas?: SchemaCache,
): Promise<AsyncGenerator<string>> {
  const match = compileFilter({ q: query.q, caseSensitive: query.caseSensitive, filter: query.filter });
  // With a search scope, the search's result (oldest first over its ranges); else the browse result.
  const plan = query.scope
    ? { direction: 'forward' as const, ranges: await searchRanges(reader, topic, query) }
    : await planRead(reader, topic, query);
  const maxValueBytes = query.maxValueBytes ?? EXPORT_VALUE_MAX;
  // Values are not cut for export, so fewer are held ahead per partition when they may be large.
  const perPartition = Math.max(
    1,
    Math.min(100, Math.floor(EXPORT_BUDGET_BYTES / (Math.max(1, plan.ranges.length) * maxValueBytes))),
  );
  const merged = new MergedReader({
    reader,
    topic,
    ranges: plan.ranges,
    direction: plan.direction,
    decode: {
      keyFormat: query.keyFormat ?? 'auto',
      valueFormat: query.valueFormat ?? 'auto',
      maxValueBytes,
      schemas,
    },
    perPartition,
    fetchBytes: mergeShape(plan.ranges.length, 1, maxValueBytes).fetchBytes,
    ...(signal ? { signal } : {}),
  });
  const line = query.format === 'csv' ? csvLine : jsonLine;
  const limit = query.limit ?? 10_000;
  // Everything that can be the user's mistake was checked above, before the answer starts.
  return (async function* () {
    if (query.format === 'csv') yield CSV_HEADER;
    for (let written = 0; written < limit && !signal?.aborted;) {
      const message = await merged.next();
      if (!message) return;
      if (!match(message)) continue;
      written++;
      yield line(message);
    }
  })();
}
