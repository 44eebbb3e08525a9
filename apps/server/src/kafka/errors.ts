import type { ErrorCode } from '@tributary/contract';
import { DomainError } from '../domain/errors.ts';

interface KafkaJsLikeError {
  name?: string;
  message?: string;
  type?: string;
  code?: number;
  retriable?: boolean;
  cause?: unknown;
}

// Broker error types (kafkajs `type`) that are the user's doing, by the status they deserve.
const USER_ERRORS: Record<string, ErrorCode> = {
  UNKNOWN_TOPIC_OR_PARTITION: 'NOT_FOUND',
  GROUP_ID_NOT_FOUND: 'NOT_FOUND',
  TOPIC_ALREADY_EXISTS: 'CONFLICT',
  NON_EMPTY_GROUP: 'CONFLICT',
  INVALID_TOPIC_EXCEPTION: 'BAD_REQUEST',
  INVALID_PARTITIONS: 'BAD_REQUEST',
  INVALID_REPLICATION_FACTOR: 'BAD_REQUEST',
  INVALID_CONFIG: 'BAD_REQUEST',
  INVALID_REQUEST: 'BAD_REQUEST',
  INVALID_RECORD: 'BAD_REQUEST',
  MESSAGE_TOO_LARGE: 'BAD_REQUEST',
  RECORD_LIST_TOO_LARGE: 'BAD_REQUEST',
  POLICY_VIOLATION: 'BAD_REQUEST',
  INVALID_PARTITION: 'BAD_REQUEST',
  OFFSET_OUT_OF_RANGE: 'BAD_REQUEST',
  TOPIC_AUTHORIZATION_FAILED: 'FORBIDDEN',
  GROUP_AUTHORIZATION_FAILED: 'FORBIDDEN',
  CLUSTER_AUTHORIZATION_FAILED: 'FORBIDDEN',
};

const UNAVAILABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSConnectionClosedError',
  'KafkaJSTimeout',
]);

/**
 * Turns whatever kafkajs (or the gap adapter) threw into a DomainError that keeps the broker's own words.
 * Retry wrappers hide the real error in `cause`; the innermost protocol error decides the status.
 */
export function toDomainError(error: unknown, context: Record<string, unknown> = {}): DomainError {
  if (error instanceof DomainError) return error;
  const chain: KafkaJsLikeError[] = [];
  for (
    let e: unknown = error;
    e && typeof e === 'object' && chain.length < 5;
    e = (e as KafkaJsLikeError).cause
  ) {
    chain.push(e as KafkaJsLikeError);
  }
  const protocol = chain.find((e) => e.type && USER_ERRORS[e.type]);
  if (protocol?.type) {
    return new DomainError(USER_ERRORS[protocol.type] ?? 'KAFKA_ERROR', protocol.message ?? protocol.type, {
      ...context,
      kafkaError: protocol.type,
    });
  }
  const first = chain[0];
  const message = first?.message ?? String(error);
  if (
    chain.some((e) => e.name && UNAVAILABLE_NAMES.has(e.name)) ||
    // kafkajs throws a plain "Broker not connected" when a request meets a connection dropped under it.
    /ECONNREFUSED|timed? ?out|ETIMEDOUT|Broker not connected/i.test(message)
  ) {
    return new DomainError('KAFKA_UNAVAILABLE', `Kafka is unavailable: ${message}`, context);
  }
  const typed = chain.find((e) => e.type);
  return new DomainError('KAFKA_ERROR', `Kafka answered with an error: ${message}`, {
    ...context,
    kafkaError: typed?.type,
  });
}

/** Fails with KAFKA_UNAVAILABLE when Kafka does not answer in time, instead of letting a request hang. */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new DomainError('KAFKA_UNAVAILABLE', `Kafka did not answer within ${ms / 1000} s (${what})`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
