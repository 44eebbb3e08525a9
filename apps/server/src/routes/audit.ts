import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery, ErrorBody, type AuditEntry } from '@tributary/contract';
import { partitionReader } from '../kafka/partition-reader.ts';

/** The latest `limit` entries of each partition of the audit topic, newest first. */
async function fromKafka(
  app: Parameters<FastifyPluginAsyncTypebox>[0],
  limit: number,
): Promise<AuditEntry[]> {
  const { cluster, topic } = app.config.audit as { cluster: string; topic: string };
  const reader = partitionReader(app.clusters.get(cluster));
  const entries: AuditEntry[] = [];
  for (const { partition, low, high } of await reader.offsets(topic)) {
    const from = BigInt(high) - BigInt(limit) > BigInt(low) ? BigInt(high) - BigInt(limit) : BigInt(low);
    let offset = from;
    // Bounded: at most `limit` records a partition, a few fetches of 1 MiB.
    for (let round = 0; offset < BigInt(high) && round < 10; round++) {
      const result = await reader.fetch({
        topic,
        partition,
        offset: String(offset),
        maxBytes: 1 << 20,
        maxWaitMs: 100,
      });
      for (const record of result.records) {
        try {
          entries.push(JSON.parse(record.value?.toString('utf8') ?? '') as AuditEntry);
        } catch {
          // Not ours (someone else wrote to the topic): skipped.
        }
      }
      // A fetch may bring nothing below the high watermark (a leader catching up): asked again, boundedly.
      if (BigInt(result.nextOffset) > offset) offset = BigInt(result.nextOffset);
    }
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    { schema: { querystring: AuditQuery, response: { 200: AuditList, 403: ErrorBody, 503: ErrorBody } } },
    async (req) => {
      const limit = req.query.limit ?? 100;
      const { cluster, topic } = app.config.audit;
      if (cluster && topic) return { entries: await fromKafka(app, limit), source: `${cluster}/${topic}` };
      return { entries: app.recentAudit.slice(-limit).reverse(), source: 'this server since its start' };
    },
  );
};
