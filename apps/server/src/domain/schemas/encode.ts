// Producing with a schema: JSON typed by a person, checked against a subject's version and written in the
// Confluent wire format (magic byte 0, the 4-byte schema id, the payload), the bytes Confluent's
// serializers write.
import type { SchemaChoice } from '@tributary/contract';
import type { SchemaRegistries } from '../../schema-registry/registry.ts';
import { badRequest } from '../errors.ts';
import { SchemaMismatch } from './mismatch.ts';

/** One subject version, resolved and compiled once, writing as many records as asked. */
export interface SchemaWriter {
  /** "orders-value version 3", for sentences. */
  named: string;
  /** JSON-ready data → wire-format bytes; a SchemaMismatch names the first field at fault. */
  write(value: unknown): Buffer;
  /** As `write`, refusing with a 400 that names `what` ("value", "value on line 3") and the field. */
  writeOrRefuse(value: unknown, what: string): Buffer;
}

export async function schemaWriter(
  registries: SchemaRegistries,
  cluster: string,
  choice: SchemaChoice,
  what: 'key' | 'value',
): Promise<SchemaWriter> {
  const client = registries.get(cluster);
  const cache = registries.cache(cluster)!;
  const version = await client.version(choice.subject, choice.version ?? 'latest');
  const named = `${choice.subject} version ${version.version}`;
  let compiled;
  try {
    compiled = await cache.compile(version.id, version, [
      { subject: choice.subject, version: version.version },
    ]);
  } catch (error) {
    throw badRequest(`The ${what} cannot be written with ${named}: ${(error as Error).message}.`);
  }
  const header = Buffer.alloc(5);
  header.writeInt32BE(version.id, 1);
  const write = (value: unknown) => Buffer.concat([header, compiled.encode(value)]);
  return {
    named,
    write,
    writeOrRefuse: (value, subjectOf) => {
      try {
        return write(value);
      } catch (error) {
        if (error instanceof SchemaMismatch)
          throw badRequest(`The ${subjectOf} does not match ${named}: ${error.message}.`, {
            path: error.path,
          });
        throw badRequest(`The ${subjectOf} cannot be written with ${named}: ${(error as Error).message}`);
      }
    },
  };
}

/** JSON text → the value parsed, or a 400 saying `what` is not JSON. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`The ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function encodeWithSchema(
  registries: SchemaRegistries,
  cluster: string,
  text: string | null,
  choice: SchemaChoice,
  what: 'key' | 'value',
): Promise<Buffer | null> {
  if (text === null) return null;
  const value = parseJson(text, what);
  return (await schemaWriter(registries, cluster, choice, what)).writeOrRefuse(value, what);
}

/**
 * A CSV row written with a schema: a text cell (a column without a chosen type) stays text unless the
 * schema refuses text there and the cell reads as JSON (a number, true/false, an object) or is empty
 * (null). One field is fixed per try, so a row of n columns costs at most n + 1 tries.
 */
export function writeCsvRow(writer: SchemaWriter, cells: Record<string, unknown>, what: string): Buffer {
  const row: Record<string, unknown> = { ...cells };
  for (let tries = 0; tries <= Object.keys(cells).length; tries++) {
    try {
      return writer.write(row);
    } catch (error) {
      if (!(error instanceof SchemaMismatch)) break;
      const field = error.path.split('.')[0] ?? '';
      const cell = row[field];
      const typed = typeof cell === 'string' ? cellAsJson(cell) : undefined;
      if (typed === undefined) break;
      row[field] = typed;
    }
  }
  return writer.writeOrRefuse(row, what);
}

function cellAsJson(cell: string): unknown {
  if (cell.trim() === '') return null;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return undefined;
  }
}
