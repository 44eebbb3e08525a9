import type { FastifySchemaValidationError } from 'fastify';
import { PRINCIPAL_PATTERN } from '@tributary/contract';

/**
 * One sentence naming the bad field of an ACL request. A body that is one binding or a list fails once per
 * branch; the deepest error is the one about the person's field (`1.operation`, not "must be object").
 */
export function aclValidationMessage(
  errors: FastifySchemaValidationError[],
  where: 'body' | 'query' | string,
): string {
  const useful = errors.filter((e) => e.keyword !== 'anyOf');
  const depth = (e: FastifySchemaValidationError) =>
    e.instancePath.split('/').length +
    (e.keyword === 'required' || e.keyword === 'additionalProperties' ? 1 : 0);
  const first = [...useful].sort((a, b) => depth(b) - depth(a))[0] ?? errors[0];
  if (!first) return `Invalid ${where}.`;
  const params = first.params as {
    missingProperty?: string;
    additionalProperty?: string;
    pattern?: string;
    allowedValue?: unknown;
  };
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const field = [path, params.missingProperty ?? params.additionalProperty].filter(Boolean).join('.');
  const choices = errors
    .filter((e) => e.keyword === 'const' && e.instancePath === first.instancePath)
    .map((e) => JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue));
  let problem = first.message ?? 'is invalid';
  if (first.keyword === 'const' && choices.length) problem = `must be one of ${choices.join(', ')}`;
  if (first.keyword === 'pattern' && params.pattern === PRINCIPAL_PATTERN)
    problem = 'must look like "User:alice" (a principal type, a colon, a name)';
  if (first.keyword === 'additionalProperties') problem = 'is not a field this endpoint knows';
  return field ? `Invalid ${where} field "${field}": ${problem}` : `Invalid ${where}: ${problem}`;
}
