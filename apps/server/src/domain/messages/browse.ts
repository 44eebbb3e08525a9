import type { Message, MessagePage, MessagesQuery } from '@tributary/contract';
import type { PartitionReader } from '../../kafka/partition-reader.ts';
import { compileFilter } from './filter.ts';
import { MergedReader, type Direction, type Range } from './merged-reader.ts';
import { rawPrechecks } from './raw-precheck.ts';
import { choosePartitions, decodeCursor, encodeCursor, seekRanges, type Bounds } from './positions.ts';
import type { SchemaCache } from '../schemas/schema-cache.ts';

/** Limits that keep one request's memory and time bounded whatever the topic holds. */
export const BROWSE_LIMITS = {
  defaultMaxValueBytes: 16 * 1024,
  /** Decoded messages held ahead over all partitions together, in value bytes. */
  mergeBudgetBytes: 32 << 20,
  /** Text bytes of one page's messages: past this the page ends early (partial) with a cursor. */
  pageBudgetBytes: 16 << 20,
  /** Records a filtered page may read before answering what it found so far. */
  maxScan: 20_000,
  fetchBytes: 512 * 1024,
};

export interface ReadPlan {
  /** Every partition of the topic whose leader answered. */
  all: Bounds;
  /** Chosen partitions that cannot be read now, with the reason, in sentences. */
  warnings: string[];
  /** The chosen partitions. */
  bounds: Bounds;
  direction: Direction;
  ranges: Range[];
}

/** Chosen partitions' bounds and the ranges to read, from a cursor or from the seek parameters. */
export async function planRead(
  reader: PartitionReader,
  topic: string,
  query: Pick<MessagesQuery, 'partitions' | 'cursor' | 'seek' | 'offset' | 'timestamp'>,
): Promise<ReadPlan> {
  // A partition whose leader is down does not keep the others from being read: it is named in a warning.
  const { bounds: all, unavailable } = await reader.availableOffsets(topic);
  const every = [...all, ...unavailable.map((u) => ({ partition: u.partition, low: '0', high: '0' }))].sort(
    (a, b) => a.partition - b.partition,
  );
  const chosen = choosePartitions(every, query.partitions).map((b) => b.partition);
  const bounds = all.filter((b) => chosen.includes(b.partition));
  const warnings = unavailable
    .filter((u) => chosen.includes(u.partition))
    .map((u) => `Partition ${u.partition} was not read: ${u.reason}.`);
  if (query.cursor) return { all, warnings, bounds, ...decodeCursor(query.cursor, bounds, every.length) };
  const seek = query.seek ?? 'newest';
  return {
    all,
    warnings,
    bounds,
    ...(await seekRanges(reader, topic, bounds, { seek, offset: query.offset, timestamp: query.timestamp })),
  };
}

/**
 * How many decoded messages each partition reads ahead, and the value size, so that partitions × read-ahead ×
 * value size stays within the merge budget: fewer read ahead first, smaller values only past one per partition.
 */
export function mergeShape(partitions: number, limit: number, maxValueBytes: number) {
  const p = Math.max(1, partitions);
  const wanted = Math.max(1, Math.min(limit, Math.ceil(limit / p) + 4));
  const perPartition = Math.max(
    1,
    Math.min(wanted, Math.floor(BROWSE_LIMITS.mergeBudgetBytes / (p * maxValueBytes))),
  );
  const fits = Math.floor(BROWSE_LIMITS.mergeBudgetBytes / (p * perPartition));
  // Raw records wait in each partition's buffer: about one fetch each.
  const fetchBytes = Math.max(
    16 * 1024,
    Math.min(BROWSE_LIMITS.fetchBytes, Math.floor(BROWSE_LIMITS.mergeBudgetBytes / p)),
  );
  return { perPartition, fetchBytes, maxValueBytes: Math.max(256, Math.min(maxValueBytes, fits)) };
}

export const textSize = (m: Message): number =>
  (m.key?.text.length ?? 0) +
  (m.value?.text.length ?? 0) +
  m.headers.reduce((s, h) => s + h.key.length + (h.value?.text.length ?? 0), 0);

const byTime = (a: Message, b: Message) =>
  a.timestamp - b.timestamp || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset));

/**
 * One page of messages (the route adds `exportEnabled`): read in the seek's direction, filtered, sorted as
 * asked, with a cursor to continue.
 */
export async function browseMessages(
  reader: PartitionReader,
  topic: string,
  query: MessagesQuery,
  signal?: AbortSignal,
  schemas?: SchemaCache,
): Promise<Omit<MessagePage, 'exportEnabled'>> {
  const match = compileFilter({ q: query.q, caseSensitive: query.caseSensitive, filter: query.filter });
  const prechecks = rawPrechecks(query);
  const mayMatch = prechecks?.record;
  const limit = query.limit ?? 100;
  const plan = await planRead(reader, topic, query);
  const shape = mergeShape(
    plan.ranges.length,
    limit,
    query.maxValueBytes ?? BROWSE_LIMITS.defaultMaxValueBytes,
  );
  const merged = new MergedReader({
    reader,
    topic,
    ranges: plan.ranges,
    direction: plan.direction,
    decode: {
      keyFormat: query.keyFormat ?? 'auto',
      valueFormat: query.valueFormat ?? 'auto',
      maxValueBytes: shape.maxValueBytes,
      schemas,
    },
    perPartition: shape.perPartition,
    fetchBytes: shape.fetchBytes,
    // A filter's pre-check passes over records that cannot match without decoding them; the page's bound
    // then counts the offsets passed over, not the records decoded.
    mayMatch,
    batchTest: prechecks?.batch,
    maxCovered: mayMatch ? BigInt(BROWSE_LIMITS.maxScan) : undefined,
    ...(signal ? { signal } : {}),
  });
  const messages: Message[] = [];
  let decoded = 0;
  const scannedSoFar = () => (mayMatch ? Number(merged.covered()) : decoded);
  let bytes = 0;
  let partial = false;
  while (messages.length < limit) {
    if (scannedSoFar() >= BROWSE_LIMITS.maxScan || bytes >= BROWSE_LIMITS.pageBudgetBytes) {
      partial = true;
      break;
    }
    const message = await merged.next();
    if (!message) break;
    decoded++;
    if (!match(message)) continue;
    messages.push(message);
    bytes += textSize(message);
  }
  const positions = merged.positions();
  // The pre-checked reader stopped at its bound with partitions left: this page is partial too.
  if (!positions.every((p) => p.done) && scannedSoFar() >= BROWSE_LIMITS.maxScan) partial = true;
  const scanned = scannedSoFar();
  const order = query.order ?? (plan.direction === 'backward' ? 'newest-first' : 'oldest-first');
  messages.sort(byTime);
  if (order === 'newest-first') messages.reverse();
  return {
    messages,
    cursor: positions.every((p) => p.done) ? null : encodeCursor(plan.direction, positions),
    scanned,
    partial,
    partitions: plan.all,
    ...(plan.warnings.length > 0 ? { warnings: plan.warnings } : {}),
  };
}
