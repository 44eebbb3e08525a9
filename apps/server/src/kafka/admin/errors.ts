// Errors of the admin path: @platformatic/kafka's nested error shapes unwrapped into DomainErrors that keep
// the broker's own words, the one deadline-and-mapping wrapper for its calls (`runGap`), and which broker
// answers mean "the group coordinator is busy, ask again" for both clients.
import { DomainError } from '../../domain/errors.ts';
import type { ClusterConnection } from '../cluster-connection.ts';
import { toDomainError, withDeadline } from '../errors.ts';
import { gapAdmin, onGapAdmin, type AdminRole } from './client.ts';

type PlatformaticAdmin = ReturnType<typeof gapAdmin>;

interface PlatformaticLikeError {
  code?: string;
  message?: string;
  apiId?: string;
  serverErrorMessage?: string | null;
  errors?: unknown[];
  cause?: unknown;
}

const inner = (e: PlatformaticLikeError): unknown[] => [
  ...(Array.isArray(e.errors) ? e.errors : []),
  e.cause,
];

/** Depth-first: the first protocol error (one with a Kafka error name) inside aggregates and causes. */
export function findProtocolError(error: unknown, depth = 0): PlatformaticLikeError | undefined {
  if (!error || typeof error !== 'object' || depth > 6) return undefined;
  const e = error as PlatformaticLikeError;
  if (typeof e.apiId === 'string' && e.apiId) return e;
  for (const next of inner(e)) {
    const found = findProtocolError(next, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The innermost connection/timeout message inside the library's retry wrappers ("metadata failed 2 times"). */
function findNetworkError(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 6) return undefined;
  const e = error as PlatformaticLikeError;
  for (const next of inner(e)) {
    const found = findNetworkError(next, depth + 1);
    if (found) return found;
  }
  if (
    e.code === 'PLT_KFK_NETWORK' ||
    e.code === 'PLT_KFK_TIMEOUT' ||
    /ECONNREFUSED|ETIMEDOUT|timed? ?out/i.test(e.message ?? '')
  )
    return e.message ?? 'no answer';
  return undefined;
}

/**
 * @platformatic/kafka wraps per-resource errors in AggregateErrors; keep the broker's own sentence
 * (`serverErrorMessage`, e.g. "Unknown topic config name: foo") and its error name, so the shared mapper
 * picks the status (NON_EMPTY_GROUP → 409 …).
 */
export function fromGapError(error: unknown, context: Record<string, unknown> = {}): DomainError {
  if (error instanceof DomainError) return error;
  const protocol = findProtocolError(error);
  if (protocol?.apiId) {
    const message = protocol.serverErrorMessage || protocol.message || protocol.apiId;
    return toDomainError({ name: 'KafkaProtocolError', type: protocol.apiId, message }, context);
  }
  const network = findNetworkError(error);
  if (network) return new DomainError('KAFKA_UNAVAILABLE', `Kafka is unavailable: ${network}`, context);
  return toDomainError(error, context);
}

/**
 * One @platformatic/kafka call with the same deadline as the kafkajs calls; errors mapped with
 * `fromGapError`, which keeps the broker's per-resource message (the shared mapper only knows kafkajs' shapes).
 */
export async function runGap<T>(
  connection: ClusterConnection,
  what: string,
  call: (admin: PlatformaticAdmin) => Promise<T>,
  context: Record<string, unknown> = {},
  options: { role?: AdminRole; deadlineMs?: number } = {},
): Promise<T> {
  return connection.observed(what, async () => {
    try {
      return await onGapAdmin(
        connection,
        (admin) =>
          withDeadline(call(admin), options.deadlineMs ?? connection.options.requestTimeoutMs * 2, what),
        options.role,
      );
    } catch (error) {
      throw fromGapError(error, { cluster: connection.name, ...context });
    }
  });
}

/**
 * The coordinator is moving or still loading `__consumer_offsets` (a fresh cluster, a broker restart):
 * asking again shortly succeeds. kafkajs spells these the old way (GROUP_LOAD_IN_PROGRESS …); both are listed.
 */
export const COORDINATOR_BUSY: ReadonlySet<string> = new Set([
  'COORDINATOR_LOAD_IN_PROGRESS',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
  'GROUP_LOAD_IN_PROGRESS',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
]);
