// Fastify's own settings that are about safety rather than wiring: how long a path parameter may be, how
// long a client may take, and how strictly request bodies are validated.
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifySchemaCompiler, FastifyServerOptions } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';

/**
 * Kafka allows 249-character topic names; a group id may be longer and percent-encoded (up to 9 characters
 * for one), so a path parameter may hold this many characters. Fastify's default (100) answered 414.
 */
export const MAX_PARAM_LENGTH = 2048;

export const serverOptions: FastifyServerOptions = {
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
};

// Fastify's Ajv coerces types everywhere ("1" becomes 1). A query string and a path only hold text, so there
// it must; a JSON body says what it means, so `{"partitions": "1"}` is a mistake to answer, not to guess at.
type Compile = (route: FastifyRouteSchemaDef<unknown>) => ReturnType<FastifySchemaCompiler<unknown>>;
const loose = AjvCompiler()({}, { customOptions: {} }) as unknown as Compile;
const exact = AjvCompiler()({}, { customOptions: { coerceTypes: false } }) as unknown as Compile;

/** Fastify's own validator, without type coercion for request bodies. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body' ? exact(route) : loose(route);
