// Issue 16: Kafka's own security through the API, against a cluster whose StandardAuthorizer decides
// (the launcher's `authorizer: true`), with real clients logging in as SCRAM users made through the API.
// Tributary itself logs in as the cluster's super user; the shared test broker has no authorizer.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import type { AclChange, AclList, ErrorBody, QuotaList, ScramUserList } from '@tributary/contract';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { kcat, pythonProduce, type Login } from './security-fixtures.ts';

let kafka: LocalKafka;
let app: App;
const logged: string[] = [];
const acls = '/api/clusters/acl/acls';

beforeAll(async () => {
  kafka = await startKafka({ authorizer: true, heap: '384m' });
  const admin = kafka.superUser!;
  const config = { ...loadConfig({ LOG_LEVEL: 'info' }), clusters: [] as never[] };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  app = await buildApp(
    {
      ...config,
      clusters: [
        {
          name: 'acl',
          bootstrapServers: kafka.saslBootstrapServers,
          sasl: { mechanism: 'scram-sha-512', ...admin },
        },
        { name: 'open', bootstrapServers: sharedKafkaBrokers() },
      ],
    },
    { logger: { level: 'info', stream } },
  );
});

afterAll(async () => {
  await app?.close();
  await kafka?.stop();
});

async function createUser(name: string, mechanism: Login['mechanism']): Promise<Login> {
  const password = `${name}-pw-${Math.random().toString(36).slice(2)}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/clusters/acl/users',
    payload: { name, mechanism, password },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { username: name, password, mechanism };
}

async function topicWithMessages(prefix: string, values: string[]): Promise<string> {
  const topic = uniqueName(prefix);
  const base = '/api/clusters/acl/topics';
  const created = await app.inject({ method: 'POST', url: base, payload: { name: topic, partitions: 1 } });
  expect(created.statusCode, created.body).toBe(201);
  for (const value of values) {
    const res = await app.inject({
      method: 'POST',
      url: `${base}/${topic}/messages`,
      payload: { key: null, value },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return topic;
}

const kcatRead = (login: Login, topic: string, group: string, n: number) =>
  kcat(kafka.saslBootstrapServers, login, [
    '-G',
    group,
    topic,
    '-c',
    String(n),
    '-q',
    '-e',
    '-X',
    'auto.offset.reset=earliest',
    '-m',
    '10',
  ]);

/** Group-less: only the topic's ACLs decide (a group member would first be refused its group). */
const kcatFetch = (login: Login, topic: string) =>
  kcat(kafka.saslBootstrapServers, login, ['-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-m', '10']);

describe('ACLs with a real authorizer', () => {
  it('a consumer is refused, reads after the wizard’s ACLs, and is refused again once they are deleted', async () => {
    const user = await createUser(uniqueName('carol'), 'SCRAM-SHA-256');
    const topic = await topicWithMessages('acl-read', ['one', 'two']);
    const group = uniqueName('carol-group');

    const refused = await kcatFetch(user, topic);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/Topic authorization failed/i);

    const wizard = { principal: `User:${user.username}`, topic, group };
    const preview = await app.inject({
      method: 'POST',
      url: `${acls}/wizards/consumer`,
      payload: { ...wizard, dryRun: true },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const expected = [
      { resourceType: 'TOPIC', resourceName: topic, operation: 'READ' },
      { resourceType: 'GROUP', resourceName: group, operation: 'READ' },
    ].map((b) => ({
      ...b,
      principal: `User:${user.username}`,
      host: '*',
      patternType: 'LITERAL',
      permissionType: 'ALLOW',
    }));
    expect(preview.json<AclChange>()).toEqual({ dryRun: true, acls: expected });
    const none = await app.inject({ url: `${acls}?principal=User:${user.username}` });
    expect(none.json<AclList>().acls).toEqual([]);

    const created = await app.inject({ method: 'POST', url: `${acls}/wizards/consumer`, payload: wizard });
    expect(created.statusCode, created.body).toBe(201);
    const listed = await app.inject({ url: `${acls}?principal=User:${user.username}` });
    expect(listed.json<AclList>().acls).toEqual(expect.arrayContaining(expected));
    // The topic page asks with MATCH: the ACLs that apply to that one name.
    const onTopic = await app.inject({
      url: `${acls}?resourceType=TOPIC&resourceName=${topic}&patternType=MATCH`,
    });
    expect(onTopic.json<AclList>().acls).toEqual([expected[0]]);

    const read = await kcatRead(user, topic, group, 2);
    expect(read.code, read.err).toBe(0);
    expect(read.out.trim().split('\n')).toEqual(['one', 'two']);

    const filter = `principal=User:${user.username}`;
    const dry = await app.inject({ method: 'DELETE', url: `${acls}?${filter}` });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json<AclChange>().dryRun).toBe(true);
    expect(dry.json<AclChange>().acls).toHaveLength(2);
    expect((await app.inject({ url: `${acls}?${filter}` })).json<AclList>().acls).toHaveLength(2);
    const deleted = await app.inject({ method: 'DELETE', url: `${acls}?${filter}&dryRun=false` });
    expect(deleted.json<AclChange>()).toMatchObject({ dryRun: false });
    expect(deleted.json<AclChange>().acls).toEqual(expect.arrayContaining(expected));
    expect((await app.inject({ url: `${acls}?${filter}` })).json<AclList>().acls).toEqual([]);

    const again = await kcatFetch(user, topic);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/Topic authorization failed/i);
  });

  it('a producer (kafka-python-ng) is refused, writes after the wizard’s ACLs, and is refused again', async () => {
    const user = await createUser(uniqueName('dave'), 'SCRAM-SHA-512');
    const topic = await topicWithMessages('acl-write', []);
    expect(await pythonProduce(kafka.saslBootstrapServers, user, topic, ['refused'])).toMatch(
      /TopicAuthorizationFailed/,
    );

    const wizard = { principal: `User:${user.username}`, topic, idempotent: true };
    const created = await app.inject({ method: 'POST', url: `${acls}/wizards/producer`, payload: wizard });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<AclChange>().acls.map((a) => `${a.resourceType}:${a.operation}`)).toEqual([
      'TOPIC:WRITE',
      'TOPIC:DESCRIBE',
      'CLUSTER:IDEMPOTENT_WRITE',
    ]);
    expect(await pythonProduce(kafka.saslBootstrapServers, user, topic, ['written'])).toBe('OK');
    const page = await app.inject({ url: `/api/clusters/acl/topics/${topic}/messages?seek=oldest` });
    expect(
      page.json<{ messages: { value: { text: string } | null }[] }>().messages.map((m) => m.value?.text),
    ).toEqual(['written']);

    const deleted = await app.inject({
      method: 'DELETE',
      url: `${acls}?principal=User:${user.username}&dryRun=false`,
    });
    expect(deleted.json<AclChange>().acls).toHaveLength(3);
    expect(await pythonProduce(kafka.saslBootstrapServers, user, topic, ['refused again'])).toMatch(
      /TopicAuthorizationFailed/,
    );
  });

  it('creates one binding or a list, and previews the Streams wizard', async () => {
    const principal = `User:${uniqueName('erin')}`;
    const one = await app.inject({
      method: 'POST',
      url: acls,
      payload: {
        principal,
        resourceType: 'TOPIC',
        resourceName: 'erin-',
        patternType: 'PREFIXED',
        operation: 'DESCRIBE',
      },
    });
    expect(one.statusCode, one.body).toBe(201);
    const list = await app.inject({
      method: 'POST',
      url: acls,
      payload: [
        { principal, resourceType: 'GROUP', resourceName: '*', operation: 'READ', permissionType: 'DENY' },
        { principal, resourceType: 'USER', resourceName: 'erin', operation: 'CREATE_TOKENS' },
      ],
    });
    expect(list.statusCode, list.body).toBe(201);
    const listed = (await app.inject({ url: `${acls}?principal=${principal}` })).json<AclList>().acls;
    expect(
      listed
        .map((a) => `${a.resourceType}:${a.resourceName}:${a.patternType}:${a.operation}:${a.permissionType}`)
        .sort(),
    ).toEqual([
      'GROUP:*:LITERAL:READ:DENY',
      'TOPIC:erin-:PREFIXED:DESCRIBE:ALLOW',
      'USER:erin:LITERAL:CREATE_TOKENS:ALLOW',
    ]);
    await app.inject({ method: 'DELETE', url: `${acls}?principal=${principal}&dryRun=false` });

    const streams = await app.inject({
      method: 'POST',
      url: `${acls}/wizards/streams`,
      payload: {
        principal,
        applicationId: 'wordcount',
        inputTopics: ['text'],
        outputTopics: ['counts'],
        dryRun: true,
      },
    });
    expect(streams.statusCode, streams.body).toBe(200);
    expect(
      streams
        .json<AclChange>()
        .acls.map((a) => `${a.resourceType}:${a.resourceName}:${a.patternType}:${a.operation}`),
    ).toEqual([
      'TOPIC:text:LITERAL:READ',
      'TOPIC:counts:LITERAL:WRITE',
      'TOPIC:wordcount:PREFIXED:ALL',
      'GROUP:wordcount:LITERAL:READ',
      'TRANSACTIONAL_ID:wordcount:PREFIXED:ALL',
    ]);
    expect((await app.inject({ url: `${acls}?principal=${principal}` })).json<AclList>().acls).toEqual([]);
  });

  it('answers each malformed field with a 400 naming it', async () => {
    const good = { principal: 'User:alice', resourceType: 'TOPIC', resourceName: 't', operation: 'READ' };
    const cases: [Record<string, unknown> | unknown[], string][] = [
      [{ ...good, principal: 'alice' }, 'principal'],
      [{ ...good, resourceType: 'TOPICS' }, 'resourceType'],
      [{ ...good, patternType: 'MATCH' }, 'patternType'],
      [{ ...good, operation: 'EAT' }, 'operation'],
      [{ ...good, permissionType: 'MAYBE' }, 'permissionType'],
      [[good, { ...good, operation: 'EAT' }], '1.operation'],
      [{ ...good, resourceType: 'CLUSTER', resourceName: 'mine' }, 'resourceName'],
    ];
    for (const [payload, field] of cases) {
      const res = await app.inject({ method: 'POST', url: acls, payload });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json<ErrorBody>().message).toContain(`"${field}"`);
    }
    const principal = await app.inject({
      method: 'POST',
      url: acls,
      payload: { ...good, principal: 'alice' },
    });
    expect(principal.json<ErrorBody>().message).toContain('User:alice');
    const query = await app.inject({ url: `${acls}?patternType=SOME` });
    expect(query.statusCode).toBe(400);
    expect(query.json<ErrorBody>().message).toContain('"patternType"');
    const everything = await app.inject({ method: 'DELETE', url: `${acls}?dryRun=false` });
    expect(everything.statusCode).toBe(400);
    expect(everything.json<ErrorBody>().message).toMatch(/empty filter/);
  });

  it('says in a sentence that a cluster without an authorizer keeps no ACLs', async () => {
    for (const res of [
      await app.inject({ url: '/api/clusters/open/acls' }),
      await app.inject({
        method: 'POST',
        url: '/api/clusters/open/acls/wizards/consumer',
        payload: { principal: 'User:x', topic: 't', group: 'g' },
      }),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<ErrorBody>().message).toMatch(/Cluster "open" has no authorizer/);
    }
  });
});

describe('SCRAM users', () => {
  it('lists users with their mechanisms only, and a deleted user can no longer log in', async () => {
    const user = await createUser(uniqueName('frank'), 'SCRAM-SHA-256');
    const again = await app.inject({
      method: 'POST',
      url: '/api/clusters/acl/users',
      payload: { name: user.username, mechanism: 'SCRAM-SHA-512', password: user.password, iterations: 8192 },
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.body).not.toContain(user.password);

    const res = await app.inject({ url: '/api/clusters/acl/users' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ScramUserList>()).toContainEqual({
      name: user.username,
      mechanisms: [
        { mechanism: 'SCRAM-SHA-256', iterations: 4096 },
        { mechanism: 'SCRAM-SHA-512', iterations: 8192 },
      ],
    });
    expect(res.body).not.toMatch(/password|salt/i);
    expect(res.body).not.toContain(user.password);
    // The launcher's own users are there too (made at format time).
    expect(res.json<ScramUserList>().map((u) => u.name)).toEqual(expect.arrayContaining(['admin', 'bob']));

    // Logged in (no ACL needed to fetch metadata of nothing), then deleted: the next login fails.
    const metadata = () => kcat(kafka.saslBootstrapServers, user, ['-L', '-m', '5']);
    expect((await metadata()).code).toBe(0);
    const oneMechanism = await app.inject({
      method: 'DELETE',
      url: `/api/clusters/acl/users/${user.username}?mechanism=SCRAM-SHA-512`,
    });
    expect(oneMechanism.statusCode, oneMechanism.body).toBe(204);
    expect((await metadata()).code).toBe(0);
    const gone = await app.inject({ method: 'DELETE', url: `/api/clusters/acl/users/${user.username}` });
    expect(gone.statusCode, gone.body).toBe(204);
    const refused = await metadata();
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/Authentication failed|invalid credentials/i);
    const missing = await app.inject({ method: 'DELETE', url: `/api/clusters/acl/users/${user.username}` });
    expect(missing.statusCode).toBe(404);

    // Neither the request log nor the audit log holds the password.
    expect(logged.join('')).toContain(user.username);
    expect(logged.join('')).not.toContain(user.password);
  });

  it('answers malformed users with a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'u', mechanism: 'SCRAM-SHA-1', password: 'p' }, 'mechanism'],
      [{ name: 'u', mechanism: 'SCRAM-SHA-256', password: 'p', iterations: 10 }, 'iterations'],
      [{ name: 'u', mechanism: 'SCRAM-SHA-256' }, 'password'],
      [{ name: 'a b', mechanism: 'SCRAM-SHA-256', password: 'p' }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/clusters/acl/users', payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().message).toContain(`"${field}"`);
      expect(res.body).not.toContain('"p"');
    }
  });
});

describe('client quotas', () => {
  it('a 10 KB/s producer quota on a client id throttles a kcat producer using it', async () => {
    const clientId = uniqueName('slow-producer');
    const quotas = '/api/clusters/acl/quotas';
    const put = await app.inject({
      method: 'PUT',
      url: quotas,
      payload: { clientId, values: { producer_byte_rate: 10240 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await app.inject({ url: quotas })).json<QuotaList>().quotas).toContainEqual({
      clientId,
      values: { producer_byte_rate: 10240 },
    });

    // 150 KB in one burst through the loopback listener (the super user: only the quota holds it back).
    // Kafka measures the rate over its quota window (about 10 s on a fresh client), so this is 15 KB/s.
    const topic = await topicWithMessages('quota', []);
    const lines = Array.from({ length: 150 }, (_, i) => `${i}`.padEnd(1000, 'x')).join('\n');
    const produce = () =>
      kcat(
        kafka.bootstrapServers,
        undefined,
        ['-P', '-t', topic, '-X', `client.id=${clientId}`],
        `${lines}\n`,
      );
    const produced = await produce();
    expect(produced.code, produced.err).toBe(0);
    // kcat's throttle callback: "% Broker 127.0.0.1:port (1) throttled request for N ms".
    const throttle = (err: string) =>
      [...err.matchAll(/throttled request for (\d+) ?ms/g)].map((m) => Number(m[1]));
    expect(Math.max(0, ...throttle(produced.err)), produced.err).toBeGreaterThan(0);

    const removed = await app.inject({ method: 'DELETE', url: `${quotas}?clientId=${clientId}` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(
      (await app.inject({ url: quotas })).json<QuotaList>().quotas.filter((q) => q.clientId === clientId),
    ).toEqual([]);
  });

  it('sets and removes a default user quota, and names bad fields', async () => {
    const quotas = '/api/clusters/acl/quotas';
    const put = await app.inject({
      method: 'PUT',
      url: quotas,
      payload: { defaultUser: true, values: { consumer_byte_rate: 1e6, request_percentage: 200 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await app.inject({ url: quotas })).json<QuotaList>().quotas).toContainEqual({
      defaultUser: true,
      values: { consumer_byte_rate: 1e6, request_percentage: 200 },
    });
    expect((await app.inject({ method: 'DELETE', url: `${quotas}?defaultUser=true` })).statusCode).toBe(204);
    expect((await app.inject({ url: quotas })).json<QuotaList>().quotas.filter((q) => q.defaultUser)).toEqual(
      [],
    );

    const cases: [Record<string, unknown>, string][] = [
      [{ values: { producer_byte_rate: 1 } }, 'name whose quota'],
      [{ user: 'u', values: { producer_byte_rate: -1 } }, '"values.producer_byte_rate"'],
      [{ user: 'u', values: { fetch_rate: 1 } }, '"values'],
      [{ user: 'u', defaultUser: true, values: { producer_byte_rate: 1 } }, '"defaultUser"'],
      [{ user: 'u', values: {} }, '"values"'],
    ];
    for (const [payload, said] of cases) {
      const res = await app.inject({ method: 'PUT', url: quotas, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().message).toContain(said);
    }
  });
});
