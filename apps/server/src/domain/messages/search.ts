import type { Message, SearchProgress, SearchQuery } from '@tributary/contract';
import type { PartitionReader } from '../../kafka/partition-reader.ts';
import { badRequest } from '../errors.ts';
import { BROWSE_LIMITS, mergeShape } from './browse.ts';
import { compileFilter } from './filter.ts';
import { MergedReader, type Range } from './merged-reader.ts';
import { choosePartitions, parseTime } from './positions.ts';
import type { SchemaCache } from '../schemas/schema-cache.ts';
import { rawPrechecks } from './raw-precheck.ts';

const SCAN_FETCH_BYTES = 4 << 20;

/** Where a search reports: matches as they are found, progress now and then, and how it ended. */
export interface SearchSink {
  onMessage(message: Message): Promise<void> | void;
  onProgress(progress: SearchProgress): void;
}
export type SearchEnd = SearchProgress & { reason: 'completed' | 'stopped' | 'max-matches' };

/** The offsets a search (or an export of its result) reads, per chosen partition. */
export async function searchRanges(
  reader: PartitionReader,
  topic: string,
  query: Pick<SearchQuery, 'partitions' | 'scope' | 'from' | 'to' | 'lastN'>,
): Promise<Range[]> {
  const bounds = choosePartitions(await reader.offsets(topic), query.partitions);
  const scope = query.scope ?? 'all';
  if (scope === 'last') {
    const n = BigInt(query.lastN ?? 1000);
    return bounds.map((b) => {
      const [low, high] = [BigInt(b.low), BigInt(b.high)];
      return { partition: b.partition, from: high - n > low ? high - n : low, to: high };
    });
  }
  if (scope === 'time') {
    if (!query.from) throw badRequest('scope=time needs "from" (ms since 1970 or ISO 8601).');
    const from = parseTime(query.from, 'from');
    const to = query.to ? parseTime(query.to, 'to') : Date.now();
    if (to < from) throw badRequest('"to" is before "from".');
    const [starts, ends] = await Promise.all([
      reader.offsetsForTime(topic, from),
      reader.offsetsForTime(topic, to + 1),
    ]);
    return bounds.map((b) => ({
      partition: b.partition,
      from: BigInt(starts.find((s) => s.partition === b.partition)?.offset ?? b.high),
      to: BigInt(ends.find((e) => e.partition === b.partition)?.offset ?? b.high),
    }));
  }
  return bounds.map((b) => ({ partition: b.partition, from: BigInt(b.low), to: BigInt(b.high) }));
}

/**
 * Scans the chosen scope oldest-first, reporting each match as it is found and progress at most every
 * `progressMs`. Stops at `maxMatches` or when `signal` aborts. The filter is compiled before anything is read.
 */
export async function searchMessages(
  reader: PartitionReader,
  topic: string,
  query: SearchQuery,
  sink: SearchSink,
  signal: AbortSignal,
  progressMs = 250,
  schemas?: SchemaCache,
): Promise<SearchEnd> {
  const match = compileFilter({ q: query.q, caseSensitive: query.caseSensitive, filter: query.filter });
  const ranges = await searchRanges(reader, topic, query);
  const started = Date.now();
  const toScan = Number(ranges.reduce((sum, r) => sum + (r.to > r.from ? r.to - r.from : 0n), 0n));
  let lastReport = 0;
  const shape = mergeShape(ranges.length, 200, query.maxValueBytes ?? BROWSE_LIMITS.defaultMaxValueBytes);
  const prechecks = rawPrechecks(query);
  const mayMatch = prechecks?.record;
  // Records passed over by the pre-check are never held: larger fetches then, within the same merge budget.
  const fetchBytes = mayMatch
    ? Math.max(
        shape.fetchBytes,
        Math.min(SCAN_FETCH_BYTES, BROWSE_LIMITS.mergeBudgetBytes / (2 * ranges.length)),
      )
    : shape.fetchBytes;
  // The closures below run only once reading has started, after `merged` and `matches` exist.
  const merged: MergedReader = new MergedReader({
    reader,
    topic,
    ranges,
    direction: 'forward',
    decode: {
      keyFormat: query.keyFormat ?? 'auto',
      valueFormat: query.valueFormat ?? 'auto',
      maxValueBytes: shape.maxValueBytes,
      schemas,
    },
    perPartition: shape.perPartition,
    fetchBytes: Math.floor(fetchBytes),
    mayMatch,
    batchTest: prechecks?.batch,
    readAhead: true,
    onPassedOver: () => {
      if (Date.now() - lastReport < progressMs) return;
      lastReport = Date.now();
      sink.onProgress(progress());
    },
    signal,
  });
  const maxMatches = query.maxMatches ?? 1000;
  let matches = 0;
  const progress = (): SearchProgress => ({
    scanned: Math.min(toScan, Number(merged.covered())),
    toScan,
    matches,
    elapsedMs: Date.now() - started,
  });
  sink.onProgress(progress());
  try {
    return await scan();
  } finally {
    merged.close();
  }
  async function scan(): Promise<SearchEnd> {
    for (;;) {
      if (signal.aborted) return { ...progress(), reason: 'stopped' };
      const message = await merged.next().catch((error: unknown) => {
        if (signal.aborted) return undefined;
        throw error;
      });
      if (message === undefined) return { ...progress(), reason: 'stopped' };
      if (message === null) return { ...progress(), scanned: toScan, reason: 'completed' };
      if (match(message)) {
        matches++;
        await sink.onMessage(message);
        if (matches >= maxMatches) return { ...progress(), reason: 'max-matches' };
      }
      if (Date.now() - lastReport >= progressMs) {
        lastReport = Date.now();
        sink.onProgress(progress());
      }
    }
  }
}
