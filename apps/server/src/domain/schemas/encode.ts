// Producing with a schema: JSON typed by a person, checked against a subject's version and written in the
// Confluent wire format (magic byte 0, the 4-byte schema id, the payload), the bytes Confluent's
// serializers write.
import type { SchemaChoice } from '@tributary/contract';
import type { SchemaRegistries } from '../../schema-registry/registry.ts';
import { badRequest } from '../errors.ts';
import { SchemaMismatch } from './schema-cache.ts';

export async function encodeWithSchema(
  registries: SchemaRegistries,
  cluster: string,
  text: string | null,
  choice: SchemaChoice,
  what: 'key' | 'value',
): Promise<Buffer | null> {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The ${what} is not valid JSON: ${(error as Error).message}`);
  }
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
  let payload: Buffer;
  try {
    payload = compiled.encode(value);
  } catch (error) {
    if (error instanceof SchemaMismatch)
      throw badRequest(`The ${what} does not match ${named}: ${error.message}.`, { path: error.path });
    throw badRequest(`The ${what} cannot be written with ${named}: ${(error as Error).message}`);
  }
  const header = Buffer.alloc(5);
  header.writeInt32BE(version.id, 1);
  return Buffer.concat([header, payload]);
}
