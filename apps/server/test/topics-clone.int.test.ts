// Issue 17: cloning a topic: same partitions, replication factor and overrides under a new name, and the
// newest N messages copied (each to the same partition, key, value and headers kept), read back with kcat.
import { describe, expect, it } from 'vitest';
import type { CloneTopicResult, ConfigList, ErrorBody, TopicDetail } from '@tributary/contract';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { kcatPartition } from './kcat-read.ts';
import { base, json } from './topics-fixtures.ts';
import { kcatProduce } from './live-ws-client.ts';

/** `key=value` of every message of one partition, read by kcat from the start. */
const kcatRead = (topic: string, partition: number) =>
  kcatPartition(sharedKafkaBrokers()[0]!, topic, partition, '%k=%s\n');

describe('clone a topic', async () => {
  const app = await buildTestApp();

  it('copies partitions, overrides and the newest messages', async () => {
    const source = uniqueName('clone-src');
    const created = await app.inject({
      method: 'POST',
      url: base,
      ...json({ name: source, partitions: 2, configs: { 'retention.ms': '3600000' } }),
    });
    expect(created.statusCode).toBe(201);
    for (const partition of [0, 1])
      await kcatProduce(
        sharedKafkaBrokers()[0]!,
        source,
        partition,
        Array.from({ length: 10 }, (_, i) => `p${partition}-${i}`),
      );

    const name = uniqueName('clone-dst');
    const res = await app.inject({
      method: 'POST',
      url: `${base}/${source}/clone`,
      ...json({ name, copyMessages: 6 }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<CloneTopicResult>()).toMatchObject({
      name,
      partitions: 2,
      replicationFactor: 1,
      configs: ['retention.ms'],
      copiedMessages: 6,
    });
    const detail = (await app.inject(`${base}/${name}`)).json<TopicDetail>();
    expect(detail.partitionCount).toBe(2);
    const configs = (await app.inject(`${base}/${name}/configs`)).json<ConfigList>();
    expect(configs.find((c) => c.name === 'retention.ms')).toMatchObject({
      value: '3600000',
      source: 'topic',
    });
    // kcat -P without -K sends no key: kcat prints an empty key.
    expect(await kcatRead(name, 0)).toEqual(['=p0-7', '=p0-8', '=p0-9']);
    expect(await kcatRead(name, 1)).toEqual(['=p1-7', '=p1-8', '=p1-9']);

    const again = await app.inject({ method: 'POST', url: `${base}/${source}/clone`, ...json({ name }) });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().message).toMatch(/already exists/);
    const missing = await app.inject({
      method: 'POST',
      url: `${base}/${uniqueName('nope')}/clone`,
      ...json({ name: uniqueName('x') }),
    });
    expect(missing.statusCode).toBe(404);
  });
});
