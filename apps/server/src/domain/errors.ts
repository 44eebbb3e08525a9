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

/**
 * `work`, or a BAD_REQUEST saying `stopped` as soon as `signal` aborts. The work itself runs on (kafkajs
 * cannot cancel a request in flight): its answer is dropped when it arrives.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, stopped: string): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(badRequest(stopped));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
/** A body over a configured size: HTTP 413, a BAD_REQUEST in the API's vocabulary. */
export const tooLarge = (message: string, details?: Record<string, unknown>) =>
  Object.assign(new DomainError('BAD_REQUEST', message, details), { statusCode: 413 });
