// Issue 17: partition reassignment and preferred leader election on a 3-broker cluster of the test's own,
// checked with Kafka's tools and kcat (a client we did not write): the data is intact and the ISR full again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, LeaderElectionResult, ReassignmentStatus, TopicDetail } from '@tributary/contract';
import { runKafkaTool, startKafka, type LocalKafka } from '@tributary/local-kafka';
import { uniqueName } from '@tributary/local-kafka/testing';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { kcatProduce } from './live-ws-client.ts';
import { kcatPartition } from './kcat-read.ts';

const cluster = '/api/clusters/local';
let kafka: LocalKafka;
let app: App;
let bootstrap: string;

const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object });
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** Messages in one partition, counted by kcat reading it from the start. */
const kcatCount = async (topic: string, partition: number) =>
  (await kcatPartition(bootstrap, topic, partition, '%o\n')).length;

async function describeByTool(args: string[]): Promise<string> {
  return (await runKafkaTool('kafka-configs', ['--bootstrap-server', bootstrap, '--describe', ...args]))
    .stdout;
}

async function createPlaced(topic: string, assignment: string): Promise<void> {
  await runKafkaTool('kafka-topics', [
    '--bootstrap-server',
    bootstrap,
    '--create',
    '--topic',
    topic,
    '--replica-assignment',
    assignment,
  ]);
  await expect
    .poll(async () => (await app.inject(`${cluster}/topics/${topic}`)).json<TopicDetail>().partitions?.length)
    .toBe(assignment.split(',').length);
}

const status = async (topic: string) =>
  (await app.inject(`${cluster}/topics/${topic}/reassignments`)).json<ReassignmentStatus>();

beforeAll(async () => {
  kafka = await startKafka({ brokers: 3, heap: '384m' });
  bootstrap = kafka.bootstrapServers[0]!;
  app = await buildApp(loadConfig({ KAFKA_BROKERS: kafka.bootstrapServers.join(','), LOG_LEVEL: 'silent' }), {
    logger: false,
  });
}, 240_000);
afterAll(async () => {
  await app?.close();
  await kafka?.stop();
}, 60_000);

