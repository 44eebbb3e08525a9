import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import type {} from '@fastify/static';
import type { ErrorBody, ErrorCode } from '@tributary/contract';
import { DomainError } from '../domain/errors.ts';
import { toDomainError } from '../kafka/errors.ts';

export const STATUS_OF: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY: 429,
  INTERNAL: 500,
  KAFKA_ERROR: 502,
  KAFKA_UNAVAILABLE: 503,
  CONNECT_ERROR: 502,
  CONNECT_UNAVAILABLE: 503,
  SCHEMA_REGISTRY_ERROR: 502,
  SCHEMA_REGISTRY_UNAVAILABLE: 503,
  SCHEMA_INCOMPATIBLE: 422,
  SSO_UNAVAILABLE: 503,
};

function isErrorBody(payload: unknown): payload is ErrorBody {
  return typeof payload === 'object' && payload !== null && 'code' in payload && 'message' in payload;
}

/** Fastify's own validation messages read like `body/partitions must be >= 1`; make them a sentence. */
function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return error.message;
  const field =
    (first.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
    (first.params as { missingProperty?: string }).missingProperty;
  const where = error.validationContext ?? 'request';
  // A choice (a union of literals) fails once per branch with "must be equal to constant": list the choices.
  const choices = (error.validation ?? [])
    .filter((e) => e.keyword === 'const' && e.instancePath === first.instancePath)
    .map((e) => JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue));
  const problem =
    choices.length > 0 ? `must be one of ${choices.join(', ')}` : (first.message ?? 'is invalid');
  return field ? `Invalid ${where} field "${field}": ${problem}` : `Invalid ${where}: ${problem}`;
}

/** Fastify's own 4xx sentences, where they say too little to act on. */
function frameworkMessage(error: FastifyError, contentType: string | undefined): string {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return (
      `This endpoint does not take a body of type "${contentType ?? 'none'}": send JSON ` +
      '(content-type: application/json); a file upload is application/octet-stream.'
    );
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return 'The request body is larger than this endpoint takes.';
  return error.message;
}

/**
 * The one place errors become HTTP: every non-2xx answer is `{code, message}`. User and Kafka errors keep
 * their message; anything unexpected is logged in full and answered with a generic 500.
 */
export const errorHandlerPlugin = fp(async (app) => {
  // Every `{code, message}` answer, whoever sent it (this handler, the host guard, a WebSocket guard), carries
  // the request's id: the `reqId` of its lines in the server log.
  app.addHook('preSerialization', async (request, reply, payload) =>
    reply.statusCode >= 400 && isErrorBody(payload) && payload.requestId === undefined
      ? { ...payload, requestId: request.id }
      : payload,
  );
  app.setErrorHandler<FastifyError | DomainError>((error, request, reply) => {
    let body: ErrorBody;
    if ('validation' in error && error.validation) {
      body = { code: 'BAD_REQUEST', message: validationMessage(error) };
    } else if (
      error instanceof DomainError ||
      ('name' in error && String(error.name).startsWith('KafkaJS'))
    ) {
      const domain = toDomainError(error);
      body = {
        code: domain.code,
        message: domain.message,
        ...(domain.fields ? { fields: domain.fields } : {}),
      };
      // A user's mistake is routine (no stack); a Kafka failure is worth a warning with its cause.
      if (STATUS_OF[domain.code] < 500)
        request.log.info({ code: domain.code, details: domain.details }, domain.message);
      else request.log.warn({ err: error, details: domain.details, code: domain.code }, domain.message);
    } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
      const code: ErrorCode =
        error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 429 ? 'TOO_MANY' : 'BAD_REQUEST';
      body = { code, message: frameworkMessage(error, request.headers['content-type']) };
    } else {
      request.log.error({ err: error }, 'unexpected error');
      body = {
        code: 'INTERNAL',
        message: 'Something went wrong inside Tributary; the server log has the details.',
      };
    }
    const status =
      'statusCode' in error && typeof error.statusCode === 'number' && body.code === 'BAD_REQUEST'
        ? error.statusCode
        : STATUS_OF[body.code];
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    // A deep link into the SPA (e.g. /clusters/local/topics) is not a file: answer index.html.
    if (
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      typeof reply.sendFile === 'function'
    ) {
      return reply.sendFile('index.html');
    }
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: `No such endpoint: ${request.method} ${request.url}`,
    };
    return reply.status(404).send(body);
  });
});
