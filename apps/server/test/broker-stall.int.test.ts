import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka, type LocalKafka } from '@tributary/local-kafka';
import { LiveClient, kcatProduce } from './live-ws-client.ts';
import { outagePages, seedOutageTopic } from './outage-fixtures.ts';
import { PageLoad, ServerProcess, secondsUntilAllAnswer } from './server-process.ts';

// Issue 10.1: a broker stalled for 20 s (SIGSTOP, then SIGCONT) under mixed load ended the server with an
// uncaught `TypeError: op is not a function` from @platformatic/kafka's connection queue. The server runs as
// a child process so that a crash shows as its exit; the broker is this file's own.
const topic = 'stalled';
const group = 'stalled-readers';
const pages = outagePages(topic);

let kafka: LocalKafka;
let server: ServerProcess;

beforeAll(async () => {
  kafka = await startKafka({ brokers: 1, heap: '384m' });
  await seedOutageTopic(
    kafka,
    { topic, numPartitions: 3 },
    group,
    Array.from({ length: 30 }, (_, i) => ({ value: `m${i}` })),
  );
  server = await ServerProcess.start(kafka.bootstrapServers);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await kafka?.stop();
}, 60_000);

describe('a broker that stalls for 20 s and comes back', () => {
  it('keeps the server alive and answers every page within 20 s of SIGCONT; live tails read on', async () => {
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

    // The tail either rode out the stall (its retries outlast ~20 s) and reads what comes now, or it ended
    // saying that trying again makes sense; either way a tail opened now reads too.
    const fresh = await LiveClient.open(server.url, topic);
    await fresh.start({ from: { mode: 'now' } });
    await kcatProduce(kafka.bootstrapServers[0]!, topic, 0, ['after-the-stall']);
    await fresh.until(() => fresh.values().includes('after-the-stall'));
    await tail.until(() => tail.closed !== undefined || tail.values().includes('after-the-stall'));
    if (tail.closed) expect(tail.of('end').at(-1), tail.received()).toMatchObject({ reconnect: true });
    else await tail.close();
    await fresh.close();
    expect(server.alive, server.describeExit()).toBe(true);
  }, 60_000);
});
