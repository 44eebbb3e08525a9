import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { WebSocket } from 'ws';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildApp, type App } from '../src/app.ts';
import { buildTestApp } from './helpers.ts';
import { groupsTouching } from './messages-helpers.ts';
import { LiveClient, kcatProduce, openTcpSockets } from './live-ws-client.ts';

let app: App;
let baseUrl: string;
let admin: Admin;
const bootstrap = () => sharedKafkaBrokers()[0]!;
const clients: LiveClient[] = [];

async function open(topic: string, options?: Parameters<typeof LiveClient.open>[2]) {
  const client = await LiveClient.open(baseUrl, topic, options);
  clients.push(client);
  return client;
}

async function createTopic(partitions = 3): Promise<string> {
  const topic = uniqueName('live');
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  return topic;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  admin = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await admin?.disconnect();
});

describe('live tail over a WebSocket', () => {
  it('receives 1,000 messages produced by kcat to 3 partitions, each partition in order', async () => {
    const topic = await createTopic(3);
    const client = await open(topic);
    const subscribed = await client.start({ from: { mode: 'now' } });
    expect(subscribed).toMatchObject({ partitions: [0, 1, 2], allPartitions: [0, 1, 2], resumed: false });
    const sizes = [334, 333, 333];
    await Promise.all(
      sizes.map((n, p) =>
        kcatProduce(
          bootstrap(),
          topic,
          p,
          Array.from({ length: n }, (_, i) => `p${p}-${i}`),
        ),
      ),
    );
    await client.until(() => client.messages().length === 1000);
    for (const [p, n] of sizes.entries()) {
      const mine = client.messages().filter((m) => m.partition === p);
      expect(mine.map((m) => m.value?.text)).toEqual(Array.from({ length: n }, (_, i) => `p${p}-${i}`));
      expect(mine.map((m) => Number(m.offset))).toEqual(Array.from({ length: n }, (_, i) => i));
    }
    await client.until(() => client.of('stats').some((s) => s.sentTotal === 1000));
    expect(client.of('stats').at(-1)).toMatchObject({ skippedTotal: 0, sentTotal: 1000 });
  });

  it('loses nothing while paused at a low rate, and says where it paused', async () => {
    const topic = await createTopic(1);
    const client = await open(topic);
    await client.start({ from: { mode: 'now' } });
    await kcatProduce(bootstrap(), topic, 0, ['before']);
    await client.until(() => client.values().length === 1);
    client.send({ type: 'pause' });
    await client.until(() => client.of('paused').length === 1);
    expect(client.of('paused')[0]?.positions).toEqual([{ partition: 0, offset: '1' }]);
    for (let i = 0; i < 5; i++) await kcatProduce(bootstrap(), topic, 0, [`while-paused-${i}`]);
    await client.until(() => client.of('stats').some((s) => s.paused && s.lag === 5));
    expect(client.values()).toEqual(['before']);
    client.send({ type: 'resume' });
    await client.until(() => client.values().length === 6);
    expect(client.values()).toEqual(['before', ...Array.from({ length: 5 }, (_, i) => `while-paused-${i}`)]);
    expect(client.of('resumed')[0]?.positions).toEqual([{ partition: 0, offset: '1' }]);
  });

  it('applies a filter change on the same socket, and reports a bad filter without ending', async () => {
    const topic = await createTopic(1);
    const client = await open(topic);
    await client.start({ from: { mode: 'now' }, filter: { q: 'red' } });
    // Blue before red: once red is shown, blue was judged by the old filter (a blue still in flight when
    // the filter changes would rightly be shown by the new one, and the test would race).
    await kcatProduce(bootstrap(), topic, 0, ['{"color":"blue","n":2}', '{"color":"red","n":1}']);
    await client.until(() => client.values().length === 1);
    client.send({ type: 'filter', filter: { filter: 'value.color == "blue"' } });
    await client.until(() => client.of('subscribed').length === 2);
    await kcatProduce(bootstrap(), topic, 0, ['{"color":"red","n":3}', '{"color":"blue","n":4}']);
    await client.until(() => client.values().length === 2);
    expect(client.values().map((v) => JSON.parse(v) as unknown)).toEqual([
      { color: 'red', n: 1 },
      { color: 'blue', n: 4 },
    ]);
    client.send({ type: 'filter', filter: { filter: 'value.color ==' } });
    await client.until(() => client.of('error').length === 1);
    expect(client.of('error')[0]).toMatchObject({ code: 'BAD_REQUEST', fatal: false });
    await kcatProduce(bootstrap(), topic, 0, ['{"color":"blue","n":5}']);
    await client.until(() => client.values().length === 3);
    expect(client.closed).toBeUndefined();
  });

  it('changes partitions on the same socket', async () => {
    const topic = await createTopic(3);
    const client = await open(topic);
    await client.start({ from: { mode: 'now' }, partitions: [0] });
    await kcatProduce(bootstrap(), topic, 1, ['p1-ignored']);
    await kcatProduce(bootstrap(), topic, 0, ['p0-a']);
    await client.until(() => client.values().length === 1);
    client.send({ type: 'partitions', partitions: [1, 2] });
    await client.until(() => client.of('subscribed').length === 2);
    expect(client.of('subscribed')[1]).toMatchObject({
      partitions: [1, 2],
      positions: [
        { partition: 1, offset: '1' },
        { partition: 2, offset: '0' },
      ],
    });
    await kcatProduce(bootstrap(), topic, 0, ['p0-ignored']);
    await kcatProduce(bootstrap(), topic, 2, ['p2-a']);
    await kcatProduce(bootstrap(), topic, 1, ['p1-a']);
    await client.until(() => client.values().length === 3);
    expect(client.values().sort()).toEqual(['p0-a', 'p1-a', 'p2-a']);
    expect(client.closed).toBeUndefined();
  });

  it('resumes at given offsets after a reconnect, and says so', async () => {
    const topic = await createTopic(2);
    await kcatProduce(bootstrap(), topic, 0, ['a0', 'a1', 'a2']);
    await kcatProduce(bootstrap(), topic, 1, ['b0', 'b1']);
    const client = await open(topic);
    const subscribed = await client.start({
      from: {
        mode: 'offsets',
        offsets: [
          { partition: 0, offset: '1' },
          { partition: 1, offset: '2' },
        ],
      },
    });
    expect(subscribed).toMatchObject({
      resumed: true,
      positions: [
        { partition: 0, offset: '1' },
        { partition: 1, offset: '2' },
      ],
    });
    await client.until(() => client.values().length === 2);
    expect(client.values()).toEqual(['a1', 'a2']);
  });

  it('answers a bad command and an unknown topic with error events', async () => {
    const topic = await createTopic(1);
    const client = await open(topic);
    client.socket.send('{"type":"jump"}');
    await client.until(() => client.of('error').length === 1);
    expect(client.of('error')[0]?.message).toMatch(/Unknown live-tail command "jump"; known: start, pause/);
    const missing = await open(uniqueName('no-such-topic'));
    missing.send({ type: 'start', from: { mode: 'now' } });
    await missing.until(() => missing.closed !== undefined);
    expect(missing.of('error')[0]).toMatchObject({ code: 'NOT_FOUND', fatal: true });
    expect(missing.of('error')[0]?.message).toMatch(/^Topic "no-such-topic.*" does not exist/); // never was
    expect(missing.closed?.code).toBe(4000);
  });

  it('frees every Kafka connection when the sockets close, and never touches consumer groups', async () => {
    const topic = await createTopic(3);
    await pause(200);
    const baseline = openTcpSockets();
    const tabs = await Promise.all([open(topic), open(topic), open(topic)]);
    await Promise.all(tabs.map((t) => t.start({ from: { mode: 'now' } })));
    await kcatProduce(bootstrap(), topic, 1, ['x', 'y']);
    await Promise.all(tabs.map((t) => t.until(() => t.values().length === 2)));
    // Each tab: its WebSocket (both ends in this process) plus its own Kafka client's connections.
    expect(openTcpSockets()).toBeGreaterThanOrEqual(baseline + 3 * 3);
    const closing = Date.now();
    await Promise.all(tabs.map((t) => t.close()));
    await tabs[0]!.until(() => openTcpSockets() <= baseline, 10_000);
    expect(Date.now() - closing).toBeLessThan(3000); // within one long poll, not at some idle timeout
    expect(await groupsTouching(admin, topic)).toEqual([]);
  });

  it('refuses a tail past the cap with a clear message, and accepts one again after a tab closes', async () => {
    const topic = await createTopic(1);
    const cap = app.config.liveTailsMax;
    app.config.liveTailsMax = 2;
    try {
      const [a, b] = [await open(topic), await open(topic)];
      expect(await a.start({ from: { mode: 'now' } })).toMatchObject({ type: 'subscribed' });
      const c = await open(topic);
      await c.until(() => c.closed !== undefined);
      expect(c.closed?.code).toBe(4029);
      expect(c.of('error')[0]).toMatchObject({ code: 'TOO_MANY', fatal: true });
      expect(c.of('error')[0]?.message).toMatch(/already runs 2 live tails/);
      await a.close();
      await pause(100);
      const d = await open(topic);
      expect(await d.start({ from: { mode: 'now' } })).toMatchObject({ type: 'subscribed' });
      await Promise.all([b.close(), d.close()]);
    } finally {
      app.config.liveTailsMax = cap;
    }
  });

  it('refuses a page from another site (a browser sends its Origin), accepts our own', async () => {
    const topic = await createTopic(1);
    const url = `${baseUrl.replace('http', 'ws')}/api/clusters/local/topics/${topic}/live`;
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url, { origin: 'http://evil.example' });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('a foreign origin got a live tail')));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
    const own = new WebSocket(url, { origin: baseUrl });
    await new Promise((resolve, reject) => (own.once('open', resolve), own.once('error', reject)));
    own.close();
  });

  it('tells tabs to reconnect when the server shuts down', async () => {
    const topic = await createTopic(1);
    const other = await buildApp(app.config, { logger: false });
    const url = await other.listen({ port: 0, host: '127.0.0.1' });
    const client = await LiveClient.open(url, topic);
    await client.start({ from: { mode: 'now' } });
    await other.close();
    await client.until(() => client.closed !== undefined);
    expect(client.of('end')[0]).toMatchObject({ reconnect: true, reason: 'Tributary is shutting down.' });
    expect(client.closed?.code).toBe(1001);
  });

  it('ends with an error event when the topic is deleted while tailed; the server stays up', async () => {
    const topic = await createTopic(2);
    const client = await open(topic);
    await client.start({ from: { mode: 'now' } });
    await admin.deleteTopics({ topics: [topic] });
    await client.until(() => client.closed !== undefined, 30_000);
    const error = client.of('error')[0];
    expect(error).toMatchObject({ code: 'NOT_FOUND', fatal: true });
    expect(error?.message).toMatch(/no longer exists/);
    expect(client.closed?.code).toBe(4000);
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });
});
