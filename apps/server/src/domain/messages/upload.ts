// A file to Kafka: spooled to disk first (bounded memory, and the total is known before the first send),
// then read again line by line and produced with progress.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { ProduceSummary, UploadQuery } from '@tributary/contract';
import type { ProducerGateway } from '../../kafka/producer-gateway.ts';
import { badRequest, tooLarge } from '../errors.ts';
import { produceMany, type InputItem } from './bulk.ts';
import { checkPartition } from './produce.ts';
import { csvRows, guessDelimiter, CsvError } from './csv.ts';
import { csvValueWriter, type CsvValueWriter } from './csv-value.ts';
import { parseJson, writeCsvRow, type SchemaWriter } from '../schemas/encode.ts';

const MAX_LINE_CHARS = 16 << 20; // far above Kafka's default record size; bounds what one line may hold

async function* textOf(path: string): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    const text = chunk as string;
    yield first && text.startsWith('\uFEFF') ? text.slice(1) : text; // Excel's byte-order mark
    first = false;
  }
}

async function* jsonLines(
  path: string,
  query: UploadQuery,
  writer?: SchemaWriter,
): AsyncGenerator<InputItem> {
  let rest = '';
  let line = 0;
  const item = (text: string): InputItem | undefined => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return { line, error: `Line ${line} is not valid JSON: ${(error as Error).message}` };
    }
    let key: Buffer | null = null;
    if (query.keyField) {
      const field =
        parsed && typeof parsed === 'object' && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)[query.keyField]
          : undefined;
      if (field === undefined)
        return { line, error: `Line ${line} has no field "${query.keyField}" for the key.` };
      key = field === null ? null : Buffer.from(typeof field === 'string' ? field : JSON.stringify(field));
    }
    const value = writer ? writer.writeOrRefuse(parsed, `value on line ${line}`) : Buffer.from(trimmed);
    return { line, key, value };
  };
  for await (const chunk of textOf(path)) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      const next = item(part);
      if (next) yield next;
    }
    if (rest.length > MAX_LINE_CHARS) {
      yield { line: line + 1, error: `Line ${line + 1} is longer than ${MAX_LINE_CHARS >> 20} MiB.` };
      return;
    }
  }
  const last = item(rest);
  if (last) yield last;
}

async function* csvItems(path: string, query: UploadQuery, writer?: SchemaWriter): AsyncGenerator<InputItem> {
  const rows = csvRows(textOf(path), query.delimiter ?? (await delimiterOf(path)));
  let header: string[] | undefined;
  let keyIndex = -1;
  let valueIndexes: number[] = [];
  let valueOf: CsvValueWriter = () => ({ value: '' });
  try {
    for await (const row of rows) {
      if (!header) {
        header = row.fields.map((f) => f.trim());
        keyIndex = query.keyColumn ? header.indexOf(query.keyColumn) : -1;
        if (query.keyColumn && keyIndex < 0)
          throw badRequest(`The CSV has no column "${query.keyColumn}". Its columns: ${header.join(', ')}.`);
        const wanted = query.valueColumns ? query.valueColumns.split(',').map((c) => c.trim()) : header;
        valueIndexes = wanted.map((name) => {
          const index = header!.indexOf(name);
          if (index < 0)
            throw badRequest(`The CSV has no column "${name}". Its columns: ${header!.join(', ')}.`);
          return index;
        });
        if (query.valueMode === 'single' && valueIndexes.length !== 1)
          throw badRequest('valueMode=single needs exactly one column in valueColumns.');
        valueOf = csvValueWriter(header, valueIndexes, query);
        continue;
      }
      if (row.fields.length !== header.length) {
        yield {
          line: row.line,
          error: `Line ${row.line} has ${row.fields.length} fields; the header has ${header.length}.`,
        };
        continue;
      }
      const typed = valueOf(row.fields);
      if ('error' in typed) {
        yield { line: row.line, error: `Line ${row.line}: ${typed.error}.` };
        continue;
      }
      const what = `value on line ${row.line}`;
      // With a schema the row's JSON (typed columns as the user chose) is written in the wire format.
      const value = !writer
        ? Buffer.from(typed.value)
        : query.valueMode === 'single'
          ? writer.writeOrRefuse(parseJson(typed.value, what), what)
          : writeCsvRow(writer, JSON.parse(typed.value) as Record<string, unknown>, what);
      yield { line: row.line, key: keyIndex >= 0 ? Buffer.from(row.fields[keyIndex] ?? '') : null, value };
    }
  } catch (error) {
    if (error instanceof CsvError) yield { line: error.line, error: `Line ${error.line}: ${error.message}` };
    else throw error;
  }
}

async function delimiterOf(path: string): Promise<string> {
  for await (const text of textOf(path)) return guessDelimiter(text.split('\n')[0] ?? '');
  return ',';
}

/** "64 MiB", "1.5 GiB", "900 bytes". */
export function sizeText(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ] as const)
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  return `${bytes} bytes`;
}

/** The refusal of a file over the server's limit (setting `uploadMaxBytes`). */
export const uploadTooLarge = (maxBytes: number) =>
  tooLarge(`The file is larger than this server takes (${sizeText(maxBytes)}, its uploadMaxBytes setting).`);

/** Writes the body to a temporary file and answers its path; stops past `maxBytes`. */
async function spool(
  body: Readable,
  dir: string,
  format: UploadQuery['format'],
  maxBytes: number,
): Promise<string> {
  const path = join(dir, `upload.${format}`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(uploadTooLarge(maxBytes));
      else done(null, chunk);
    },
  });
  // Not pipeline(body, ...): on a refusal it would destroy the request, and the 413 could not be sent. The
  // rest of a refused body is read and dropped instead.
  body.on('error', (error) => limit.destroy(error));
  body.pipe(limit);
  try {
    await pipeline(limit, createWriteStream(path));
  } catch (error) {
    body.unpipe(limit);
    body.resume();
    throw error;
  }
  return path;
}

async function countItems(items: AsyncIterable<InputItem>): Promise<number> {
  let n = 0;
  for await (const item of items) {
    if (item) n++;
  }
  return n;
}

export interface PreparedUpload {
  total: number;
  /** Produces the spooled file, reporting progress; removes the file at the end. */
  produce(
    onProgress: (sent: number, total: number, ratePerSec: number) => void,
    signal?: AbortSignal,
  ): Promise<ProduceSummary>;
  discard(): Promise<void>;
}

/**
 * Spools the body to a temporary file and counts its records, so that a bad column name or an unknown
 * partition is a plain 400 before anything is sent, and progress knows its total.
 */
export async function prepareUpload(
  producer: ProducerGateway,
  topic: string,
  body: Readable,
  query: UploadQuery,
  maxBytes: number,
  /** Encodes each value with a registry schema; a row that does not match refuses the file at counting. */
  writer?: SchemaWriter,
): Promise<PreparedUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'tributary-upload-'));
  const discard = () => rm(dir, { recursive: true, force: true });
  try {
    const path = await spool(body, dir, query.format, maxBytes);
    const items = () =>
      query.format === 'csv' ? csvItems(path, query, writer) : jsonLines(path, query, writer);
    const total = await countItems(items());
    checkPartition(query.partition, await producer.partitionCount(topic), topic);
    return {
      total,
      discard,
      produce: async (onProgress, signal) => {
        try {
          onProgress(0, total, 0);
          return await produceMany(producer, topic, items(), {
            partition: query.partition,
            total,
            onProgress,
            ...(signal ? { signal } : {}),
          });
        } finally {
          await discard();
        }
      },
    };
  } catch (error) {
    await discard();
    throw error;
  }
}
