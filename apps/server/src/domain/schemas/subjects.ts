// The registry management the console offers, over the Confluent-compatible API.
import type {
  CompatibilityCheck,
  CompatibilityLevel,
  RegisterSchemaBody,
  RegisteredSchema,
  SchemaById,
  SchemaType,
  SchemaVersion,
  SubjectDetail,
  SubjectList,
  SubjectListQuery,
} from '@tributary/contract';
import type { SchemaRegistryClient, RegisterRequest } from '../../schema-registry/client.ts';
import type { WireConfig, WireSubjectVersion } from '../../schema-registry/wire.ts';
import { badRequest, conflict, DomainError } from '../errors.ts';

const LEVELS = new Set([
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
]);

function level(config: WireConfig | undefined): CompatibilityLevel | null {
  const value = config?.compatibilityLevel ?? config?.compatibility;
  return value && LEVELS.has(value) ? (value as CompatibilityLevel) : null;
}

/** JSON schemas (Avro, JSON Schema) pretty-printed; Protobuf text as it is. */
function pretty(schema: string): string {
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}

function toVersion(wire: WireSubjectVersion): SchemaVersion {
  return {
    subject: wire.subject,
    version: wire.version,
    id: wire.id,
    type: (wire.schemaType ?? 'AVRO') as SchemaType,
    schema: pretty(wire.schema),
    references: wire.references ?? [],
  };
}

/** `latest`, or a whole number ≥ 1. */
export function parseVersion(version: string): number | 'latest' {
  if (version === 'latest') return 'latest';
  if (!/^\d+$/.test(version) || Number(version) < 1)
    throw badRequest(`A schema version is a whole number like 3, or "latest"; not "${version}".`);
  return Number(version);
}

const isNotFound = (error: unknown) => error instanceof DomainError && error.code === 'NOT_FOUND';

/** The subject's own level; null when it has none (the global level applies). */
async function subjectLevel(
  client: SchemaRegistryClient,
  subject: string,
): Promise<CompatibilityLevel | null> {
  try {
    return level(await client.config(subject));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export async function listSubjects(
  client: SchemaRegistryClient,
  query: SubjectListQuery,
): Promise<SubjectList> {
  const page = query.page ?? 1;
  const perPage = query.perPage ?? 50;
  const search = query.search?.trim().toLowerCase() ?? '';
  const [all, global] = await Promise.all([client.subjects(), client.config()]);
  const matching = all.filter((s) => s.toLowerCase().includes(search)).sort((a, b) => a.localeCompare(b));
  const globalLevel = level(global);
  const items = await Promise.all(
    matching.slice((page - 1) * perPage, page * perPage).map(async (subject) => {
      const [latest, own] = await Promise.all([
        client.version(subject, 'latest'),
        subjectLevel(client, subject),
      ]);
      return {
        subject,
        latestVersion: latest.version,
        latestId: latest.id,
        type: (latest.schemaType ?? 'AVRO') as SchemaType,
        compatibility: own ?? globalLevel,
      };
    }),
  );
  return { items, total: matching.length, page, perPage, globalCompatibility: globalLevel };
}

export async function describeSubject(client: SchemaRegistryClient, subject: string): Promise<SubjectDetail> {
  const [versions, latest, own, global] = await Promise.all([
    client.versions(subject),
    client.version(subject, 'latest'),
    subjectLevel(client, subject),
    client.config(),
  ]);
  return { subject, versions, latest: toVersion(latest), compatibility: own ?? level(global) };
}

export async function schemaVersion(
  client: SchemaRegistryClient,
  subject: string,
  version: string,
): Promise<SchemaVersion> {
  return toVersion(await client.version(subject, parseVersion(version)));
}

export async function schemaById(client: SchemaRegistryClient, id: number): Promise<SchemaById> {
  const [wire, subjects] = await Promise.all([
    client.schemaById(id),
    client.subjectVersionsOf(id).catch(() => []),
  ]);
  return {
    id,
    type: (wire.schemaType ?? 'AVRO') as SchemaType,
    schema: pretty(wire.schema),
    references: wire.references ?? [],
    subjects,
  };
}

function request(body: RegisterSchemaBody): RegisterRequest {
  return {
    schema: body.schema,
    // Confluent's API leaves schemaType out for Avro; some registries refuse "AVRO" spelled out.
    ...(body.schemaType && body.schemaType !== 'AVRO' ? { schemaType: body.schemaType } : {}),
    ...(body.references?.length ? { references: body.references } : {}),
  };
}

/** Registers a new version (or finds the same schema registered before) and answers its id and version. */
export async function registerSchema(
  client: SchemaRegistryClient,
  subject: string,
  body: RegisterSchemaBody,
): Promise<RegisteredSchema> {
  const { id } = await client.register(subject, request(body));
  const found = await client.lookup(subject, request(body));
  return { id, version: found.version };
}

/** Whether the schema would be accepted as the subject's next version; a new subject accepts anything. */
export async function checkCompatibility(
  client: SchemaRegistryClient,
  subject: string,
  body: RegisterSchemaBody,
): Promise<CompatibilityCheck> {
  try {
    const answer = await client.checkCompatibility(subject, request(body));
    return { compatible: answer.is_compatible, messages: answer.messages ?? [] };
  } catch (error) {
    if (isNotFound(error)) return { compatible: true, messages: [] };
    if (error instanceof DomainError && error.code === 'SCHEMA_INCOMPATIBLE')
      return { compatible: false, messages: [error.message] };
    throw error;
  }
}

/** The subject's level, or the global one when `subject` is undefined. */
export async function setCompatibility(
  client: SchemaRegistryClient,
  subject: string | undefined,
  compatibility: CompatibilityLevel,
): Promise<{ compatibility: CompatibilityLevel }> {
  const answer = await client.setConfig(subject, compatibility);
  return { compatibility: level(answer) ?? compatibility };
}

/**
 * A soft delete hides the subject (its schemas still decode old records); `permanent` removes what a
 * soft delete hid, and, as in Confluent's API, only that: a live subject is refused with a sentence.
 */
export async function deleteSubject(
  client: SchemaRegistryClient,
  subject: string,
  permanent: boolean,
): Promise<{ versions: number[] }> {
  if (permanent && (await client.subjects()).includes(subject))
    throw conflict(
      `Subject "${subject}" is still live: delete it first (a soft delete), then delete it permanently.`,
      { subject },
    );
  return { versions: await client.deleteSubject(subject, permanent) };
}

export async function deleteVersion(
  client: SchemaRegistryClient,
  subject: string,
  version: string,
  permanent: boolean,
): Promise<{ versions: number[] }> {
  const parsed = parseVersion(version);
  if (permanent && parsed === 'latest')
    throw badRequest('A permanent delete names its version by number, not "latest".');
  const resolved = parsed === 'latest' ? (await client.version(subject, 'latest')).version : parsed;
  if (permanent && (await liveVersions(client, subject)).includes(resolved))
    throw conflict(
      `Version ${resolved} of subject "${subject}" is still live: delete it first (a soft delete), then delete it permanently.`,
      { subject, version: resolved },
    );
  return { versions: [await client.deleteVersion(subject, resolved, permanent)] };
}

/** The versions not soft-deleted; none when the whole subject is. */
async function liveVersions(client: SchemaRegistryClient, subject: string): Promise<number[]> {
  try {
    return await client.versions(subject);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}
