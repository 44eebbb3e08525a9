import type { Message } from '@tributary/contract';
import type { FetchedRecord, PartitionReader } from '../../kafka/partition-reader.ts';
import type { BatchTest } from '../../kafka/record-batches.ts';
import { decodeRecord, type DecodeOptions } from './decode.ts';
import { DomainError } from '../errors.ts';

/** Offsets [from, to) of one partition. */
export interface Range {
  partition: number;
  from: bigint;
  to: bigint;
}
export type Direction = 'forward' | 'backward';

export interface MergedReadOptions {
  reader: PartitionReader;
  topic: string;
  ranges: Range[];
  direction: Direction;
  decode: DecodeOptions;
  /** First backward window, in offsets (it grows while windows are small). */
  perPartition: number;
  /** Bytes asked for per fetch, and so about what each partition holds raw while merging (the broker still
   * sends one whole batch when it is larger; records over 64 KiB are cut on arrival). */
  fetchBytes: number;
  /** A cheap test on raw bytes (a search's pre-check): records it rejects are passed over undecoded. */
  mayMatch?: ((record: FetchedRecord) => boolean) | undefined;
  /** The same test on a whole batch's bytes: batches it rejects are passed over before any record is decoded. */
  batchTest?: BatchTest | undefined;
  /**
   * Forward only: each partition scans on to its next records while the merge still holds some of its
   * earlier ones (at most one chunk ahead), so a search reads all partitions at once instead of the one that
   * holds the oldest match. Call `close()` when done.
   */
  readAhead?: boolean;
  /** Called after a fetch whose records were all passed over (so progress can be told while none match). */
  onPassedOver?: (() => void) | undefined;
  /**
   * With `mayMatch`: once the partitions together have passed over this many offsets, `next()` answers null
   * instead of reading on for a match (a page's bound on work; `positions()` then says where to go on).
   */
  maxCovered?: bigint | undefined;
  signal?: AbortSignal;
}

interface Chunk {
  entries: Entry[];
  bytes: number;
  next: bigint;
}

/** A record waiting in a partition's buffer: raw until taken, unless large (then decoded and cut at once). */
interface Entry {
  offset: bigint;
  timestamp: number;
  partition: number;
  /** Bytes held while waiting: the raw key and value, or the cut text of a large record. */
  held: number;
  raw?: FetchedRecord;
  message?: Message;
}

// Records larger than this are decoded (cut) on arrival, so their bytes are not held while waiting.
const EAGER_BYTES = 64 * 1024;
// A fetch that makes no progress below the high watermark is asked again this often before it is an error.
const NO_PROGRESS_ATTEMPTS = 5;
const MAX_WINDOW = 1n << 16n;

/**
 * One partition read in the merge: a buffer of records in reading order, refilled on demand and decoded
 * only when taken. `position` is where the next page would continue: forward, the next offset to read;
 * backward, the (exclusive) end of what is still unread.
 */
class PartitionCursor {
  buffer: Entry[] = [];
  /** Sum of `held` over the buffer. */
  held = 0;
  position: bigint;
  private fetchAt: bigint; // forward: next offset to fetch; backward: end of the next window
  private window: bigint; // backward: offsets per window, grows while windows stay small in bytes
  private exhausted = false;
  /** The next chunk being read ahead (readAhead): the next records, or none when the range is done. */
  private ahead: Promise<Chunk | null> | undefined;
  stopped = false;

  constructor(
    readonly range: Range,
    private readonly options: MergedReadOptions,
  ) {
    this.position = options.direction === 'forward' ? range.from : range.to;
    this.fetchAt = this.position;
    this.window = BigInt(Math.max(1, options.perPartition));
  }

  get done(): boolean {
    return this.exhausted && this.buffer.length === 0;
  }

  /** Offsets passed over so far (records, gaps and transaction markers alike). */
  get covered(): bigint {
    return this.options.direction === 'forward'
      ? this.position - this.range.from
      : this.range.to - this.position;
  }

  take(): Message {
    const entry = this.buffer.shift()!;
    this.held -= entry.held;
    this.position = this.options.direction === 'forward' ? entry.offset + 1n : entry.offset;
    if (this.done) this.position = this.options.direction === 'forward' ? this.range.to : this.range.from;
    return entry.message ?? decodeRecord(entry.raw!, this.options.decode);
  }

