// Issue 10: Tributary reaches a cluster over SASL (PLAIN and SCRAM-SHA-256 users of the launcher's
// SASL_PLAINTEXT listener) and over TLS with a client certificate (its SSL listener, certificates made with
// keytool): create a topic, produce and browse through the API; a wrong password, or no client
// certificate, is said plainly on the cluster's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import { uniqueName } from '@tributary/local-kafka/testing';
import type { ErrorBody, MessagePage } from '@tributary/contract';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig, type ClusterConfig } from '../src/config.ts';

let kafka: LocalKafka;
let app: App;

beforeAll(async () => {
  kafka = await startKafka({ sasl: true, tls: true, heap: '384m' });
  const tls = kafka.tls!;
  const { plain, scram } = kafka.sasl!;
  const servers = kafka.saslBootstrapServers;
  const clusters: ClusterConfig[] = [
    { name: 'plain', bootstrapServers: servers, sasl: { mechanism: 'plain', ...plain[0]! } },
    { name: 'scram', bootstrapServers: servers, sasl: { mechanism: 'scram-sha-256', ...scram[0]! } },
    {
      name: 'wrong',
      bootstrapServers: servers,
      sasl: { mechanism: 'plain', username: plain[0]!.username, password: 'not-the-password' },
    },
    { name: 'tls', bootstrapServers: kafka.tlsBootstrapServers, tls },
    { name: 'no-cert', bootstrapServers: kafka.tlsBootstrapServers, tls: { ca: tls.ca } },
  ];
  app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent' }), clusters }, { logger: false });
});

afterAll(async () => {
  await app?.close();
  await kafka?.stop();
});

describe('clusters over SASL and TLS', () => {
  for (const cluster of ['plain', 'scram', 'tls'])
    it(`${cluster}: creates a topic, produces and browses`, async () => {
      const topic = uniqueName(`sasl-${cluster}`);
      const base = `/api/clusters/${cluster}/topics`;
      const created = await app.inject({
        method: 'POST',
        url: base,
        payload: { name: topic, partitions: 1 },
      });
      expect(created.statusCode, created.body).toBe(201);
      const produced = await app.inject({
        method: 'POST',
        url: `${base}/${topic}/messages`,
        payload: { key: 'k', value: `over ${cluster}` },
      });
      expect(produced.statusCode, produced.body).toBe(201);
      const page = await app.inject({ url: `${base}/${topic}/messages?seek=oldest` });
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json<MessagePage>().messages.map((m) => m.value?.text)).toEqual([`over ${cluster}`]);
    });

  it('says a wrong password plainly, and the other clusters still answer', async () => {
    const res = await app.inject({ url: '/api/clusters/wrong' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.json<ErrorBody>().message).toMatch(/authentication|password|SASL/i);
    expect(res.body).not.toContain('not-the-password');
    expect((await app.inject({ url: '/api/clusters/plain' })).statusCode).toBe(200);
  });

  it('says a missing client certificate plainly', async () => {
    const res = await app.inject({ url: '/api/clusters/no-cert' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.json<ErrorBody>().message).not.toBe('');
    expect(res.body).not.toContain('PRIVATE KEY');
  });
});
