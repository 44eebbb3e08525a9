import { DomainError } from '../domain/errors.ts';
import type { ClusterConnection } from './cluster-connection.ts';
import { toDomainError, withDeadline } from './errors.ts';
import { gapAdmin, onGapAdmin } from './gap-adapter/client.ts';

type PlatformaticAdmin = ReturnType<typeof gapAdmin>;

interface PlatformaticLikeError {
  code?: string;
  message?: string;
  apiId?: string;
  serverErrorMessage?: string | null;
  errors?: unknown[];
  cause?: unknown;
}

/** Depth-first: the first protocol error (one with a Kafka error name) inside aggregates and causes. */
function findProtocolError(error: unknown, depth = 0): PlatformaticLikeError | undefined {
  if (!error || typeof error !== 'object' || depth > 6) return undefined;
  const e = error as PlatformaticLikeError;
  if (e.apiId) return e;
  for (const inner of [...(Array.isArray(e.errors) ? e.errors : []), e.cause]) {
    const found = findProtocolError(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function findCode(error: unknown, codes: string[], depth = 0): PlatformaticLikeError | undefined {
  if (!error || typeof error !== 'object' || depth > 6) return undefined;
  const e = error as PlatformaticLikeError;
  if (e.code && codes.includes(e.code)) return e;
  for (const inner of [...(Array.isArray(e.errors) ? e.errors : []), e.cause]) {
    const found = findCode(inner, codes, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * @platformatic/kafka wraps per-resource errors in AggregateErrors; keep the broker's own sentence
 * (`serverErrorMessage`, e.g. "Unknown topic config name: foo") and let the shared mapper pick the status.
 */
export function fromGapError(error: unknown, context: Record<string, unknown> = {}): DomainError {
  if (error instanceof DomainError) return error;
  const protocol = findProtocolError(error);
  if (protocol?.apiId) {
    const message = protocol.serverErrorMessage || protocol.message || protocol.apiId;
    return toDomainError({ name: 'KafkaProtocolError', type: protocol.apiId, message }, context);
  }
  const network = findCode(error, ['PLT_KFK_NETWORK', 'PLT_KFK_TIMEOUT']);
  if (network) {
    return new DomainError(
      'KAFKA_UNAVAILABLE',
      `Kafka is unavailable: ${network.message ?? 'no answer'}`,
      context,
    );
  }
  return toDomainError(error, context);
}

/**
 * Like the gap adapter's `withGapAdmin`, but maps errors with `fromGapError`, which keeps the broker's
 * per-resource message (the shared mapper only knows kafkajs' error shapes).
 */
export async function runGap<T>(
  connection: ClusterConnection,
  what: string,
  call: (admin: PlatformaticAdmin) => Promise<T>,
  context: Record<string, unknown> = {},
): Promise<T> {
  try {
    return await onGapAdmin(connection, (admin) =>
      withDeadline(call(admin), connection.options.requestTimeoutMs * 2, what),
    );
  } catch (error) {
    throw fromGapError(error, { cluster: connection.name, ...context });
  }
}
