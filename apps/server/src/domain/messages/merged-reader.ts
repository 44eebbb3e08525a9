import type { Message } from '@tributary/contract';
import type { PartitionReader } from '../../kafka/partition-reader.ts';
import { decodeRecord, type DecodeOptions } from './decode.ts';

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
  /** Decoded records kept ahead per partition: memory is partitions × this × maxValueBytes. */
  perPartition: number;
  /** Bytes asked for per fetch (the broker still sends one whole batch when it is larger). */
  fetchBytes: number;
  signal?: AbortSignal;
}

/**
 * One partition read in the merge: a small buffer of decoded messages in reading order, refilled on demand.
 * `position` is where the next page would continue: forward, the next offset to read; backward, the
 * (exclusive) end of what is still unread.
 */
class PartitionCursor {
  buffer: Message[] = [];
  position: bigint;
  private fetchAt: bigint; // forward: next offset to fetch; backward: end of the next window
  private exhausted = false;

  constructor(
    readonly range: Range,
    private readonly options: MergedReadOptions,
  ) {
    this.position = options.direction === 'forward' ? range.from : range.to;
    this.fetchAt = this.position;
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
    const message = this.buffer.shift()!;
    const offset = BigInt(message.offset);
    this.position = this.options.direction === 'forward' ? offset + 1n : offset;
    if (this.done) this.position = this.options.direction === 'forward' ? this.range.to : this.range.from;
    return message;
  }

  async refill(): Promise<void> {
    while (this.buffer.length === 0 && !this.exhausted) {
      if (this.options.direction === 'forward') await this.refillForward();
      else await this.refillBackward();
    }
    if (this.done) this.position = this.options.direction === 'forward' ? this.range.to : this.range.from;
  }

  /**
   * Decodes the records of one fetch from `offset` below `until`: the first `keep` (head) or the last `keep`
   * (tail, a sliding window). Answers where to fetch next.
   */
  private async fetchFrom(offset: bigint, until: bigint, into: Message[], keep: number, tail: boolean) {
    const { reader, topic, decode, fetchBytes, signal } = this.options;
    const result = await reader.fetch({
      topic,
      partition: this.range.partition,
      offset: offset.toString(),
      maxBytes: fetchBytes,
      maxWaitMs: 0,
      ...(signal ? { signal } : {}),
    });
    for (const record of result.records) {
      if (BigInt(record.offset) >= until) return until;
      if (!tail && into.length >= keep) return BigInt(record.offset);
      into.push(decodeRecord(record, decode));
      if (into.length > keep) into.shift();
    }
    const next = BigInt(result.nextOffset);
    // No progress (e.g. data removed by retention meanwhile): stop rather than loop.
    return next > offset ? next : until;
  }

  private async refillForward(): Promise<void> {
    const { to } = this.range;
    if (this.fetchAt >= to) {
      this.exhausted = true;
      return;
    }
    const found: Message[] = [];
    this.fetchAt = await this.fetchFrom(this.fetchAt, to, found, this.options.perPartition, false);
    this.buffer = found;
  }

  private async refillBackward(): Promise<void> {
    const { from } = this.range;
    const end = this.fetchAt;
    if (end <= from) {
      this.exhausted = true;
      return;
    }
    const size = BigInt(this.options.perPartition);
    const start = end - size > from ? end - size : from;
    const window: Message[] = [];
    for (let at = start; at < end;)
      at = await this.fetchFrom(at, end, window, this.options.perPartition, true);
    this.fetchAt = start;
    this.buffer = window.reverse();
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

const before = (a: Message, b: Message): boolean =>
  a.timestamp !== b.timestamp
    ? a.timestamp < b.timestamp
    : a.partition !== b.partition
      ? a.partition < b.partition
      : BigInt(a.offset) < BigInt(b.offset);

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
    await inParallel(
      this.cursors.filter((c) => c.buffer.length === 0),
      4,
      (c) => c.refill(),
    );
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

  /** Offsets passed over in all partitions together. */
  covered(): bigint {
    return this.cursors.reduce((sum, c) => sum + c.covered, 0n);
  }
}
