import type { ErrorCode } from '@tributary/contract';

/**
 * An error a person can act on. `message` is shown to the user; `details` (topic, partition, Kafka error
 * code) goes to the log only.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (message: string, details?: Record<string, unknown>) =>
  new DomainError('NOT_FOUND', message, details);
export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new DomainError('BAD_REQUEST', message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', message, details);
/** A body over a configured size: HTTP 413, a BAD_REQUEST in the API's vocabulary. */
export const tooLarge = (message: string, details?: Record<string, unknown>) =>
  Object.assign(new DomainError('BAD_REQUEST', message, details), { statusCode: 413 });