describe('partition reassignment', () => {
  const topic = uniqueName('moved');
  const MESSAGES = 500;

  it('refuses bad replica lists with a sentence', async () => {
    await createPlaced(topic, '1:2,1:2');
    const url = `${cluster}/topics/${topic}/reassignments`;
    const cases: [unknown, RegExp][] = [
      [
        { partitions: [{ partition: 0, replicas: [2, 9] }] },
        /broker 9, not online in this cluster \(online: 1, 2, 3\)/,
      ],
      [{ partitions: [{ partition: 0, replicas: [3, 3] }] }, /name broker 3 twice/],
      [
        { partitions: [{ partition: 2, replicas: [2, 3] }] },
        /has 2 partitions \(0–1\): partition 2 does not exist/,
      ],
      [{ partitions: [] }, /partitions/],
      [{}, /either "partitions".*or "spread": true/],
    ];
    for (const [body, message] of cases) {
      const res = await post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<ErrorBody>().message).toMatch(message);
    }
  });

  it('moves partition 0 from brokers [1,2] to [2,3] under a throttle: data intact, ISR full, throttle gone', async () => {
    await kcatProduce(
      bootstrap,
      topic,
      0,
      Array.from({ length: MESSAGES }, (_, i) => `message-${i}`),
    );
    const res = await post(`${cluster}/topics/${topic}/reassignments`, {
      partitions: [{ partition: 0, replicas: [2, 3] }],
      throttle: 50_000_000,
    });
    expect(res.statusCode).toBe(202);
    expect(res.json<ReassignmentStatus>()).toMatchObject({ topic, throttled: true });
    // As kafka-reassign-partitions --throttle: current replicas throttled as leaders, the new one as follower.
    const topicConfigs = await describeByTool(['--entity-type', 'topics', '--entity-name', topic]);
    expect(topicConfigs).toMatch(/leader\.replication\.throttled\.replicas=0:1,0:2/);
    expect(topicConfigs).toMatch(/follower\.replication\.throttled\.replicas=0:3/);
    expect(await describeByTool(['--entity-type', 'brokers', '--entity-name', '3'])).toMatch(
      /follower\.replication\.throttled\.rate=50000000/,
    );

    await expect
      .poll(
        async () => {
          const s = await status(topic);
          const p0 = s.partitions[0]!;
          return { inProgress: s.inProgress, replicas: sorted(p0.replicas), isr: sorted(p0.isr) };
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual({ inProgress: false, replicas: [2, 3], isr: [2, 3] });
    expect(sorted((await status(topic)).partitions[1]!.replicas)).toEqual([1, 2]);
    expect(await kcatCount(topic, 0)).toBe(MESSAGES);

    // Progress asked after the end removes the throttle (kafka-reassign-partitions --verify does the same).
    expect((await status(topic)).throttled).toBe(false);
    expect(await describeByTool(['--entity-type', 'topics', '--entity-name', topic])).not.toMatch(
      /throttled/,
    );
    for (const id of ['1', '2', '3'])
      expect(await describeByTool(['--entity-type', 'brokers', '--entity-name', id])).not.toMatch(
        /throttled\.rate/,
      );
  }, 120_000);

  it('spreads the partitions evenly, then a preferred leader election gives partition 0 back to broker 1', async () => {
    // Round robin over [1, 2, 3]: partition 0 → [1, 2] (led by 2 until the election), 1 → [2, 3].
    const res = await post(`${cluster}/topics/${topic}/reassignments`, { spread: true });
    expect(res.statusCode).toBe(202);
    await expect
      .poll(
        async () => {
          const s = await status(topic);
          return {
            inProgress: s.inProgress,
            replicas: s.partitions.map((p) => p.replicas),
            isr: s.partitions.map((p) => sorted(p.isr)),
          };
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual({
        inProgress: false,
        replicas: [
          [1, 2],
          [2, 3],
        ],
        isr: [
          [1, 2],
          [2, 3],
        ],
      });
    expect((await status(topic)).partitions[0]!.leader).toBe(2); // kept: it is in the new list

    const elected = await post(`${cluster}/leader-election`, { topic, partitions: [0] });
    expect(elected.statusCode).toBe(200);
    expect(elected.json<LeaderElectionResult>().partitions).toEqual([
      { topic, partition: 0, outcome: 'elected', message: null },
    ]);
    await expect.poll(async () => (await status(topic)).partitions[0]!.leader).toBe(1);
    const again = await post(`${cluster}/leader-election`, { topic });
    expect(again.json<LeaderElectionResult>().partitions.map((p) => p.outcome)).toEqual([
      'already-preferred',
      'already-preferred',
    ]);
    expect(await kcatCount(topic, 0)).toBe(MESSAGES);

    const wholeCluster = await post(`${cluster}/leader-election`, {});
    expect(wholeCluster.statusCode).toBe(200);
    const bad = await post(`${cluster}/leader-election`, { topic, partitions: [7] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toMatch(/partition 7 does not exist/);
  }, 120_000);

  it('cancels a move held back by a tight throttle: the partition goes back to its replicas', async () => {
    const slow = uniqueName('slow');
    await createPlaced(slow, '1');
    const line = 'x'.repeat(1000);
    await kcatProduce(
      bootstrap,
      slow,
      0,
      Array.from({ length: 2000 }, () => line),
    );
    const url = `${cluster}/topics/${slow}/reassignments`;
    const res = await post(url, { partitions: [{ partition: 0, replicas: [1, 2] }], throttle: 1024 });
    expect(res.statusCode).toBe(202);
    const moving = await status(slow);
    expect(moving).toMatchObject({ inProgress: true, throttled: true });
    expect(moving.partitions[0]).toMatchObject({ reassigning: true, target: [1, 2], addingReplicas: [2] });

    const cancelled = await app.inject({ method: 'DELETE', url });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<ReassignmentStatus>()).toMatchObject({ inProgress: false, throttled: false });
    await expect.poll(async () => (await status(slow)).partitions[0]!.replicas).toEqual([1]);
    expect(await kcatCount(slow, 0)).toBe(2000);
    const nothing = await app.inject({ method: 'DELETE', url });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json<ErrorBody>().message).toMatch(/No reassignment of topic .* is in progress/);
  }, 120_000);
});
