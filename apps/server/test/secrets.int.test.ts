// Issue 10: configured secrets (SASL and Connect passwords, the session secret, users' passwords) never
// appear in an answer or a log line: every GET route is called and every byte of answer and log scanned.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { fill, login, PASSWORD, testAuth } from './access-fixtures.ts';

const SECRETS = [
  'sasl-Pa55-word-7f3a',
  'connect-Pa55-9c1e',
  'session-secret-0123456789-abcdefghij-KLMN',
  PASSWORD,
];

describe('secrets stay secret', async () => {
  const config = loadConfig({ KAFKA_BROKERS: sharedKafkaBrokers().join(','), LOG_LEVEL: 'debug' });
  config.kafkaRequestTimeoutMs = 1000;
  config.connectRequestTimeoutMs = 1000;
  config.auth = { ...(await testAuth()), sessionSecret: SECRETS[2]! };
  config.clusters.push({
    name: 'guarded',
    bootstrapServers: ['127.0.0.1:1'],
    sasl: { mechanism: 'scram-sha-512', username: 'app', password: SECRETS[0]! },
    connect: [{ name: 'main', url: 'http://127.0.0.1:1', username: 'c', password: SECRETS[1]! }],
  });
  const logged: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  const app = await buildApp(config, { logger: { level: 'debug', stream } });

  it('answers no GET route with a secret, nor logs one', async () => {
    const cookie = await login(app, 'ann');
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ann', password: 'wrong' },
    });
    const gets = app.registeredRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    const answers: string[] = [];
    for (const { url } of gets)
      for (const cluster of ['local', 'guarded']) {
        const res = await app.inject({ url: fill(url, cluster), headers: { cookie } });
        answers.push(`${res.statusCode} ${url} ${JSON.stringify(res.headers)} ${res.body}`);
      }
    expect(answers.some((a) => a.startsWith('503'))).toBe(true); // the guarded cluster was really tried
    for (const secret of SECRETS) {
      expect(answers.filter((a) => a.includes(secret))).toEqual([]);
      expect(logged.filter((l) => l.includes(secret))).toEqual([]);
    }
    await app.close();
  });
});
