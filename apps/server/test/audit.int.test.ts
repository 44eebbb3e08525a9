// Issue 10: every change is in the audit log (who, when, cluster, route, target, answer): in a file, and in
// a Kafka topic that GET /api/audit reads back for admins.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { AuditList } from '@tributary/contract';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { login, testAuth } from './access-fixtures.ts';

describe('audit log', async () => {
  const topic = uniqueName('audit');
  const admin = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const file = join(mkdtempSync(join(tmpdir(), 'tributary-audit-')), 'audit.jsonl');
  const app = await buildTestApp([], { auth: await testAuth(), audit: { file, cluster: 'local', topic } });
  const ann = await login(app, 'ann');
  const vic = await login(app, 'vic');

  it('records changes and refusals with who, cluster, route, target and status; admins read them back', async () => {
    const name = uniqueName('audited');
    const created = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/topics',
      headers: { cookie: ann },
      payload: { name, partitions: 1 },
    });
    expect(created.statusCode).toBe(201);
    const refused = await app.inject({
      method: 'DELETE',
      url: `/api/clusters/local/topics/${name}`,
      headers: { cookie: vic },
    });
    expect(refused.statusCode).toBe(403);
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/clusters/local/topics/${name}`,
      headers: { cookie: ann },
    });
    expect(deleted.statusCode).toBe(204);
    // Reads are not changes: not audited.
    await app.inject({ url: '/api/clusters/local/topics', headers: { cookie: ann } });

    // Each entry is written once its answer has gone out, so the next request may be written first: the
    // lines of this topic (a retry's earlier lines name another), in any order.
    const linesOf = () =>
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.target === name);
    await expect.poll(() => linesOf().length).toBe(3);
    const lines = linesOf();
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          user: 'ann',
          method: 'POST',
          cluster: 'local',
          target: name,
          status: 201,
          action: 'create a topic',
        }),
        expect.objectContaining({
          user: 'vic',
          method: 'DELETE',
          route: '/api/clusters/:cluster/topics/:topic',
          target: name,
          status: 403,
        }),
        expect.objectContaining({
          user: 'ann',
          method: 'DELETE',
          target: name,
          status: 204,
          action: 'delete a topic',
        }),
      ]),
    );
    expect(Date.parse(String(lines[0]?.at))).not.toBeNaN();

    // The entry is produced once the answer has gone out: the topic may take a moment to show it.
    const read = async () => {
      const list = await app.inject({ url: '/api/audit?limit=10', headers: { cookie: ann } });
      expect(list.statusCode).toBe(200);
      return list.json<AuditList>();
    };
    expect((await read()).source).toBe(`local/${topic}`);
    await expect
      .poll(
        async () =>
          (await read()).entries
            .filter((e) => e.target === name)
            .map((e) => `${e.user} ${e.status}`)
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual(['ann 201', 'ann 204', 'vic 403']);
    expect((await app.inject({ url: '/api/audit', headers: { cookie: vic } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/audit?limit=100000', headers: { cookie: ann } })).statusCode).toBe(
      400,
    );
  });
});
