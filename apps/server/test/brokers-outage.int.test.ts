import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicDetail } from '@tributary/contract';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import {
  expectNoSocketListenerPileUp,
  outagePages,
  reconnectingTail,
  seedOutageTopic,
} from './outage-fixtures.ts';
import { PageLoad, ServerProcess, secondsUntilAllAnswer } from './server-process.ts';

// Issue 18: brokers of a 3-broker cluster stalled, killed and restarted under load (each test runs 25-50 s;
// the kill tests allow 90 s because starting JVMs on a busy 2-core runner is slow). The server runs as a child
// process, so that a crash shows as its exit and its warnings (printed to stderr) can be read.
const topic = 'outage';
const group = 'outage-readers';
const pages = outagePages(topic);

let kafka: LocalKafka;
let server: ServerProcess;

beforeAll(async () => {
  kafka = await startKafka({ brokers: 3, heap: '384m' });
  await seedOutageTopic(
    kafka,
    {
      topic,
      // Broker 1 leads every partition (and is the first bootstrap server): the "leader of everything".
      replicaAssignment: Array.from({ length: 6 }, (_, partition) => ({ partition, replicas: [1, 2, 3] })),
    },
    group,
    Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: `m${i}` })),
  );
  server = await ServerProcess.start(kafka.bootstrapServers, {
    NODE_OPTIONS: `--trace-warnings --import ${join(dirname(fileURLToPath(import.meta.url)), 'strict-listeners.mjs')}`,
  });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await kafka?.stop();
}, 60_000);

describe('brokers killed and restarted under load', () => {
  it('keeps the server alive while the leader of every partition stalls 20 s, and answers every page within 20 s of SIGCONT', async () => {
    const detail = (await (
      await fetch(`${server.url}/api/clusters/local/topics/${topic}`)
    ).json()) as TopicDetail;
    expect(detail.partitions.map((p) => p.leader)).toEqual([1, 1, 1, 1, 1, 1]);
    const load = new PageLoad(server, pages, 500).start();
    const stopTail = reconnectingTail(server, topic);
    let continued = 0;
    try {
      kafka.signalBroker(1, 'SIGSTOP');
      await new Promise((r) => setTimeout(r, 20_000));
      expect(server.alive, server.describeExit()).toBe(true);
    } finally {
      kafka.signalBroker(1, 'SIGCONT');
      continued = Date.now();
    }
    const { seconds } = await secondsUntilAllAnswer(server, pages, continued, 20_000);
    await stopTail();
    await load.stop();
    console.log(
      `leader 1 stalled 20 s: every page 200 ${seconds.toFixed(1)} s after SIGCONT`,
      load.summary(),
    );
    expect(server.alive, server.describeExit()).toBe(true);
    expectNoSocketListenerPileUp(server);
  }, 60_000);

  it('keeps the server alive with 2 of 3 brokers killed, and answers every page once they are back', async () => {
    const load = new PageLoad(server, pages, 1000).start();
    const stopTail = reconnectingTail(server, topic);
    await Promise.all([kafka.killBroker(2), kafka.killBroker(3)]);
    await new Promise((r) => setTimeout(r, 15_000));
    expect(server.alive, server.describeExit()).toBe(true);
    const restarting = Date.now();
    await Promise.all([kafka.startBroker(2), kafka.startBroker(3)]);
    const started = (Date.now() - restarting) / 1000;
    const { seconds } = await secondsUntilAllAnswer(server, pages, Date.now(), 20_000);
    await stopTail();
    await load.stop();
    console.log(
      `2 of 3 killed: brokers up ${started.toFixed(1)} s after their start, every page 200 ${seconds.toFixed(1)} s later`,
      load.summary(),
    );
    expect(server.alive, server.describeExit()).toBe(true);
    expectNoSocketListenerPileUp(server);
  }, 90_000);

  it('recovers from each of 3 kill/start cycles of one broker, and leaks no socket listeners', async () => {
    const load = new PageLoad(server, pages, 1000).start();
    const stopTail = reconnectingTail(server, topic);
    const rounds: string[] = [];
    for (let cycle = 1; cycle <= 3; cycle++) {
      const killed = Date.now();
      await kafka.killBroker(3);
      await new Promise((r) => setTimeout(r, 1000));
      const starting = Date.now();
      await kafka.startBroker(3);
      const up = Date.now();
      const { seconds } = await secondsUntilAllAnswer(server, pages, up, 20_000);
      rounds.push(
        `${(seconds + (up - killed) / 1000).toFixed(1)} s after the kill (broker up ${((up - starting) / 1000).toFixed(1)} s after its start, pages ${seconds.toFixed(1)} s later)`,
      );
    }
    await stopTail();
    await load.stop();
    console.log(`kill/start cycles: every page 200 again ${rounds.join('; ')}`, load.summary());
    expect(server.alive, server.describeExit()).toBe(true);
    expectNoSocketListenerPileUp(server);
  }, 90_000);
});
