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

/**
 * `main` for everything a broker answers itself; `forwarded` for what it forwards to the controller
 * (DescribeQuorum): a broker serves one request per connection at a time, so one that waits for a controller
 * that is gone would hold every Metadata request queued behind it on a shared connection.
 */
export type AdminRole = 'main' | 'forwarded';

const admins: Record<AdminRole, WeakMap<ClusterConnection, PlatformaticAdmin>> = {
  main: new WeakMap(),
  forwarded: new WeakMap(),
};

const MECHANISMS = {
  plain: 'PLAIN',
  'scram-sha-256': 'SCRAM-SHA-256',
  'scram-sha-512': 'SCRAM-SHA-512',
} as const;

/** The cluster's @platformatic/kafka admin: created on first use, closed with the connection. */
export function gapAdmin(connection: ClusterConnection, role: AdminRole = 'main'): PlatformaticAdmin {
  let admin = admins[role].get(connection);
  if (!admin) {
    const sasl = connection.config.sasl;
    admin = new PlatformaticAdmin({
      clientId: role === 'main' ? 'tributary-gap' : 'tributary-gap-forwarded',
      bootstrapBrokers: connection.config.bootstrapServers,
      connectTimeout: Math.min(3000, connection.options.requestTimeoutMs),
      requestTimeout: connection.options.requestTimeoutMs,
      retries: 1,
      ...(sasl
        ? {
            sasl: { mechanism: MECHANISMS[sasl.mechanism], username: sasl.username, password: sasl.password },
          }
        : {}),
    });
    admins[role].set(connection, admin);
    const created = admin;
    connection.onClose(async () => {
      admins[role].delete(connection);
      await created.close().catch(() => {});
    });
  }
  return admin;
}
