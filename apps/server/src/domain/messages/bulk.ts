// Many records to Kafka in order, with progress, stopping at the first error and counting exactly what
// was written: each request carries one partition's records, which Kafka appends whole or not at all.
import type { ProduceLinesRequest, ProduceSummary } from '@tributary/contract';
import type { ProducerGateway } from '../../kafka/producer-gateway.ts';
import { DomainError, badRequest } from '../errors.ts';
import { checkPartition, encodeInput, partitioner, type OutgoingRecord } from './produce.ts';
import { parseJson, type SchemaWriter } from '../schemas/encode.ts';

/** A parsed input line: the record, or why the line cannot become one. */
export type InputItem =
  | { line: number; key: Buffer | null; value: Buffer | null; headers?: OutgoingRecord['headers'] }
  | { line: number; error: string };

type Outgoing = OutgoingRecord & { line: number };

const CHUNK_RECORDS = 500;
const CHUNK_BYTES = 512 * 1024; // below the broker's default max.message.bytes (1 MiB) per partition batch

export interface BulkOptions {
  partition?: number | undefined;
  headers?: OutgoingRecord['headers'];
  total: number;
  onProgress?: (sent: number, total: number, ratePerSec: number) => void;
  signal?: AbortSignal;
}

export async function produceMany(
  producer: ProducerGateway,
  topic: string,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  options: BulkOptions,
): Promise<ProduceSummary> {
  const started = Date.now();
  const count = await producer.partitionCount(topic);
  checkPartition(options.partition, count, topic);
  const choose = partitioner(count);
  let written = 0;
  let chunk: Outgoing[] = [];
  let chunkBytes = 0;
  const summary = (error?: { line: number; message: string }): ProduceSummary => ({
    written,
    total: options.total,
    elapsedMs: Date.now() - started,
    ...(error ? { error } : {}),
  });

  /** One partition's records: one request, or one by one after a failure to find the exact failing line. */
  const sendGroup = async (records: Outgoing[]): Promise<{ line: number; message: string } | undefined> => {
    try {
      await producer.send(topic, records);
      written += records.length;
      return undefined;
    } catch (error) {
      if (records.length === 1) return { line: records[0]!.line, message: messageOf(error) };
    }
    // The failed request wrote nothing (a partition's batch is appended whole or not at all).
    for (const record of records) {
      try {
        await producer.send(topic, [record]);
        written++;
      } catch (error) {
        return { line: record.line, message: messageOf(error) };
      }
    }
    return undefined;
  };

  const flush = async (): Promise<{ line: number; message: string } | undefined> => {
    const groups = new Map<number, Outgoing[]>();
    for (const r of chunk) {
      const group = groups.get(r.partition);
      if (group) group.push(r);
      else groups.set(r.partition, [r]);
    }
    chunk = [];
    chunkBytes = 0;
    const failures = (await Promise.all([...groups.values()].map(sendGroup))).filter((f) => f !== undefined);
    const elapsed = (Date.now() - started) / 1000;
    options.onProgress?.(written, options.total, elapsed > 0 ? Math.round(written / elapsed) : written);
    return failures.sort((a, b) => a.line - b.line)[0];
  };

  for await (const item of items) {
    if (options.signal?.aborted) return summary({ line: item.line, message: 'Stopped before this line.' });
    if ('error' in item) {
      const failed = chunk.length > 0 ? await flush() : undefined;
      return summary(failed ?? { line: item.line, message: item.error });
    }
    const partition = options.partition ?? choose(item.key);
    const headers = [...(options.headers ?? []), ...(item.headers ?? [])];
    chunk.push({ line: item.line, key: item.key, value: item.value, headers, partition });
    chunkBytes += (item.key?.length ?? 0) + (item.value?.length ?? 0) + 64;
    if (chunk.length >= CHUNK_RECORDS || chunkBytes >= CHUNK_BYTES) {
      const failed = await flush();
      if (failed) return summary(failed);
    }
  }
  const failed = chunk.length > 0 ? await flush() : undefined;
  return summary(failed);
}

function messageOf(error: unknown): string {
  return error instanceof DomainError
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error);
}

/**
 * Pasted lines, one message each: `key<separator>value` when a separator is given, else the whole line.
 * With a schema writer, every value must be JSON that matches: the first that does not is a 400 naming
 * its line, before anything is sent.
 */
export function parseLines(request: ProduceLinesRequest, writer?: SchemaWriter): InputItem[] {
  const items: InputItem[] = [];
  const lines = request.lines.split('\n');
  if (lines.length > 100_000)
    throw badRequest('Paste at most 100,000 lines at once; upload a file for more.');
  lines.forEach((raw, i) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    const line = i + 1;
    let key: string | null = null;
    let value = text;
    if (request.separator !== undefined) {
      const at = text.indexOf(request.separator);
      if (at < 0) {
        items.push({ line, error: `Line ${line} has no key separator "${request.separator}".` });
        return;
      }
      key = text.slice(0, at);
      value = text.slice(at + request.separator.length);
    }
    if (writer) {
      const what = `value on line ${line}`;
      items.push({
        line,
        key: encodeInput(key, 'string', 'key'),
        value: writer.writeOrRefuse(parseJson(value, what), what),
      });
      return;
    }
    try {
      items.push({
        line,
        key: encodeInput(key, 'string', 'key'),
        value: encodeInput(value, request.valueFormat ?? 'string', `value on line ${line}`),
      });
    } catch (error) {
      items.push({ line, error: messageOf(error) });
    }
  });
  return items;
}
