// The audit log: every change made through the API (who, when, cluster, route, target, answer) as one
// JSON line in the server log, appended to a file when configured, and produced to a Kafka topic when
// configured (where `GET /api/audit` reads it back, so it outlives this process).
import { appendFile } from 'node:fs/promises';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from '@tributary/contract';
import { producerGateway } from '../kafka/producer-gateway.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The latest entries written by this process (newest last), when no Kafka topic keeps them. */
    recentAudit: AuditEntry[];
  }
}

const KEPT = 500;

function entryOf(request: FastifyRequest, status: number, action: string): AuditEntry {
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const bodyName = (request.body as { name?: unknown } | undefined)?.name;
  const target =
    params.topic ?? params.group ?? params.name ?? (typeof bodyName === 'string' ? bodyName : undefined);
  return {
    at: new Date().toISOString(),
    user: request.user?.username ?? 'nobody',
    method: request.method,
    route: request.routeOptions.url ?? request.url,
    url: request.url,
    action,
    ...(params.cluster !== undefined ? { cluster: params.cluster } : {}),
    ...(target !== undefined ? { target } : {}),
    status,
  };
}

export const auditPlugin = fp(
  async (app) => {
    const { audit } = app.config;
    // The audit line is written whatever the log level (the default, warn, would hide info lines).
    const log = app.log.child({ audit: true }, { level: 'info' });
    app.decorate('recentAudit', []);

    const toKafka = async (entry: AuditEntry) => {
      if (!audit.cluster || !audit.topic) return;
      const value = Buffer.from(JSON.stringify(entry));
      await producerGateway(app.clusters.get(audit.cluster)).send(audit.topic, [
        { key: Buffer.from(entry.user), value, headers: [], partition: 0 },
      ]);
    };

    app.addHook('onResponse', async (request, reply) => {
      const rule = request.routeOptions.config.permission;
      // Changes only: a GET changes nothing, even one that needs admin (reading the audit log itself, which
      // audited would add an entry at every read and push the changes out of its latest page).
      if (!rule || rule.need === 'public' || rule.need === 'read') return;
      if (request.method === 'GET' || request.method === 'HEAD') return;
      const entry = entryOf(request, reply.statusCode, rule.what);
      log.info(entry, 'audit');
      app.recentAudit.push(entry);
      if (app.recentAudit.length > KEPT) app.recentAudit.shift();
      if (audit.file)
        await appendFile(audit.file, `${JSON.stringify(entry)}\n`).catch((error: unknown) =>
          app.log.error({ err: error, file: audit.file }, 'audit log file could not be written'),
        );
      await toKafka(entry).catch((error: unknown) =>
        app.log.error({ err: error, topic: audit.topic }, 'audit entry could not be produced to Kafka'),
      );
    });
  },
  { name: 'audit', dependencies: ['access'] },
);
