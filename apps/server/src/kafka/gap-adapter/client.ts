// The gap adapter: every Kafka API that kafkajs 2.2.4 lacks is reached through @platformatic/kafka 1.x
// (pure TypeScript, runs on Node 20). Only files in this folder may import it; routes and domain code
// see plain project types. One file per gap, each with a one-line why.
import { Admin as PlatformaticAdmin } from '@platformatic/kafka';
import type { ClusterConnection } from '../cluster-connection.ts';
import { toDomainError, withDeadline } from '../errors.ts';

const admins = new WeakMap<ClusterConnection, PlatformaticAdmin>();

const MECHANISMS = {
  plain: 'PLAIN',
  'scram-sha-256': 'SCRAM-SHA-256',
  'scram-sha-512': 'SCRAM-SHA-512',
} as const;

/** The cluster's @platformatic/kafka admin: created on first use, closed with the connection. */
export function gapAdmin(connection: ClusterConnection): PlatformaticAdmin {
  let admin = admins.get(connection);
  if (!admin) {
    const sasl = connection.config.sasl;
    admin = new PlatformaticAdmin({
      clientId: 'tributary-gap',
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
    admins.set(connection, admin);
    const created = admin;
    connection.onClose(async () => {
      admins.delete(connection);
      await created.close().catch(() => {});
    });
  }
  return admin;
}

/** Runs one gap-adapter call with the same deadline and error mapping as the kafkajs calls. */
export async function withGapAdmin<T>(
  connection: ClusterConnection,
  what: string,
  call: (admin: PlatformaticAdmin) => Promise<T>,
  context: Record<string, unknown> = {},
): Promise<T> {
  try {
    return await withDeadline(call(gapAdmin(connection)), connection.options.requestTimeoutMs * 2, what);
  } catch (error) {
    throw toDomainError(error, { cluster: connection.name, ...context });
  }
}
