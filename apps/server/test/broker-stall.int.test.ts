import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import { LiveClient } from './live-ws-client.ts';
import { PageLoad, ServerProcess, secondsUntilAllAnswer } from './server-process.ts';

// Issue 10.1: a broker stalled for 20 s (SIGSTOP, then SIGCONT) under mixed load ended the server with an
// uncaught `TypeError: op is not a function` from @platformatic/kafka's connection queue. The server runs as
// a child process so that a crash shows as its exit; the broker is this file's own.
const topic = 'stalled';
const group = 'stalled-readers';
const pages = [
  '/api/clusters/local',
  `/api/clusters/local/topics/${topic}`,
  '/api/clusters/local/consumer-groups',
];

let kafka: LocalKafka;
let server: ServerProcess;

beforeAll(async () => {
  kafka = await startKafka({ brokers: 1, heap: '384m' });
  const client = new Kafka({ brokers: kafka.bootstrapServers, logLevel: logLevel.NOTHING });
  const admin = client.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const producer = client.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ value: `m${i}` })) });
  await producer.disconnect();
  await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '1' }] });
  await admin.disconnect();
  server = await ServerProcess.start(kafka.bootstrapServers);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await kafka?.stop();
}, 60_000);

describe('a broker that stalls for 20 s and comes back', () => {
  it('keeps the server alive, ends the live tail with reconnect: true, and answers every page again', async () => {
    for (const page of pages) expect(await server.status(page), page).toBe(200);
    const tail = await LiveClient.open(server.url, topic);
    await tail.start({ from: { mode: 'now' } });
    const load = new PageLoad(server, pages).start();
    const pid = kafka.brokerPid(1)!;
    let continued = 0;
    try {
      process.kill(pid, 'SIGSTOP');
      await new Promise((r) => setTimeout(r, 20_000));
      expect(server.alive, server.describeExit()).toBe(true);
    } finally {
      process.kill(pid, 'SIGCONT');
      continued = Date.now();
    }
    const { seconds } = await secondsUntilAllAnswer(server, pages, continued, 20_000);
    await load.stop();
    console.log(
      `broker stall: every page answered 200 ${seconds.toFixed(1)} s after SIGCONT`,
      load.summary(),
    );
    expect(server.alive, server.describeExit()).toBe(true);

    // The tail could not read for 20 s: it ended, and said that trying again makes sense.
    await tail.until(() => tail.closed !== undefined, 20_000);
    expect(tail.of('end').at(-1), tail.received()).toMatchObject({ reconnect: true });
    expect(tail.of('error').at(-1)).toMatchObject({ code: 'KAFKA_UNAVAILABLE', fatal: true });
    // ... and trying again works.
    const again = await LiveClient.open(server.url, topic);
    const resumed = await again.start({ from: { mode: 'now' } });
    expect(resumed?.partitions).toEqual([0, 1, 2]);
    await again.close();
    expect(server.alive, server.describeExit()).toBe(true);
  }, 60_000);
});
