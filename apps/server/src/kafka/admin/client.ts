// kafka/admin: every admin call Tributary makes, behind the gateways (kafka/*-gateway.ts). Only this folder
// may import @platformatic/kafka; routes and domain code see plain project types (eslint enforces both).
// - Through @platformatic/kafka 1.x (pure TypeScript, runs on Node 20): whatever kafkajs 2.2.4 lacks or
//   gets wrong. Metadata that survives a leaderless partition, topic create/delete/partitions, ListOffsets
//   and DeleteRecords, Describe/IncrementalAlterConfigs, DescribeLogDirs, DescribeQuorum, finalized
//   features, and the groups kafkajs cannot see or must not join (ListGroups v5, ConsumerGroupDescribe,
//   member-less OffsetCommit, OffsetDelete). One file per gap, each with a one-line why.
// - Through kafkajs (kafkajs-groups.ts): the classic group calls it does well (DescribeGroups with
//   member assignments, DeleteGroups, offsets by timestamp), so they share its connection and retries.
// errors.ts maps both clients' errors to DomainErrors that keep the broker's words.
import { Admin as PlatformaticAdmin } from '@platformatic/kafka';
import type { ClusterConnection } from '../cluster-connection.ts';
import { DomainError } from '../../domain/errors.ts';

/** One admin and the calls running on it; a retired admin closes when its last call ends. */
interface HeldAdmin {
  admin: PlatformaticAdmin;
  calls: number;
  retired: boolean;
}

const admins = new WeakMap<ClusterConnection, HeldAdmin>();
const hooked = new WeakSet<ClusterConnection>();

const MECHANISMS = {
  plain: 'PLAIN',
  'scram-sha-256': 'SCRAM-SHA-256',
  'scram-sha-512': 'SCRAM-SHA-512',
} as const;

function held(connection: ClusterConnection): HeldAdmin {
  let current = admins.get(connection);
  if (!current) {
    const sasl = connection.config.sasl;
    current = {
      admin: new PlatformaticAdmin({
        clientId: 'tributary-gap',
        bootstrapBrokers: connection.config.bootstrapServers,
        connectTimeout: Math.min(3000, connection.options.requestTimeoutMs),
        requestTimeout: connection.options.requestTimeoutMs,
        retries: 1,
        ...(connection.config.tls ? { tls: { ...connection.config.tls } } : {}),
        ...(sasl
          ? {
              sasl: {
                mechanism: MECHANISMS[sasl.mechanism],
                username: sasl.username,
                password: sasl.password,
              },
            }
          : {}),
      }),
      calls: 0,
      retired: false,
    };
    admins.set(connection, current);
    if (!hooked.has(connection)) {
      hooked.add(connection);
      // Closes the admin of the moment; retired ones close themselves after their last call.
      connection.onClose(async () => {
        const last = admins.get(connection);
        admins.delete(connection);
        hooked.delete(connection);
        await last?.admin.close().catch(() => {});
      });
    }
  }
  return current;
}

/** The cluster's @platformatic/kafka admin: created on first use, closed with the connection. */
export function gapAdmin(connection: ClusterConnection): PlatformaticAdmin {
  return held(connection).admin;
}

const NETWORK_CODES = new Set(['PLT_KFK_NETWORK', 'PLT_KFK_TIMEOUT', 'PLT_KFK_UNEXPECTED_CORRELATION_ID']);

/** Kafka did not answer in time, or a connection failed: somewhere inside retries and aggregates. */
function isNetworkFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  if (error instanceof DomainError) return error.code === 'KAFKA_UNAVAILABLE';
  const e = error as { code?: unknown; errors?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  const inner = [...(Array.isArray(e.errors) ? (e.errors as unknown[]) : []), e.cause];
  return inner.some((i) => isNetworkFailure(i, depth + 1));
}

function closeIfIdle(current: HeldAdmin): void {
  if (current.retired && current.calls === 0) void current.admin.close().catch(() => {});
}

/**
 * Runs `call` on the cluster's admin. A call that fails on the network (timeout, broken connection) drops
 * that admin, so one stalled or broken connection cannot poison the requests after it: the next call gets a
 * new admin with fresh connections and metadata; the old one closes once its other calls have ended.
 */
export async function onGapAdmin<T>(
  connection: ClusterConnection,
  call: (admin: PlatformaticAdmin) => Promise<T>,
): Promise<T> {
  const current = held(connection);
  current.calls++;
  try {
    return await call(current.admin);
  } catch (error) {
    if (isNetworkFailure(error) && !current.retired) {
      current.retired = true;
      if (admins.get(connection) === current) admins.delete(connection);
    }
    throw error;
  } finally {
    current.calls--;
    closeIfIdle(current);
  }
}
