import { Compile } from 'typebox/compile';
import { LiveCommand } from '@tributary/contract';
import { badRequest } from '../errors.ts';

type CommandType = LiveCommand['type'];
const VARIANTS = new Map(
  LiveCommand.anyOf.map((variant) => [variant.properties.type.const as CommandType, Compile(variant)]),
);

/** Parses one WebSocket text frame into a command, or throws BAD_REQUEST with a sentence that says why. */
export function parseCommand(text: string): LiveCommand {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest('A live-tail command must be a JSON object, e.g. {"type":"pause"}.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw badRequest(`A live-tail command must be a JSON object with a "type", e.g. {"type":"pause"}.`);
  const type = (data as { type?: unknown }).type;
  const check = typeof type === 'string' ? VARIANTS.get(type as CommandType) : undefined;
  const known = [...VARIANTS.keys()].join(', ');
  if (type === undefined) throw badRequest(`A live-tail command needs a "type"; known: ${known}.`);
  if (!check) throw badRequest(`Unknown live-tail command ${JSON.stringify(type)}; known: ${known}.`);
  if (!check.Check(data)) throw badRequest(`Invalid "${type}" command: ${explain([...check.Errors(data)])}.`);
  return data as LiveCommand;
}

interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message: string;
  params: unknown;
}

const field = (path: string) => path.replace(/^\//, '').replace(/\//g, '.') || 'the command';

/**
 * The first problem, in words. A union (where to start, the partitions, a format) reports the errors of
 * every variant; the one meant is the variant whose `mode`/type matched, and if none did, the allowed ones.
 */
function explain(errors: SchemaError[]): string {
  const first = errors.find((e) => e.keyword !== 'anyOf');
  if (!first) return 'it is invalid';
  const union = /^(.*?\/anyOf)\/\d+/.exec(first.schemaPath)?.[1];
  if (!union) return `${field(first.instancePath)} ${phrase(first)}`;
  // The union's own summary error sits at the union's value: a type error there means "not this variant".
  const at = errors.find((e) => e.keyword === 'anyOf' && `${e.schemaPath}/anyOf` === union)?.instancePath;
  const variants = new Map<string, SchemaError[]>();
  for (const e of errors) {
    const variant = new RegExp(`^${escape(union)}/(\\d+)`).exec(e.schemaPath)?.[1];
    if (variant !== undefined) variants.set(variant, [...(variants.get(variant) ?? []), e]);
  }
  const mismatch = (e: SchemaError) =>
    e.keyword === 'const' || (e.keyword === 'type' && e.instancePath === at);
  const meant = [...variants.values()].filter((list) => !list.some(mismatch));
  if (meant.length === 1)
    return explain(
      meant[0]!.map((e) => ({ ...e, schemaPath: e.schemaPath.replace(variantPrefix(union), '#') })),
    );
  const mismatches = [...variants.values()].flat().filter(mismatch);
  const where = mismatches.find((e) => e.keyword === 'const') ?? mismatches[0];
  if (!where) return `${field(first.instancePath)} ${phrase(first)}`;
  const allowed = [...new Set(mismatches.filter((e) => e.keyword === where.keyword).map(describeAllowed))];
  return `${field(where.instancePath)} must be ${allowed.join(' or ')}`;
}

const TYPES: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function describeAllowed(error: SchemaError): string {
  const params = error.params as { allowedValue?: unknown; type?: unknown };
  if (error.keyword === 'const') return JSON.stringify(params.allowedValue);
  return TYPES[String(params.type)] ?? String(params.type);
}

function phrase(error: SchemaError): string {
  return error.keyword === 'type' ? `must be ${describeAllowed(error)}` : error.message;
}

const variantPrefix = (union: string) => new RegExp(`^${escape(union)}/\\d+`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
