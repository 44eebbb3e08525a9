import type { LiveFilter } from '@tributary/contract';
import { ClusterConnection } from '../../kafka/cluster-connection.ts';
import { partitionReader, type FetchedRecord } from '../../kafka/partition-reader.ts';
import { decodeRecord } from '../messages/decode.ts';
import { compileFilter } from '../messages/filter.ts';
import type { LiveSource } from './source.ts';

/** Values longer than this are cut in a tail row (the size still shows); browsing shows them whole. */
const MAX_VALUE_BYTES = 64 * 1024;

export interface ReaderSource extends LiveSource<FetchedRecord> {
  /** Closes this tail's own Kafka connections. */
  close(): Promise<void>;
}

/**
 * The live source over the group-less partition reader, the message decoder and the search filter. Each
 * tail gets its own kafkajs client: its long polls then never queue behind another tab's (a broker serves
 * one request per connection at a time), and closing the tab closes exactly its connections.
 */
export function readerSource(cluster: ClusterConnection): ReaderSource {
  const own = new ClusterConnection(cluster.config, cluster.options);
  const reader = partitionReader(own);
  return {
    async offsets(topic) {
      const ranges = await reader.offsets(topic);
      return ranges.map((r) => ({ partition: r.partition, low: BigInt(r.low), high: BigInt(r.high) }));
    },
    async fetch({ topic, partition, offset, maxBytes, maxWaitMs, signal }) {
      const result = await reader.fetch({
        topic,
        partition,
        offset: offset.toString(),
        maxBytes,
        maxWaitMs,
        signal,
      });
      return {
        records: result.records,
        highWatermark: BigInt(result.highWatermark),
        logStartOffset: BigInt(result.logStartOffset),
      };
    },
    offsetOf: (record) => BigInt(record.offset),
    decode: (record, formats) => decodeRecord(record, { ...formats, maxValueBytes: MAX_VALUE_BYTES }),
    compileFilter(filter: LiveFilter) {
      if (!filter.q && !filter.filter?.trim()) return undefined;
      return compileFilter(filter);
    },
    close: () => own.close(),
  };
}
