// Schemas by id for decoding, shared by every read of a cluster: a page of 500 records or a search over
// 100k fetches each schema id once, not once per record. Bounded (least recently used go first); an
// unknown id or an unreachable registry is remembered briefly, so a registry that is down costs one
// deadline per few seconds, not one per record.
import type { DecodedSchema } from '@tributary/contract';
import type { SchemaRegistryClient } from '../../schema-registry/client.ts';
import type { WireSchema } from '../../schema-registry/wire.ts';
import { DomainError } from '../errors.ts';
import { avroJsonReplacer, avroType } from './avro.ts';
import { jsonSchemaValidator } from './jsonschema.ts';
import { SchemaMismatch } from './mismatch.ts';
import { protobufSchema } from './protobuf.ts';

export interface CompiledSchema {
  info: DecodedSchema;
  /** Every subject and version that holds this schema id (one schema may serve many topics). */
  subjects: { subject: string; version: number }[];
  /** The payload after the 5-byte header, as JSON-ready data. */
  decode(payload: Buffer): unknown;
  /** JSON.stringify's replacer for what `decode` answers. */
  replacer?: (this: unknown, key: string, value: unknown) => unknown;
  /** JSON-ready data as the payload after the 5-byte header; a SchemaMismatch names the first bad field. */
  encode(value: unknown): Buffer;
}

export { SchemaMismatch };

export type SchemaSlot =
  | { kind: 'ready'; schema: CompiledSchema }
  | { kind: 'unknown' | 'unavailable' | 'unusable'; message: string; until: number };

const MAX_SCHEMAS = 1000;
const UNKNOWN_MS = 30_000;
const UNAVAILABLE_MS = 5_000;

/** The 4-byte schema id of a value in the Confluent wire format (magic byte 0), else undefined. */
export function wireSchemaId(bytes: Buffer | null): number | undefined {
  if (!bytes || bytes.length < 5 || bytes[0] !== 0) return undefined;
  return bytes.readInt32BE(1);
}

/**
 * The subject and version to name for a record of `topic`: the topic's own subject (TopicNameStrategy,
 * `<topic>-key` / `<topic>-value`) when it holds this schema, else the first that does.
 */
export function schemaInfoFor(schema: CompiledSchema, topic: string, part: 'key' | 'value'): DecodedSchema {
  const own = schema.subjects.find((s) => s.subject === `${topic}-${part}`);
  const chosen = own ?? schema.subjects[0];
  return chosen ? { ...schema.info, subject: chosen.subject, version: chosen.version } : schema.info;
}

export class SchemaCache {
  private readonly slots = new Map<number, SchemaSlot>();
  private readonly loading = new Map<number, Promise<void>>();

  constructor(private readonly client: SchemaRegistryClient) {}

  /** What is known about a schema id, without asking the registry (call `load` first). */
  peek(id: number): SchemaSlot | undefined {
    const slot = this.slots.get(id);
    if (!slot) return undefined;
    if (slot.kind !== 'ready' && slot.until < Date.now()) {
      this.slots.delete(id);
      return undefined;
    }
    // Most recently used last: the first entry is the one to drop.
    this.slots.delete(id);
    this.slots.set(id, slot);
    return slot;
  }

  /** Fetches the schema ids of these records' keys and values that are not known yet. Never throws. */
  async loadFor(records: Iterable<{ key: Buffer | null; value: Buffer | null }>): Promise<void> {
    const ids = new Set<number>();
    for (const record of records) {
      for (const bytes of [record.key, record.value]) {
        const id = wireSchemaId(bytes);
        if (id !== undefined && !this.peek(id)) ids.add(id);
      }
    }
    if (ids.size > 0) await Promise.all([...ids].map((id) => this.load(id)));
  }

  /** Fetches one schema id (once, however many ask at the same time). Never throws. */
  load(id: number): Promise<void> {
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.fetch(id).then((slot) => {
        this.slots.set(id, slot);
        while (this.slots.size > MAX_SCHEMAS) this.slots.delete(this.slots.keys().next().value!);
        this.loading.delete(id);
      });
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** Fetches and compiles a schema without caching it (e.g. for producing with a chosen version). */
  async compile(
    id: number,
    wire: WireSchema,
    subjects: { subject: string; version: number }[] = [],
  ): Promise<CompiledSchema> {
    const type = wire.schemaType ?? 'AVRO';
    const info: DecodedSchema = { id, type };
    if (type === 'AVRO') {
      const references = await Promise.all(
        (wire.references ?? []).map(async (r) => (await this.client.version(r.subject, r.version)).schema),
      );
      const avro = avroType(wire.schema, references);
      return {
        info,
        subjects,
        decode: (payload) => avro.fromBuffer(payload),
        replacer: avroJsonReplacer,
        encode: (value) => {
          let path: string[] | undefined;
          const valid = avro.isValid(value, {
            noUndeclaredFields: true,
            errorHook: (at: string[]) => (path ??= at),
          });
          if (!valid) throw new SchemaMismatch((path ?? []).join('.'));
          return avro.toBuffer(value);
        },
      };
    }
    const references = await Promise.all(
      (wire.references ?? []).map(async (r) => (await this.client.version(r.subject, r.version)).schema),
    );
    if (type === 'JSON') {
      // Compiled on first produce only: decoding never validates, so a page of records needs no ajv.
      let check: ((value: unknown) => void) | undefined;
      const named = (wire.references ?? []).map((r, i) => ({ name: r.name, schema: references[i]! }));
      return {
        info,
        subjects,
        decode: (payload) => JSON.parse(payload.toString('utf8')) as unknown,
        encode: (value) => {
          check ??= jsonSchemaValidator(wire.schema, named);
          check(value);
          return Buffer.from(JSON.stringify(value), 'utf8');
        },
      };
    }
    const proto = protobufSchema(wire.schema, references);
    return {
      info,
      subjects,
      decode: (payload) => proto.decode(payload),
      encode: (value) => {
        try {
          return proto.encode(value);
        } catch (error) {
          // protobufjs says "age: integer expected": the field comes first.
          const message = (error as Error).message;
          const field = /^([\w.]+): /.exec(message)?.[1];
          if (field) throw new SchemaMismatch(field);
          throw error;
        }
      },
    };
  }

  private async fetch(id: number): Promise<SchemaSlot> {
    let wire: WireSchema;
    try {
      wire = await this.client.schemaById(id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND')
        return {
          kind: 'unknown',
          message: `Schema id ${id} is unknown to the Schema Registry: the bytes are shown as they are.`,
          until: Date.now() + UNKNOWN_MS,
        };
      return {
        kind: 'unavailable',
        message: `${(error as Error).message} The bytes are shown as they are.`,
        until: Date.now() + UNAVAILABLE_MS,
      };
    }
    // Which subject and version hold it, for the reader's orientation; the decoding does not need it.
    const where = await this.client.subjectVersionsOf(id).catch(() => []);
    try {
      return { kind: 'ready', schema: await this.compile(id, wire, where) };
    } catch (error) {
      return {
        kind: 'unusable',
        message: `Schema id ${id} could not be used: ${(error as Error).message}`,
        until: Date.now() + UNKNOWN_MS,
      };
    }
  }
}
