// Fastify's own settings that are about safety rather than wiring: how long a path parameter may be, how
// long a client may take, and how strictly request bodies are validated.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyError, FastifyReply, FastifySchemaCompiler, FastifyServerOptions } from 'fastify';
import type { ErrorBody } from '@tributary/contract';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';

/**
 * Kafka allows 249-character topic names; a group id may be longer and percent-encoded (up to 9 characters
 * for one), so a path parameter may hold this many characters. Fastify's default (100) answered 414.
 */
export const MAX_PARAM_LENGTH = 2048;

/** Errors Fastify's router answers itself, before any hook: said as `{code, message}` like every other. */
const ROUTER_ERRORS: Record<string, { status: number; message: string }> = {
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    message: `The address is too long: one part of its path may have at most ${MAX_PARAM_LENGTH} characters.`,
  },
  FST_ERR_BAD_URL: {
    status: 400,
    message: 'The address is not valid: a part of it is not properly percent-encoded.',
  },
};

/** What Node answers on its own (a client error before any request exists), in the API's words. */
const CLIENT_ERRORS: Record<string, { status: number; text: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    text: 'Request Header Fields Too Large',
    message: 'The request headers are too large (too many or too long cookies?).',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    text: 'Request Timeout',
    message: 'The request took too long to arrive; send it again.',
  },
};

function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const known = CLIENT_ERRORS[error.code ?? ''];
  const status = known?.status ?? 400;
  const body = JSON.stringify({
    code: 'BAD_REQUEST',
    message: known?.message ?? 'The request could not be read as HTTP.',
  } satisfies ErrorBody);
  socket.end(
    `HTTP/1.1 ${status} ${known?.text ?? 'Bad Request'}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export const serverOptions: FastifyServerOptions = {
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  // A request id unique across servers (behind a load balancer), not a per-process counter.
  genReqId: () => randomUUID(),
  frameworkErrors: (error: FastifyError, request, raw) => {
    const reply = raw as unknown as FastifyReply; // its generics know no route here
    const known = ROUTER_ERRORS[error.code];
    const body: ErrorBody = {
      code: 'BAD_REQUEST',
      message: known?.message ?? error.message,
      requestId: request.id,
    };
    const status = known?.status ?? error.statusCode ?? 400;
    // Fastify logs no answer of its router: this line is the one the requestId leads to.
    request.log.info({ statusCode: status, code: error.code }, body.message);
    return reply.status(status).send(body);
  },
  clientErrorHandler,
  // A whole request (headers and body, an upload too) must arrive within 5 minutes (Node's own default,
  // which Fastify switches off): slow-drip clients cannot hold sockets forever.
  requestTimeout: 300_000,
  // A socket with no traffic either way for 10 minutes is closed. Long live tails are not cut (WebSockets
  // send pings every few seconds and ws clears this timeout on upgrade); an export waits for Kafka at most
  // that long between two lines.
  connectionTimeout: 600_000,
  keepAliveTimeout: 72_000,
};

// Fastify's Ajv coerces types everywhere ("1" becomes 1). A query string and a path only hold text, so there
// it must; a JSON body says what it means, so `{"partitions": "1"}` is a mistake to answer, not to guess at.
type Compile = (route: FastifyRouteSchemaDef<unknown>) => ReturnType<FastifySchemaCompiler<unknown>>;
const loose = AjvCompiler()({}, { customOptions: {} }) as unknown as Compile;
const exact = AjvCompiler()({}, { customOptions: { coerceTypes: false } }) as unknown as Compile;

/** Fastify's own validator, without type coercion for request bodies. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body' ? exact(route) : loose(route);
