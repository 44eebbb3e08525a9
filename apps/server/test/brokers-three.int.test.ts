import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BrokerList,
  ClusterOverview,
  ConfigList,
  CreatedTopic,
  ErrorBody,
  TopicDetail,
  TopicList,
} from '@tributary/contract';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { resolveKafkaJars, runKafkaTool, startKafka, type LocalKafka } from '@tributary/local-kafka';
import { uniqueName } from '@tributary/local-kafka/testing';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

const cluster = '/api/clusters/local';
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/** The active controller as Kafka's own `kafka-metadata-quorum describe --status` reports it. */
async function leaderByTool(bootstrap: string): Promise<number> {
  const { classpath } = await resolveKafkaJars();
  const { stdout } = await promisify(execFile)(
    'java',
    [
      '-cp',
      classpath,
      'org.apache.kafka.tools.MetadataQuorumCommand',
      '--bootstrap-server',
      bootstrap,
      'describe',
      '--status',
    ],
    { timeout: 60_000 },
  );
  const id = /LeaderId:\s+(\d+)/.exec(stdout)?.[1];
  if (!id) throw new Error(`no LeaderId in: ${stdout}`);
  return Number(id);
}

/** The process id of one node of this test's own cluster (its java command line names its config file). */
async function nodePid(kafka: LocalKafka, id: number): Promise<number> {
  const config = join(dirname(kafka.log4jConfig), `node-${id}`, 'server.properties');
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,args=']);
  const line = stdout.split('\n').find((l) => l.includes(config));
  if (!line) throw new Error(`no process for node ${id}`);
  return Number(line.trim().split(/\s+/)[0]);
}

