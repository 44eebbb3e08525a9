import type { ErrorCode, FieldErrors } from '@tributary/contract';

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
    /** Per-field reasons (e.g. Kafka Connect's config validation), answered beside the message. */
    readonly fields?: FieldErrors[],
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
