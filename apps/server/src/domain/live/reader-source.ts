import type { LiveFilter } from '@tributary/contract';
import type { FetchedRecord, OwnPartitionReader } from '../../kafka/partition-reader.ts';
import { abortable } from '../errors.ts';
import { decodeRecord } from '../messages/decode.ts';
import { compileFilter } from '../messages/filter.ts';
import type { LiveSource } from './source.ts';
import type { SchemaCache } from '../schemas/schema-cache.ts';

/** Values longer than this are cut in a tail row (the size still shows); browsing shows them whole. */
const MAX_VALUE_BYTES = 64 * 1024;

export interface ReaderSource extends LiveSource<FetchedRecord> {
  /** Closes this tail's own Kafka connections. */
  close(): Promise<void>;
}

/**
 * The live source over the group-less partition reader, the message decoder and the search filter. Each
 * tail gets a reader of its own (see ownPartitionReader): closing the tab closes exactly its connections.
 */
export function readerSource(reader: OwnPartitionReader, schemas?: SchemaCache): ReaderSource {
  // A fetch keeps running inside kafkajs after its abort; closing the client under it would let it
  // reconnect. So the close waits for those (at most one long poll) and then disconnects.
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    const settled: Promise<unknown> = work.then(
      () => inFlight.delete(settled),
      () => inFlight.delete(settled),
    );
    inFlight.add(settled);
    return work;
  };
  // kafkajs opens a broker's fetch connection on first use, and concurrent first uses each open a socket
  // of which only one is kept (the others leak). So the partitions' first fetches wait for one to finish.
  let firstFetch: Promise<unknown> | undefined;
  return {
    async offsets(topic) {
      // A name Kafka cannot hold (e.g. "a b") is a 404 that says so (TopicsGateway.topic): the tail ends.
      const offsets = await track(reader.availableOffsets(topic));
      return [
        ...offsets.bounds.map((r) => ({ partition: r.partition, low: BigInt(r.low), high: BigInt(r.high) })),
        ...offsets.unavailable.map((u) => ({
          partition: u.partition,
          low: 0n,
          high: 0n,
          unavailable: u.reason,
        })),
      ].sort((a, b) => a.partition - b.partition);
    },
    async offsetAt(topic, partition, timestampMs) {
      const at = await track(reader.offsetsForTime(topic, timestampMs));
      const offset = at.find((p) => p.partition === partition)?.offset;
      return offset === undefined ? undefined : BigInt(offset);
    },
    async fetch({ topic, partition, offset, maxBytes, maxWaitMs, minBytes, signal }) {
      if (firstFetch) await firstFetch;
      const work = track(
        reader.fetch({ topic, partition, offset: offset.toString(), maxBytes, maxWaitMs, minBytes }),
      );
      firstFetch ??= work.then(
        () => undefined,
        () => (firstFetch = undefined),
      );
      const result = await abortable(work, signal, 'The live tail was stopped.');
      await schemas?.loadFor(result.records);
      return {
        records: result.records,
        highWatermark: BigInt(result.highWatermark),
        logStartOffset: BigInt(result.logStartOffset),
        nextOffset: BigInt(result.nextOffset),
      };
    },
    offsetOf: (record) => BigInt(record.offset),
    decode: (record, formats) =>
      decodeRecord(record, { ...formats, maxValueBytes: MAX_VALUE_BYTES, schemas }),
    compileFilter(filter: LiveFilter) {
      if (!filter.q && !filter.filter?.trim()) return undefined;
      return compileFilter(filter);
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      await reader.close();
    },
  };
}
