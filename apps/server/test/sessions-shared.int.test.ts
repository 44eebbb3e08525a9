// Several Tributary servers behind a load balancer share sessions through Kafka, not through any one
// server's memory: a login on A works on B, a logout on A ends the session on B, a tampered or expired
// cookie is refused, and the first signing key written to the session topic is the one every server uses.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { openSession } from '../src/auth/session-cookie.ts';
import { KEY_PREFIX } from '../src/auth/session-log.ts';
import type { AuthConfig } from '../src/config/resolve.ts';
import { buildTestApp } from './helpers.ts';
import { login, testAuth } from './access-fixtures.ts';
import type { App } from '../src/app.ts';

const me = (app: App, cookie: string) =>
  app.inject({ url: '/api/clusters', headers: { cookie } }).then((r) => r.statusCode);
const valueOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

describe('sessions shared by several servers', async () => {
  const auth: AuthConfig = { ...(await testAuth()), sessionTopic: uniqueName('tributary-auth') };
  const a = await buildTestApp([], { auth });
  const b = await buildTestApp([], { auth });
  // Both start at once on a topic that does not exist yet: both may propose a key; they must agree.
  await Promise.all([a.ready(), b.ready()]);

  it('a login on A works on B, and on A again', async () => {
    const vic = await login(a, 'vic');
    expect(await me(b, vic)).toBe(200);
    expect(await me(a, vic)).toBe(200);
    const ann = await login(b, 'ann');
    expect(await me(a, ann)).toBe(200);
  });

  it('a logout on A is refused by B soon after, and by A at once', async () => {
    const vic = await login(a, 'vic');
    const other = await login(a, 'vic');
    expect(await me(b, vic)).toBe(200);
    const out = await a.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: vic } });
    expect(out.statusCode).toBe(204);
    expect(await me(a, vic)).toBe(401);
    await expect.poll(() => me(b, vic), { timeout: 10_000, interval: 100 }).toBe(401);
    // Only that session: the same person's other login goes on.
    expect(await me(b, other)).toBe(200);
    // A server started after the logout reads it from the topic too.
    const c = await buildTestApp([], { auth });
    expect(await me(c, vic)).toBe(401);
    expect(await me(c, other)).toBe(200);
  });

  it('refuses a tampered cookie, a cookie without a signature and a user no longer configured', async () => {
    const vic = valueOf(await login(a, 'vic'));
    const [version, payload, signature] = vic.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const asAnn = Buffer.from(JSON.stringify({ ...claims, u: 'ann' })).toString('base64url');
    const later = Buffer.from(JSON.stringify({ ...claims, e: Number(claims.e) + 1e9 })).toString('base64url');
    for (const forged of [
      `${version}.${asAnn}.${signature}`,
      `${version}.${later}.${signature}`,
      `${version}.${payload}.`,
    ])
      expect(await me(b, `tributary_session=${forged}`)).toBe(401);
    // vic removed from the configuration of a server: vic's cookie no longer works there.
    const withoutVic = await buildTestApp([], {
      auth: { ...auth, users: auth.users.filter((u) => u.username !== 'vic') },
    });
    expect(await me(withoutVic, `tributary_session=${vic}`)).toBe(401);
    expect(await me(b, `tributary_session=${vic}`)).toBe(200);
  });

  it('refuses an expired cookie', async () => {
    // A server whose sessions last one second, on the same topic (so the same key).
    const brief = await buildTestApp([], { auth: { ...auth, sessionTtlMinutes: 1 / 60 } });
    const vic = await login(brief, 'vic');
    expect(await me(a, vic)).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await me(a, vic)).toBe(401);
    expect(await me(brief, vic)).toBe(401);
  });

  it('never shows the session topic through the API', async () => {
    const ann = await login(a, 'ann');
    for (const path of ['', '/messages', '/search?q=x', '/configs'])
      expect(
        (
          await a.inject({
            url: `/api/clusters/local/topics/${auth.sessionTopic}${path}`,
            headers: { cookie: ann },
          })
        ).statusCode,
      ).toBe(403);
  });
});

describe('the session key', () => {
  const kafka = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  afterAll(() => producer.disconnect());

  it('is the first one written to the topic, whoever wrote later ones', async () => {
    const topic = uniqueName('tributary-auth');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const first = Buffer.alloc(32, 1);
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: `${KEY_PREFIX}one`, value: first, partition: 0 },
        { key: `${KEY_PREFIX}two`, value: Buffer.alloc(32, 2), partition: 0 },
      ],
    });
    const app = await buildTestApp([], { auth: { ...(await testAuth()), sessionTopic: topic } });
    const cookie = valueOf(await login(app, 'vic'));
    expect(openSession(cookie, first)).toEqual(expect.objectContaining({ username: 'vic' }));
    expect(openSession(cookie, Buffer.alloc(32, 2))).toBeUndefined();
  });
});
