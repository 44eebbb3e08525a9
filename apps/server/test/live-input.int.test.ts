// Live tail against the real broker: bad input on the socket, where to start, and how it sheds load.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import type { LiveCommand } from '@tributary/contract';
import type { App } from '../src/app.ts';
import { buildTestApp } from './helpers.ts';
import { LiveClient, kcatProduce } from './live-ws-client.ts';

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

async function createTopic(partitions: number): Promise<string> {
  const topic = uniqueName('live-in');
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  return topic;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

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
  await app?.close();
});

describe('live tail input and load', () => {
  it('answers malformed frames with error events and keeps tailing on the same socket', async () => {
    const topic = await createTopic(2);
    const client = await open(topic);
    await client.start({ from: { mode: 'now' } });
    const frames = [
      'pause please', // not JSON
      '[1,2]',
      '{"type":"partitions","partitions":[-1]}',
      '{"type":"partitions","partitions":[5]}',
      '{"type":"start","from":{"mode":"last","count":0}}',
      '{"type":"start","from":{"mode":"offsets","offsets":[{"partition":0,"offset":"soon"}]}}',
    ];
    for (const frame of frames) client.socket.send(frame);
    client.socket.send(Buffer.from([0xde, 0xad]), { binary: true });
    // The parse errors are answered at once, the partition and offset checks after a Kafka round trip:
    // wait for as many answers as frames (`>=`, so an extra error shows in the assertion, not as a timeout).
    await client.until(() => client.of('error').length >= frames.length + 1);
    expect(client.of('error').map((e) => [e.code, e.fatal])).toEqual(
      Array.from({ length: frames.length + 1 }, () => ['BAD_REQUEST', false]),
    );
    const messages = client.of('error').map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'A live-tail command must be a JSON object, e.g. {"type":"pause"}.',
        'A live-tail command must be a JSON object with a "type", e.g. {"type":"pause"}.',
        'Invalid "partitions" command: partitions.0 must be >= 0.',
        'Partition 5 does not exist; this topic has partitions 0-1. The tail goes on with the same partitions.',
        'Invalid "start" command: from.count must be >= 1.',
        '"soon" is not an offset (a whole number ≥ 0).',
        'Live-tail commands are JSON text frames.',
      ]),
    );
    await kcatProduce(bootstrap(), topic, 1, ['still-tailing']);
    await client.until(() => client.values().includes('still-tailing'));
    expect(client.values()).toEqual(['still-tailing']);
    expect(client.of('error')).toHaveLength(frames.length + 1); // and nothing failed since
    expect(client.of('subscribed')).toHaveLength(1); // nothing bad restarted the tail
    expect(client.closed).toBeUndefined();
  });

  it('refuses changes before any start with a sentence, and a later start works on the same socket', async () => {
    const topic = await createTopic(2);
    const client = await open(topic);
    const early: LiveCommand[] = [
      { type: 'pause' },
      { type: 'resume' },
      { type: 'partitions', partitions: [1] },
      { type: 'filter', filter: { q: 'x' } },
    ];
    for (const command of early) client.send(command);
    await client.until(() => client.of('error').length >= early.length);
    expect(client.of('error')).toEqual(
      ['pause', 'resume', 'change the partitions of', 'filter'].map((what) => ({
        type: 'error',
        code: 'BAD_REQUEST',
        message: `Send a start command first: there is no running tail to ${what}.`,
        fatal: false,
      })),
    );
    expect(client.events.filter((e) => e.type !== 'error' && e.type !== 'heartbeat')).toEqual([]);

    // Nothing refused was kept: the start tails every partition, unfiltered.
    const subscribed = await client.start({ from: { mode: 'now' } });
    expect(subscribed).toMatchObject({ partitions: [0, 1], filter: {} });
    await kcatProduce(bootstrap(), topic, 0, ['after-start']);
    await client.until(() => client.values().length === 1);
    expect(client.values()).toEqual(['after-start']);
    expect(client.of('error')).toHaveLength(early.length);
    expect(client.closed).toBeUndefined();
  });

  it('starts at the last N of each partition', async () => {
    const topic = await createTopic(2);
    await kcatProduce(bootstrap(), topic, 0, ['a0', 'a1', 'a2', 'a3']);
    await kcatProduce(bootstrap(), topic, 1, ['b0']);
    const client = await open(topic);
    const subscribed = await client.start({ from: { mode: 'last', count: 2 } });
    expect(subscribed?.positions).toEqual([
      { partition: 0, offset: '2' },
      { partition: 1, offset: '0' },
    ]);
    await client.until(() => client.values().length === 3);
    expect(client.values().sort()).toEqual(['a2', 'a3', 'b0']);
  });

  it('ends a tail of a name that cannot be a topic with a clear error', async () => {
    const client = await open('no such topic');
    client.send({ type: 'start', from: { mode: 'now' } });
    await client.until(() => client.closed !== undefined);
    expect(client.of('error')[0]).toMatchObject({ code: 'NOT_FOUND', fatal: true });
    expect(client.of('error')[0]?.message).toBe(
      'Topic "no such topic" does not exist in cluster "local" (not a valid topic name).',
    );
  });

  it('answers a plain GET with a sentence, and a client closing without a code is not told of a shutdown', async () => {
    const topic = await createTopic(1);
    const plain = await app.inject(`/api/clusters/local/topics/${topic}/live`);
    expect(plain.statusCode).toBe(426);
    expect(plain.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/WebSocket/) });

    const client = await open(topic);
    await client.start({ from: { mode: 'now' } });
    await client.close(); // a close frame without a code, like many CLI clients send
    expect(client.of('end')).toEqual([]);
    expect(client.closed?.code).toBe(1005);
  });

  it('skips what a tab has not acknowledged, and reports rates and skips in stats', async () => {
    const topic = await createTopic(1);
    const client = await open(topic, { autoAck: false }); // a tab that shows nothing more
    await client.start({ from: { mode: 'now' } });
    await kcatProduce(
      bootstrap(),
      topic,
      0,
      Array.from({ length: 2500 }, (_, i) => `m${i}`),
    );
    await client.until(() => client.of('stats').some((s) => s.skippedTotal === 500 && s.lag === 0));
    const stats = client.of('stats');
    expect(client.values()).toEqual(Array.from({ length: 2000 }, (_, i) => `m${i}`)); // the first, in order
    expect(sum(stats.map((s) => s.skipped))).toBe(500);
    expect(stats.at(-1)).toMatchObject({ sentTotal: 2000, inFlight: 2000 });
    expect(Math.max(...stats.map((s) => s.topicRate))).toBeGreaterThan(0);
    expect(Math.max(...stats.map((s) => s.sentRate))).toBeGreaterThan(0);
  });

  it('skips while the socket buffer is full (a client that stops reading), then delivers again', async () => {
    const topic = await createTopic(1);
    const client = await open(topic);
    await client.start({ from: { mode: 'now' } });
    const raw = (client.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause(); // the tab's network stalls: the server's bytes pile up in its socket
    const big = 'x'.repeat(8 * 1024);
    await kcatProduce(
      bootstrap(),
      topic,
      0,
      Array.from({ length: 2500 }, (_, i) => `${i}-${big}`),
    );
    await new Promise((r) => setTimeout(r, 2500));
    raw.resume();
    await client.until(() => client.of('stats').some((s) => s.lag === 0 && s.skippedTotal > 0));
    const stats = client.of('stats');
    const last = stats.at(-1)!;
    expect(last.sentTotal + last.skippedTotal).toBe(2500);
    expect(last.sentTotal).toBeLessThan(2000); // stopped by the buffer, not by the unacknowledged count
    expect(Math.max(...stats.map((s) => s.bufferedBytes))).toBeGreaterThanOrEqual(1 << 20);
    expect(client.messages()).toHaveLength(last.sentTotal);
    await kcatProduce(bootstrap(), topic, 0, ['after-the-stall']);
    await client.until(() => client.values().includes('after-the-stall'));
  });
});
