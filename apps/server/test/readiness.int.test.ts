// Issue 17: GET /api/ready for load balancers: 200 while every configured cluster answers, 503 naming the
// cluster when its broker is killed (SIGKILL), 200 again once it is back. A broker of its own: the shared
// one must not go down under other test files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, Readiness } from '@tributary/contract';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

let kafka: LocalKafka;
let app: App;

beforeAll(async () => {
  kafka = await startKafka({ heap: '256m' });
  const config = loadConfig({
    KAFKA_BROKERS: kafka.bootstrapServers.join(','),
    KAFKA_CLUSTER_NAME: 'solo',
    LOG_LEVEL: 'silent',
  });
  // Short deadlines: a dead broker is then said within seconds.
  config.kafkaRequestTimeoutMs = 2000;
  app = await buildApp(config, { logger: false });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await kafka?.stop();
}, 60_000);

const ready = async () => {
  const res = await app.inject('/api/ready');
  return { status: res.statusCode, body: res.json<Readiness | ErrorBody>() };
};

describe('GET /api/ready', () => {
  it('is 200 with each cluster while Kafka answers, 503 naming the cluster when its broker is killed, 200 when it returns', async () => {
    const up = await ready();
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ready', clusters: [{ name: 'solo', brokers: 1 }] });
    // Liveness does not depend on Kafka.
    expect((await app.inject('/api/health')).statusCode).toBe(200);

    await kafka.killBroker(1);
    await expect.poll(async () => (await ready()).status, { timeout: 30_000, interval: 500 }).toBe(503);
    const down = await ready();
    expect(down.body).toMatchObject({
      code: 'KAFKA_UNAVAILABLE',
      message: expect.stringContaining('"solo"'),
    });
    expect((await app.inject('/api/health')).statusCode).toBe(200);

    await kafka.startBroker(1);
    await expect.poll(async () => (await ready()).status, { timeout: 60_000, interval: 1000 }).toBe(200);
  }, 150_000);
});