  /** `left`: how many more offsets the merge may pass over (its maxCovered less what all have covered). */
  async refill(left: () => bigint = () => MAX_WINDOW): Promise<void> {
    while (this.buffer.length === 0 && !this.exhausted && left() > 0n) {
      if (this.options.direction === 'forward') await this.refillForward();
      else await this.refillBackward(left());
    }
    if (this.done) this.position = this.options.direction === 'forward' ? this.range.to : this.range.from;
  }

  /** One fetch from `offset`: the records below `until` as entries, their bytes, and where to fetch next. */
  private async fetchFrom(
    offset: bigint,
    until: bigint,
  ): Promise<{ entries: Entry[]; bytes: number; next: bigint }> {
    const { reader, topic, decode, fetchBytes, mayMatch, batchTest, signal } = this.options;
    for (let attempt = 1; ; attempt++) {
      const result = await reader.fetch({
        topic,
        partition: this.range.partition,
        offset: offset.toString(),
        maxBytes: fetchBytes,
        maxWaitMs: 0,
        batchTest,
        ...(signal ? { signal } : {}),
      });
      // Each schema id of the batch is fetched once (cached per cluster), before any record is decoded.
      await decode.schemas?.loadFor(result.records);
      const entries: Entry[] = [];
      let bytes = 0;
      for (const record of result.records) {
        const at = BigInt(record.offset);
        if (at >= until) return { entries, bytes, next: until };
        if (mayMatch && !mayMatch(record)) continue;
        const size = (record.key?.length ?? 0) + (record.value?.length ?? 0);
        bytes += size;
        const base = { offset: at, timestamp: Number(record.timestamp), partition: record.partition };
        if (size > EAGER_BYTES) {
          const message = decodeRecord(record, decode);
          entries.push({
            ...base,
            held: (message.key?.text.length ?? 0) + (message.value?.text.length ?? 0),
            message,
          });
        } else entries.push({ ...base, held: size, raw: record });
      }
      const next = BigInt(result.nextOffset);
      if (next > offset) return { entries, bytes, next };
      // No progress. Retention removed the records meanwhile: go on from the new log start. The log ends
      // here: done. Otherwise Kafka holds records here but sent none (a busy broker): ask again, and say so
      // if it never does, rather than end the partition early as if it had no more.
      const logStart = BigInt(result.logStartOffset);
      if (logStart > offset) return { entries, bytes, next: logStart < until ? logStart : until };
      if (BigInt(result.highWatermark) <= offset) return { entries, bytes, next: until };
      if (attempt >= NO_PROGRESS_ATTEMPTS)
        throw new DomainError(
          'KAFKA_UNAVAILABLE',
          `Kafka sent no records of partition ${this.range.partition} at offset ${offset} although its log ends at ${result.highWatermark}; try again.`,
          { topic, partition: this.range.partition },
        );
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }

  private async refillForward(): Promise<void> {
    const ahead = this.ahead;
    this.ahead = undefined;
    const chunk = await (ahead ?? this.nextChunk(false));
    if (!chunk) {
      this.exhausted = true;
      return;
    }
    this.buffer = chunk.entries;
    this.held = chunk.entries.reduce((sum, e) => sum + e.held, 0);
    if (chunk.entries.length === 0 && this.options.mayMatch) {
      this.position = chunk.next < this.range.to ? chunk.next : this.range.to;
      this.options.onPassedOver?.();
    }
    if (this.options.readAhead && this.buffer.length > 0) {
      this.ahead = this.nextChunk(true);
      this.ahead.catch(() => undefined); // a failure is thrown where it is awaited (or dropped after close)
    }
  }

  /** The next fetch's entries; ahead, fetches on past chunks whose records were all passed over. */
  private async nextChunk(ahead: boolean): Promise<Chunk | null> {
    for (;;) {
      if (this.fetchAt >= this.range.to || this.stopped) return null;
      const chunk = await this.fetchFrom(this.fetchAt, this.range.to);
      this.fetchAt = chunk.next;
      if (!ahead || chunk.entries.length > 0 || this.fetchAt >= this.range.to) return chunk;
    }
  }

  private async refillBackward(left: bigint): Promise<void> {
    const { from } = this.range;
    const end = this.fetchAt;
    if (end <= from) {
      this.exhausted = true;
      return;
    }
    const size = this.window < left ? this.window : left; // a bounded read stops near its bound
    const start = end - size > from ? end - size : from;
    const budget = this.options.fetchBytes * 2;
    const window: Entry[] = [];
    let bytes = 0;
    let held = 0;
    let dropped = false;
    for (let at = start; at < end;) {
      const fetched = await this.fetchFrom(at, end);
      window.push(...fetched.entries);
      bytes += fetched.bytes;
      held += fetched.entries.reduce((sum, e) => sum + e.held, 0);
      at = fetched.next;
      // Records grew larger than the window was sized for: keep the newest within budget; the older ones are
      // the next window's (read again then), so memory stays bounded whatever the sizes.
      while (held > budget && window.length > 1) {
        held -= window.shift()!.held;
        dropped = true;
      }
    }
    if (dropped) {
      this.fetchAt = window[0]!.offset;
      this.window = end - this.fetchAt; // as many offsets as fitted
    } else {
      this.fetchAt = start;
      // Small windows of small records cost a fetch each: widen while a window stays within one fetch's bytes.
      if (bytes < this.options.fetchBytes / 2 && this.window < MAX_WINDOW) this.window *= 2n;
    }
    this.buffer = window.reverse();
    this.held = held;
    // Every record of the window was passed over (mayMatch): what is left unread now ends at its start.
    if (window.length === 0 && this.options.mayMatch) {
      this.position = this.fetchAt;
      this.options.onPassedOver?.();
    }
  }
}

/** Runs `work` over `items` with at most `limit` at a time (a few fetches in flight, not one per partition). */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

const before = (a: Entry, b: Entry): boolean =>
  a.timestamp !== b.timestamp
    ? a.timestamp < b.timestamp
    : a.partition !== b.partition
      ? a.partition < b.partition
      : a.offset < b.offset;

/**
 * Reads several partitions as one stream ordered by timestamp (oldest first going forward, newest first going
 * backward). Only a few decoded messages per partition are held at a time, whatever the range.
 */
export class MergedReader {
  private readonly cursors: PartitionCursor[];

