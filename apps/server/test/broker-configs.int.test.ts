// Issue 17: a broker's dynamic configs and the cluster-wide defaults (broker `default`), changed with
// IncrementalAlterConfigs and checked with Kafka's own `kafka-configs --describe --entity-type brokers`.
// The shared broker is changed only in a key that does no harm (the log cleaner's idle back-off), and reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerList, ConfigList, ErrorBody } from '@tributary/contract';
import { runKafkaTool } from '@tributary/local-kafka';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import type { App } from '../src/app.ts';
import { buildTestApp } from './helpers.ts';

const KEY = 'log.cleaner.backoff.ms';
let app: App;
let broker: number;

/** The dynamic overrides Kafka's tool lists for a broker (or `--entity-default`), from the given source. */
async function dynamicByTool(entity: number | 'default'): Promise<Record<string, string>> {
  const out = await runKafkaTool('kafka-configs', [
    '--bootstrap-server',
    sharedKafkaBrokers()[0]!,
    '--describe',
    '--entity-type',
    'brokers',
    ...(entity === 'default' ? ['--entity-default'] : ['--entity-name', String(entity)]),
  ]);
  const source = entity === 'default' ? 'DYNAMIC_DEFAULT_BROKER_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
  const found: Record<string, string> = {};
  for (const match of out.stdout.matchAll(/^\s+([a-z.]+)=(\S*) sensitive=false synonyms=\{([A-Z_]+):/gm))
    if (match[3] === source) found[match[1]!] = match[2]!;
  return found;
}

const base = () => `/api/clusters/local/brokers/${broker}/configs`;
const patch = (url: string, body: unknown) => app.inject({ method: 'PATCH', url, payload: body as object });
const entry = (list: ConfigList, name: string) => list.find((c) => c.name === name);

beforeAll(async () => {
  app = await buildTestApp();
  broker = (await app.inject('/api/clusters/local/brokers')).json<BrokerList>()[0]!.id;
});
afterAll(async () => {
  await patch(base(), { reset: [KEY] });
  await patch('/api/clusters/local/brokers/default/configs', { reset: [KEY] });
});

describe('broker configs', () => {
  it('marks the ones that cannot change while the broker runs as read-only', async () => {
    const list = (await app.inject(base())).json<ConfigList>();
    expect(entry(list, 'log.dirs')?.readOnly).toBe(true);
    expect(entry(list, KEY)).toMatchObject({ readOnly: false, source: 'default' });
  });

  it("sets and resets one broker's config, as kafka-configs sees it", async () => {
    const set = await patch(base(), { set: { [KEY]: '16000' } });
    expect(set.statusCode).toBe(200);
    expect(entry(set.json<ConfigList>(), KEY)).toMatchObject({
      value: '16000',
      kafkaSource: 'DYNAMIC_BROKER_CONFIG',
    });
    expect(await dynamicByTool(broker)).toMatchObject({ [KEY]: '16000' });

    const reset = await patch(base(), { reset: [KEY] });
    expect(reset.statusCode).toBe(200);
    expect(entry(reset.json<ConfigList>(), KEY)?.kafkaSource).not.toBe('DYNAMIC_BROKER_CONFIG');
    expect(await dynamicByTool(broker)).not.toHaveProperty(KEY);
  });

  it('sets and resets the cluster-wide default through broker "default"', async () => {
    const url = '/api/clusters/local/brokers/default/configs';
    const set = await patch(url, { set: { [KEY]: '17000' } });
    expect(set.statusCode).toBe(200);
    expect(entry(set.json<ConfigList>(), KEY)).toMatchObject({
      value: '17000',
      kafkaSource: 'DYNAMIC_DEFAULT_BROKER_CONFIG',
    });
    expect(await dynamicByTool('default')).toMatchObject({ [KEY]: '17000' });
    // The broker inherits it.
    expect(entry((await app.inject(base())).json<ConfigList>(), KEY)).toMatchObject({
      value: '17000',
      kafkaSource: 'DYNAMIC_DEFAULT_BROKER_CONFIG',
    });

    expect((await patch(url, { reset: [KEY] })).statusCode).toBe(200);
    expect(await dynamicByTool('default')).not.toHaveProperty(KEY);
    expect(entry((await app.inject(url)).json<ConfigList>(), KEY)).toBeUndefined();
  });

  it('refuses read-only, unknown and bad values with a sentence, and a broker that is not there with 404', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ set: { 'log.dirs': '/tmp/elsewhere' } }, 400, /"log\.dirs" cannot be changed while the broker runs/],
      [{ set: { 'log.cleaner.backof.ms': '1' } }, 400, /Unknown broker config: "log\.cleaner\.backof\.ms"/],
      [{ set: { [KEY]: 'soon' } }, 400, /log\.cleaner\.backoff\.ms/],
      [{}, 400, /Nothing to change/],
    ];
    for (const [body, status, message] of cases) {
      const res = await patch(base(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json<ErrorBody>().message).toMatch(message);
    }
    // Kafka's own refusal of a cluster-wide value comes back the same way.
    const badDefault = await patch('/api/clusters/local/brokers/default/configs', { set: { [KEY]: 'soon' } });
    expect(badDefault.statusCode).toBe(400);
    expect(badDefault.json<ErrorBody>().message).toMatch(/log\.cleaner\.backoff\.ms/);
    const missing = await patch('/api/clusters/local/brokers/99/configs', { set: { [KEY]: '1' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().message).toMatch(/Broker 99 is not online/);
    expect(await dynamicByTool(broker)).not.toHaveProperty(KEY);
  });
});
