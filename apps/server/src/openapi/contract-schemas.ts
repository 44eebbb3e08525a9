// The contract's schemas by export name, so the OpenAPI document can name them (components) and a test can
// tell when a route's schema is not the contract's.
import * as contract from '@tributary/contract';

export type JsonSchema = object;

/** A TypeBox schema carries a non-enumerable `~kind`; constants (ERROR_CODES, LIVE_CLOSE …) do not. */
function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && '~kind' in value;
}

/**
 * The schema as JSON (what a document holds): TypeBox's hidden markers dropped, keys in one order, and
 * `const: x` said as `enum: [x]` and a Record's `patternProperties: {"^.*$": X}` as `additionalProperties: X`
 * (what @fastify/swagger writes; each pair means the same).
 */
export function plain(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(plain);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    const value = source[key];
    const patterns = key === 'patternProperties' ? Object.entries(value as object) : [];
    if (key === 'const') out.enum = [plain(value)];
    else if (patterns.length === 1 && patterns[0]?.[0] === '^.*$')
      out.additionalProperties = plain(patterns[0][1]);
    else out[key] = plain(value);
  }
  return out;
}

export const fingerprint = (schema: unknown): string => JSON.stringify(plain(schema));

/** Every contract schema by its export name. */
export const CONTRACT_SCHEMAS: ReadonlyMap<string, JsonSchema> = new Map(
  (Object.entries(contract) as [string, unknown][]).filter((entry): entry is [string, JsonSchema] =>
    isSchema(entry[1]),
  ),
);

/** The first export name of each distinct schema (aliases like `X = Y` keep the first name). */
export const CONTRACT_NAME_OF: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>();
  for (const [name, schema] of CONTRACT_SCHEMAS) {
    const key = fingerprint(schema);
    if (!names.has(key)) names.set(key, name);
  }
  return names;
})();
