import { createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import type { BrokerList, ClusterOverview, ErrorBody, TopicDetail } from '@tributary/contract';
import { runKafkaTool } from '@tributary/local-kafka';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';

const cluster = '/api/clusters/local';
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/** A "broker" that accepts connections and never answers: the hard case for timeouts. */
async function silentBroker(): Promise<string> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `127.0.0.1:${address.port}`;
}

describe('cluster overview and brokers (one broker)', async () => {
  const app = await buildTestApp([
    { name: 'gone', bootstrapServers: ['127.0.0.1:1'] },
    { name: 'silent', bootstrapServers: [await silentBroker()] },
  ]);
  const kafka = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING });

  it('sums up the cluster: brokers, controller, topics, partitions, health, metadata.version', async () => {
    const name = uniqueName('overview');
    const before = (await app.inject(cluster)).json<ClusterOverview>();
    await app.inject({ method: 'POST', url: `${cluster}/topics`, ...json({ name, partitions: 4 }) });
    const res = await app.inject(cluster);
    expect(res.statusCode).toBe(200);
    const overview = res.json<ClusterOverview>();
    const admin = kafka.admin();
    await admin.connect();
    const { clusterId } = await admin.describeCluster();
    await admin.disconnect();
    expect(overview).toMatchObject({
      name: 'local',
      clusterId,
      controllerId: 1,
      brokers: { online: 1, total: 1 },
      underReplicatedPartitions: 0,
      offlinePartitions: 0,
      kafkaVersion: '4.3-IV0', // the launcher formats storage with Kafka 4.3.1's latest metadata.version
    });
    // Other test files create topics at the same time: the counts grow at least by this topic.
    expect(overview.topicCount).toBeGreaterThanOrEqual(before.topicCount + 1);
    expect(overview.partitionCount).toBeGreaterThanOrEqual(before.partitionCount + 4);
    const listed = await runKafkaTool('kafka-topics', [
      '--bootstrap-server',
      sharedKafkaBrokers()[0]!,
      '--list',
    ]);
    expect(listed.stdout.split('\n')).toContain(name);
  });

  it('lists the broker with address, controller flag, leaders and the disk its data uses', async () => {
    const name = uniqueName('disk');
    await app.inject({ method: 'POST', url: `${cluster}/topics`, ...json({ name, partitions: 1 }) });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: name,
      messages: Array.from({ length: 50 }, () => ({ value: 'x'.repeat(1000) })),
    });
    await producer.disconnect();

    const res = await app.inject(`${cluster}/brokers`);
    expect(res.statusCode).toBe(200);
    const brokers = res.json<BrokerList>();
    const [host, port] = sharedKafkaBrokers()[0]!.split(':');
    expect(brokers).toHaveLength(1);
    const broker = brokers[0]!;
    expect(broker).toMatchObject({
      id: 1,
      host,
      port: Number(port),
      rack: null,
      online: true,
      controller: true,
    });
    expect(broker.partitionsLed).toBe(broker.replicas);
    expect(broker.partitionsLed).toBeGreaterThanOrEqual(1);
    const topic = (await app.inject(`${cluster}/topics/${name}`)).json<TopicDetail>();
    expect(topic.sizeBytes).toBeGreaterThan(50_000);
    expect(broker.diskUsageBytes).toBeGreaterThanOrEqual(topic.sizeBytes!);
  });

  it('answers 404 for an unknown cluster and 503 within seconds for one that does not answer', async () => {
    for (const url of [
      '/api/clusters/nope',
      '/api/clusters/nope/brokers',
      '/api/clusters/nope/brokers/1/configs',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json<ErrorBody>().message).toBe(
        'No cluster named "nope". Known clusters: local, gone, silent.',
      );
    }
    // Refused connections fail at once; a broker that accepts and stays silent hits the deadline
    // (2 × the 5 s request timeout), never more.
    for (const url of [
      '/api/clusters/gone',
      '/api/clusters/gone/brokers',
      '/api/clusters/silent',
      '/api/clusters/silent/topics',
      '/api/clusters/silent/topics/any/configs',
    ]) {
      const started = Date.now();
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(503);
      expect(res.json<ErrorBody>().message).toMatch(/unavailable|did not answer/i);
      expect(Date.now() - started, url).toBeLessThan(12_000);
    }
  }, 90_000);
});