  constructor(private readonly options: MergedReadOptions) {
    this.cursors = options.ranges.filter((r) => r.from < r.to).map((r) => new PartitionCursor(r, options));
  }

  /** The next message in order, or null at the end of every range. */
  async next(): Promise<Message | null> {
    const { maxCovered } = this.options;
    const left = maxCovered === undefined ? undefined : () => maxCovered - this.covered();
    await inParallel(
      this.cursors.filter((c) => c.buffer.length === 0),
      4,
      (c) => c.refill(left),
    );
    // A partition stopped at the bound may still hold an older message than the others' heads: the order is
    // known only once it has read on, so the page ends here and the next one goes on from positions().
    if (left && this.cursors.some((c) => c.buffer.length === 0 && !c.done)) return null;
    let best: PartitionCursor | undefined;
    for (const cursor of this.cursors) {
      const head = cursor.buffer[0];
      if (!head) continue;
      const bestHead = best?.buffer[0];
      if (
        !bestHead ||
        (this.options.direction === 'forward' ? before(head, bestHead) : before(bestHead, head))
      )
        best = cursor;
    }
    return best ? best.take() : null;
  }

  /** Where each partition stands: pass to the next read to continue exactly after what was returned. */
  positions(): { partition: number; position: bigint; done: boolean }[] {
    const all = this.options.ranges.map((r) => ({
      partition: r.partition,
      position: this.options.direction === 'forward' ? r.from : r.to,
      done: r.from >= r.to,
    }));
    for (const c of this.cursors) {
      const entry = all.find((e) => e.partition === c.range.partition);
      if (!entry) continue;
      const { from, to } = c.range;
      const atEnd = this.options.direction === 'forward' ? c.position >= to : c.position <= from;
      Object.assign(entry, { position: c.position, done: c.done || atEnd });
    }
    return all;
  }

  /** Bytes waiting in the partitions' buffers (raw records, or the cut text of large ones). */
  heldBytes(): number {
    return this.cursors.reduce((sum, c) => sum + c.held, 0);
  }

  /** Stops reading ahead (see `readAhead`). */
  close(): void {
    for (const c of this.cursors) c.stopped = true;
  }

  /** Offsets passed over in all partitions together. */
  covered(): bigint {
    return this.cursors.reduce((sum, c) => sum + c.covered, 0n);
  }
}
