import type { DataFormat, LiveFilter, Message } from '@tributary/contract';

/** A partition's earliest and log-end offsets (the next offset to be written). */
export interface PartitionRange {
  partition: number;
  low: bigint;
  high: bigint;
  /** Set when the partition's offsets are unknown now (its leader does not answer): low and high mean nothing. */
  unavailable?: string;
}

export interface LiveFetchRequest {
  topic: string;
  partition: number;
  offset: bigint;
  maxBytes: number;
  maxWaitMs: number;
  /** The broker answers once this much is there, or after maxWaitMs. */
  minBytes: number;
  signal: AbortSignal;
}

export interface LiveFetchResult<R> {
  records: R[];
  highWatermark: bigint;
  logStartOffset: bigint;
  /** Where the next fetch starts: past control batches (transaction markers) and compacted gaps too. */
  nextOffset?: bigint;
}

export interface Formats {
  keyFormat: DataFormat;
  valueFormat: DataFormat;
}

/**
 * What a live tail needs from Kafka, injected so the session logic can be tested with a fake source. The
 * real one (reader-source.ts) wraps the group-less partition reader, the decoder and the search filter.
 * `R` is the source's raw record: decoding is lazy, so records dropped under backpressure cost nothing.
 */
export interface LiveSource<R> {
  offsets(topic: string): Promise<PartitionRange[]>;
  /** The first offset of `partition` written at or after `timestampMs` (its log end when none). */
  offsetAt?(topic: string, partition: number, timestampMs: number): Promise<bigint | undefined>;
  fetch(request: LiveFetchRequest): Promise<LiveFetchResult<R>>;
  offsetOf(record: R): bigint;
  decode(record: R, formats: Formats): Message;
  /** Throws a BAD_REQUEST DomainError on a syntax error. */
  compileFilter(filter: LiveFilter): ((message: Message) => boolean) | undefined;
}
