import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { runKafkaTool, startKafka, type LocalKafka } from '../src/index.ts';
import { sharedKafkaBrokers, uniqueName } from '../src/testing/index.ts';

const kafkaOf = (brokers: string[], extra: object = {}) =>
  new Kafka({
    clientId: 'launcher-test',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
    ...extra,
  });

function javaProcessesUsing(dir: string): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('kafka.Kafka') && line.includes(dir)).length;
}

describe('the shared single-node broker', () => {
  it("serves Kafka's own kafka-topics tool from the same jars", async () => {
    const [bootstrap] = sharedKafkaBrokers();
    const topic = uniqueName('launcher');
    const created = await runKafkaTool('kafka-topics', [
      '--bootstrap-server',
      bootstrap!,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '3',
    ]);
    expect(created.stdout).toContain(`Created topic ${topic}.`);
    const described = await runKafkaTool('kafka-topics', [
      '--bootstrap-server',
      bootstrap!,
      '--describe',
      '--topic',
      topic,
    ]);
    expect(described.stdout).toMatch(new RegExp(`PartitionCount: 3`));
    const admin = kafkaOf([bootstrap!]).admin();
    await admin.connect();
    expect(await admin.listTopics()).toContain(topic);
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });
});

describe('a 3-broker cluster with a SASL listener', () => {
  let kafka: LocalKafka;
  beforeAll(async () => {
    kafka = await startKafka({ brokers: 3, sasl: true, heap: '384m' });
  });
  afterAll(() => kafka?.stop());

  it('registers three brokers', async () => {
    const admin = kafkaOf(kafka.bootstrapServers).admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.map((b) => b.nodeId).sort()).toEqual([1, 2, 3]);
    await admin.disconnect();
  });

  it('accepts the PLAIN and SCRAM users and refuses a wrong password', async () => {
    const { plain, scram } = kafka.sasl!;
    const asPlain = kafkaOf(kafka.saslBootstrapServers, {
      sasl: { mechanism: 'plain', ...plain[0]! },
    }).admin();
    await asPlain.connect();
    expect((await asPlain.describeCluster()).brokers).toHaveLength(3);
    await asPlain.disconnect();
    const asScram = kafkaOf(kafka.saslBootstrapServers, {
      sasl: { mechanism: 'scram-sha-256', ...scram[0]! },
    }).admin();
    await asScram.connect();
    await asScram.disconnect();
    const wrong = kafkaOf(kafka.saslBootstrapServers, {
      sasl: { mechanism: 'plain', username: 'alice', password: 'nope' },
      retry: { retries: 0 },
    }).admin();
    await expect(wrong.connect()).rejects.toThrow(/SASL|authentication/i);
  });

  it('stops and restarts one broker while the others keep serving', async () => {
    const admin = kafkaOf([kafka.bootstrapServers[0]!]).admin();
    await admin.connect();
    await kafka.stopBroker(3);
    await expect
      .poll(async () => (await admin.describeCluster()).brokers.length, { timeout: 30_000 })
      .toBe(2);
    await kafka.startBroker(3);
    expect((await admin.describeCluster()).brokers).toHaveLength(3);
    await admin.disconnect();
  });
});

describe('stop', () => {
  it('leaves no Java process and removes the data directory', async () => {
    const kafka = await startKafka({ heap: '384m' });
    const workDir = kafka.log4jConfig.replace(/\/log4j2\.properties$/, '');
    expect(javaProcessesUsing(workDir)).toBe(1);
    await kafka.stop();
    expect(javaProcessesUsing(workDir)).toBe(0);
    expect(existsSync(workDir)).toBe(false);
  });
});