// Its own 3-node cluster (combined broker+controller nodes): replication factor 3 and a broker going away.
describe('a three-broker cluster', () => {
  let kafka: LocalKafka;
  let app: App;
  const topic = uniqueName('rf3');
  const onlyOn3 = uniqueName('only-on-3');

  beforeAll(async () => {
    kafka = await startKafka({ brokers: 3, heap: '384m' });
    app = await buildApp(
      loadConfig({ KAFKA_BROKERS: kafka.bootstrapServers.join(','), LOG_LEVEL: 'silent' }),
      {
        logger: false,
      },
    );
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await kafka?.stop();
  }, 60_000);

  it('creates a topic with replication factor 3, refuses 4', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `${cluster}/topics`,
      ...json({ name: topic, partitions: 3, replicationFactor: 3 }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<CreatedTopic>()).toMatchObject({ partitions: 3, replicationFactor: 3 });
    await expect
      .poll(async () =>
        (await app.inject(`${cluster}/topics/${topic}`))
          .json<TopicDetail>()
          .partitions.map((p) => p.isr.length),
      )
      .toEqual([3, 3, 3]);
    const detail = (await app.inject(`${cluster}/topics/${topic}`)).json<TopicDetail>();
    expect(detail).toMatchObject({ replicationFactor: 3, underReplicatedPartitions: 0 });
    for (const p of detail.partitions) expect([...p.replicas].sort()).toEqual([1, 2, 3]);

    const tooMany = await app.inject({
      method: 'POST',
      url: `${cluster}/topics`,
      ...json({ name: uniqueName('rf4'), partitions: 1, replicationFactor: 4 }),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<ErrorBody>().message).toMatch(
      /Replication factor 4 is more than the 3 brokers online/,
    );
  });

  it('names a topic config inherited from a cluster-wide broker default as source "broker"', async () => {
    await runKafkaTool('kafka-configs', [
      '--bootstrap-server',
      kafka.bootstrapServers[0]!,
      '--alter',
      '--entity-type',
      'brokers',
      '--entity-default',
      '--add-config',
      'log.retention.bytes=1073741824',
    ]);
    await expect
      .poll(async () =>
        (await app.inject(`${cluster}/topics/${topic}/configs`))
          .json<ConfigList>()
          .find((c) => c.name === 'retention.bytes'),
      )
      .toMatchObject({
        value: '1073741824',
        source: 'broker',
        kafkaSource: 'DYNAMIC_DEFAULT_BROKER_CONFIG',
      });
  });

  it('reads a topic placed by kafka-topics --replica-assignment', async () => {
    const created = await runKafkaTool('kafka-topics', [
      '--bootstrap-server',
      kafka.bootstrapServers[0]!,
      '--create',
      '--topic',
      onlyOn3,
      '--replica-assignment',
      '3',
    ]);
    expect(created.stdout).toContain(`Created topic ${onlyOn3}`);
    await expect
      .poll(
        async () =>
          (await app.inject(`${cluster}/topics/${onlyOn3}`)).json<TopicDetail>().partitions[0]?.leader,
      )
      .toBe(3);
  });

  it('names the real KRaft controller and spreads leaders over the brokers', async () => {
    const overview = (await app.inject(cluster)).json<ClusterOverview>();
    expect(overview.brokers).toEqual({ online: 3, total: 3, unreachable: [] });
    expect(overview.controllerId).toBe(await leaderByTool(kafka.bootstrapServers[0]!));
    const brokers = (await app.inject(`${cluster}/brokers`)).json<BrokerList>();
    expect(brokers.map((b) => b.id)).toEqual([1, 2, 3]);
    expect(brokers.filter((b) => b.controller).map((b) => b.id)).toEqual([overview.controllerId]);
    // The leaders of all partitions, counted per broker, add up to the cluster's partition count.
    expect(brokers.reduce((sum, b) => sum + b.partitionsLed, 0)).toBe(overview.partitionCount);
    for (const b of brokers) expect(b.replicas).toBeGreaterThanOrEqual(3); // every broker holds a copy of each rf3 partition
  });

  it('keeps answering with a warning while a broker is listed but gone (killed, not yet fenced)', async () => {
    const before = (await app.inject(`${cluster}/topics/${topic}`)).json<TopicDetail>();
    const ledBy3 = before.partitions.filter((p) => p.leader === 3).map((p) => p.partition);
    const ledByOthers = before.partitions.filter((p) => p.leader !== 3).map((p) => p.partition);
    expect(ledBy3.length).toBeGreaterThan(0);
    expect(ledByOthers.length).toBeGreaterThan(0);
    // A crash, not a shutdown: nothing tells the controller, so the metadata keeps listing broker 3 as a
    // live leader until its session times out (broker.session.timeout.ms, 9 s); the next test sees it fenced.
    process.kill(await nodePid(kafka, 3), 'SIGKILL');

    const started = Date.now();
    const res = await app.inject(`${cluster}/topics/${topic}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json<TopicDetail>();
    for (const p of detail.partitions) {
      if (ledBy3.includes(p.partition)) expect(p).toMatchObject({ startOffset: null, endOffset: null });
      if (ledByOthers.includes(p.partition)) expect(p).toMatchObject({ startOffset: '0', endOffset: '0' });
    }
    expect(detail.messageCount).toBeNull();
    expect(detail.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Offsets of the partitions led by broker 3 are unknown: Kafka is unavailable/),
        expect.stringMatching(/^Sizes on broker 3 are unknown: Kafka is unavailable/),
      ]),
    );
    const list = (await app.inject(`${cluster}/topics?search=${topic}`)).json<TopicList>();
    expect(list.items[0]).toMatchObject({ name: topic, messageCount: null, sizeBytes: null });
    expect(list.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/broker 3 are unknown/)]));
    const brokers = (await app.inject(`${cluster}/brokers`)).json<BrokerList>();
    expect(brokers.find((b) => b.id === 3)).toMatchObject({ online: true, diskUsageBytes: null });
    expect(brokers.find((b) => b.id === 1)?.diskUsageBytes).toBeGreaterThanOrEqual(0);
    // Well inside the 9 s before the controller fences it: a refused connection fails at once.
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 60_000);

  it('counts under-replicated partitions when a broker stops, like kafka-topics does', async () => {
    const started = Date.now();
    await kafka.stopBroker(3); // already killed by the test before; stopping is then a no-op
    await expect
      .poll(
        async () =>
          (await app.inject(`${cluster}/topics/${topic}`)).json<TopicDetail>().underReplicatedPartitions,
        {
          timeout: 60_000,
          interval: 1000,
        },
      )
      .toBe(3);
    const detail = (await app.inject(`${cluster}/topics/${topic}`)).json<TopicDetail>();
    for (const p of detail.partitions) {
      expect(p.isr).not.toContain(3);
      expect(p.leader).not.toBe(3);
      expect(p.endOffset).toBe('0');
    }
    const tool = await runKafkaTool('kafka-topics', [
      '--bootstrap-server',
      kafka.bootstrapServers[0]!,
      '--describe',
      '--under-replicated-partitions',
    ]);
    const underByTool = tool.stdout.split('\n').filter((l) => l.includes('Partition:')).length;

    const overview = (await app.inject(cluster)).json<ClusterOverview>();
    // Kafka no longer lists broker 3; our own attempts still know it and say it does not answer.
    expect(overview.brokers).toEqual({ online: 2, total: 3, unreachable: [3] });
    expect(overview.underReplicatedPartitions).toBe(underByTool);
    expect(overview.underReplicatedPartitions).toBeGreaterThanOrEqual(3);
    expect([1, 2]).toContain(overview.controllerId);

    // The RF 1 topic whose only replica was on broker 3 is offline: no leader, offsets and size unknown.
    expect(overview.offlinePartitions).toBe(1);
    const offline = (await app.inject(`${cluster}/topics/${onlyOn3}`)).json<TopicDetail>();
    expect(offline.partitions).toEqual([
      expect.objectContaining({
        partition: 0,
        leader: null,
        startOffset: null,
        endOffset: null,
        sizeBytes: null,
      }),
    ]);
    expect(offline).toMatchObject({ messageCount: null, sizeBytes: null });
    const unavailable = await runKafkaTool('kafka-topics', [
      '--bootstrap-server',
      kafka.bootstrapServers[0]!,
      '--describe',
      '--unavailable-partitions',
    ]);
    expect(unavailable.stdout).toMatch(new RegExp(`Topic: ${onlyOn3}\\s+Partition: 0\\s+Leader: none`));

    const list = (await app.inject(`${cluster}/topics?search=${topic}`)).json<TopicList>();
    expect(list.items[0]).toMatchObject({ name: topic, underReplicatedPartitions: 3, replicationFactor: 3 });
    const brokers = (await app.inject(`${cluster}/brokers`)).json<BrokerList>();
    expect(brokers.find((b) => b.id === 3)).toMatchObject({
      online: false,
      host: null,
      diskUsageBytes: null,
      partitionsLed: 0,
      controller: false,
    });
    // With a leaderless partition in the cluster, every other operation still works (kafkajs' own
    // metadata refresh would fail all of them), and purging the offline partition says why it cannot.
    const purgeOffline = await app.inject({ method: 'DELETE', url: `${cluster}/topics/${onlyOn3}/records` });
    expect(purgeOffline.statusCode).toBe(503);
    expect(purgeOffline.json<ErrorBody>().message).toMatch(/Partition 0 of ".*" has no leader/);
    const other = uniqueName('while-offline');
    const createdOther = await app.inject({
      method: 'POST',
      url: `${cluster}/topics`,
      ...json({ name: other, partitions: 1, replicationFactor: 2 }),
    });
    expect(createdOther.statusCode).toBe(201);
    const grown = await app.inject({
      method: 'POST',
      url: `${cluster}/topics/${other}/partitions`,
      ...json({ count: 2 }),
    });
    expect(grown.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'DELETE', url: `${cluster}/topics/${other}/records` })).statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `${cluster}/topics/${other}` })).statusCode).toBe(204);
    expect((await app.inject(`${cluster}/topics/${other}`)).statusCode).toBe(404);

    // Requests keep answering quickly with one broker gone.
    expect(Date.now() - started).toBeLessThan(90_000);
    const t0 = Date.now();
    expect((await app.inject(`${cluster}/brokers`)).statusCode).toBe(200);
    expect(Date.now() - t0).toBeLessThan(5_000);
  }, 120_000);
});
