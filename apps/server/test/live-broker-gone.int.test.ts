import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { LiveClient, kcatProduce } from './live-ws-client.ts';

// A Kafka of its own (not the shared one), so the test can take it away under a running tail.
let kafka: LocalKafka | undefined;
let app: App;
let baseUrl: string;

beforeAll(async () => {
  kafka = await startKafka({ brokers: 1, heap: '384m' });
  app = await buildApp(loadConfig({ KAFKA_BROKERS: kafka.bootstrapServers.join(','), LOG_LEVEL: 'silent' }), {
    logger: false,
  });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await kafka?.stop();
});

describe('live tail when the broker goes away', () => {
  it('ends the stream with an error event, and the server stays up', async () => {
    const broker = kafka!.bootstrapServers[0]!;
    const created = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/topics',
      payload: { name: 'gone-soon', partitions: 1 },
    });
    expect(created.statusCode).toBeLessThan(300);
    const client = await LiveClient.open(baseUrl, 'gone-soon');
    await client.start({ from: { mode: 'now' } });
    await kcatProduce(broker, 'gone-soon', 0, ['still-here']);
    await client.until(() => client.values().length === 1);

    await kafka!.stop();
    kafka = undefined;
    await client.until(() => client.closed !== undefined, 60_000);
    const error = client.of('error')[0];
    expect(error).toMatchObject({ code: 'KAFKA_UNAVAILABLE', fatal: true });
    expect(error?.message).toMatch(/Kafka/);
    expect(client.of('end').at(-1)).toMatchObject({ reconnect: true });
    expect(client.closed?.code).toBe(4000);
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });
});
