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

/**
 * `main` for everything a broker answers itself; `forwarded` for what it forwards to the controller
 * (DescribeQuorum): a broker serves one request per connection at a time, so one that waits for a controller
 * that is gone would hold every Metadata request queued behind it on a shared connection.
 */
export type AdminRole = 'main' | 'forwarded';

/** One admin and the calls running on it; a retired admin closes when its last call ends. */
interface HeldAdmin {
  admin: PlatformaticAdmin;
  calls: number;
  retired: boolean;
}

const admins: Record<AdminRole, WeakMap<ClusterConnection, HeldAdmin>> = {
  main: new WeakMap(),
  forwarded: new WeakMap(),
};
const hooked: Record<AdminRole, WeakSet<ClusterConnection>> = {
  main: new WeakSet(),
  forwarded: new WeakSet(),
};

const MECHANISMS = {
  plain: 'PLAIN',
  'scram-sha-256': 'SCRAM-SHA-256',
  'scram-sha-512': 'SCRAM-SHA-512',
} as const;

function held(connection: ClusterConnection, role: AdminRole): HeldAdmin {
  let current = admins[role].get(connection);
  if (!current) {
    const sasl = connection.config.sasl;
    current = {
      admin: new PlatformaticAdmin({
        clientId: role === 'main' ? 'tributary-gap' : 'tributary-gap-forwarded',
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
    admins[role].set(connection, current);
    if (!hooked[role].has(connection)) {
      hooked[role].add(connection);
      // Closes the admin of the moment; retired ones close themselves after their last call.
      connection.onClose(async () => {
        const last = admins[role].get(connection);
        admins[role].delete(connection);
        hooked[role].delete(connection);
        await last?.admin.close().catch(() => {});
      });
    }
  }
  return current;
}

/** The cluster's @platformatic/kafka admin: created on first use, closed with the connection. */
export function gapAdmin(connection: ClusterConnection, role: AdminRole = 'main'): PlatformaticAdmin {
  return held(connection, role).admin;
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
  role: AdminRole = 'main',
): Promise<T> {
  const current = held(connection, role);
  current.calls++;
  try {
    return await call(current.admin);
  } catch (error) {
    if (isNetworkFailure(error) && !current.retired) {
      current.retired = true;
      if (admins[role].get(connection) === current) admins[role].delete(connection);
    }
    throw error;
  } finally {
    current.calls--;
    closeIfIdle(current);
  }
}
