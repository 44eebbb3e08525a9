import { describe, expect, it } from 'vitest';
import type { ConfigList, ErrorBody } from '@tributary/contract';
import { runKafkaTool } from '@tributary/local-kafka';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';

const base = '/api/clusters/local/topics';
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/** What Kafka's own tool says the topic's overrides are (`kafka-configs --describe`). */
async function overridesByTool(topic: string): Promise<Record<string, string>> {
  const out = await runKafkaTool('kafka-configs', [
    '--bootstrap-server',
    sharedKafkaBrokers()[0]!,
    '--describe',
    '--entity-type',
    'topics',
    '--entity-name',
    topic,
  ]);
  const overrides: Record<string, string> = {};
  for (const match of out.stdout.matchAll(
    /^\s+([a-z.]+)=(\S*) sensitive=false synonyms=\{DYNAMIC_TOPIC_CONFIG/gm,
  ))
    overrides[match[1]!] = match[2]!;
  return overrides;
}

describe('topic configs', async () => {
  const app = await buildTestApp();
  const configs = async (topic: string) => (await app.inject(`${base}/${topic}/configs`)).json<ConfigList>();
  const patch = (topic: string, body: unknown) =>
    app.inject({ method: 'PATCH', url: `${base}/${topic}/configs`, ...json(body) });
  async function topicWith(overrides: Record<string, string>): Promise<string> {
    const name = uniqueName('cfg');
    const res = await app.inject({
      method: 'POST',
      url: base,
      ...json({ name, partitions: 1, configs: overrides }),
    });
    expect(res.statusCode).toBe(201);
    return name;
  }

  it('lists every config with value, source, flags and documentation', async () => {
    const name = await topicWith({ 'retention.ms': '7200000' });
    const all = await configs(name);
    expect(all.length).toBeGreaterThan(30);
    const retention = all.find((c) => c.name === 'retention.ms');
    expect(retention).toMatchObject({
      value: '7200000',
      source: 'topic',
      kafkaSource: 'DYNAMIC_TOPIC_CONFIG',
      readOnly: false,
      sensitive: false,
      type: 'LONG',
    });
    expect(retention?.documentation).toMatch(/maximum time we will retain a log/);
    // Not set anywhere: Kafka's default.
    expect(all.find((c) => c.name === 'segment.bytes')).toMatchObject({
      source: 'default',
      kafkaSource: 'DEFAULT_CONFIG',
    });
    expect(all.filter((c) => c.source === 'topic').map((c) => c.name)).toEqual(['retention.ms']);
  });

  it('PATCH sets and resets keys incrementally: other overrides stay (checked with kafka-configs)', async () => {
    const name = await topicWith({
      'retention.ms': '7200000',
      'cleanup.policy': 'compact',
      'max.message.bytes': '2000000',
    });
    const set = await patch(name, {
      set: { 'retention.ms': '60000', 'segment.ms': '3600000' },
      reset: ['cleanup.policy'],
    });
    expect(set.statusCode).toBe(200);
    const after = set.json<ConfigList>();
    const overrides = Object.fromEntries(
      after.filter((c) => c.source === 'topic').map((c) => [c.name, c.value]),
    );
    expect(overrides).toEqual({
      'retention.ms': '60000',
      'segment.ms': '3600000',
      'max.message.bytes': '2000000',
    });
    expect(after.find((c) => c.name === 'cleanup.policy')).toMatchObject({
      value: 'delete',
      source: 'default',
    });
    expect(await overridesByTool(name)).toEqual({
      'retention.ms': '60000',
      'segment.ms': '3600000',
      'max.message.bytes': '2000000',
    });
  });

  it('rejects unknown keys, bad values, empty and contradictory changes, and leaves the config as it was', async () => {
    const name = await topicWith({ 'retention.ms': '7200000' });
    const cases: [unknown, RegExp][] = [
      [{ set: { 'retention.msx': '1' } }, /Unknown topic config: "retention\.msx"/],
      [{ reset: ['no.such.key'] }, /Unknown topic config: "no\.such\.key"/],
      [{ set: { 'retention.ms': 'forever' } }, /Invalid value forever for configuration retention\.ms/],
      [{ set: { 'cleanup.policy': 'sometimes' } }, /cleanup\.policy/],
      [{ set: { 'min.insync.replicas': '0' } }, /min\.insync\.replicas/],
      [{}, /Nothing to change/],
      [{ set: { 'retention.ms': '1' }, reset: ['retention.ms'] }, /cannot be both set and reset/],
    ];
    for (const [body, message] of cases) {
      const res = await patch(name, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<ErrorBody>().message, JSON.stringify(body)).toMatch(message);
    }
    expect(await overridesByTool(name)).toEqual({ 'retention.ms': '7200000' });
  });

  it('shows broker configs with their source, and 404 for a broker that is not there', async () => {
    const res = await app.inject('/api/clusters/local/brokers/1/configs');
    expect(res.statusCode).toBe(200);
    const all = res.json<ConfigList>();
    // The launcher writes these into server.properties: Kafka reports them as static broker config.
    expect(all.find((c) => c.name === 'auto.create.topics.enable')).toMatchObject({
      value: 'true',
      source: 'broker',
      kafkaSource: 'STATIC_BROKER_CONFIG',
    });
    expect(all.find((c) => c.name === 'num.io.threads')?.documentation).toMatch(/threads/);
    const missing = await app.inject('/api/clusters/local/brokers/42/configs');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().message).toBe('Broker 42 is not online in cluster "local" (online: 1).');
    const bad = await app.inject('/api/clusters/local/brokers/one/configs');
    expect(bad.statusCode).toBe(400);
  });
});
