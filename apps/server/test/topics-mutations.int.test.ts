import { describe, expect, it } from 'vitest';
import type { AddPartitionsResult, ErrorBody, PurgeResult, TopicDetail } from '@tributary/contract';
import { runKafkaTool } from '@tributary/local-kafka';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { base, json, topicHelpers } from './topics-fixtures.ts';

describe('topic changes: partitions, purge, delete', async () => {
  const app = await buildTestApp();
  const { create, produce, describeWithTool } = topicHelpers(app);

  it('adds partitions (increase only), checked with kafka-topics', async () => {
    const name = uniqueName('grow');
    await create({ name, partitions: 2 });
    const shrink = await app.inject({
      method: 'POST',
      url: `${base}/${name}/partitions`,
      ...json({ count: 1 }),
    });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json<ErrorBody>().message).toMatch(/already has 2 partitions.*cannot remove partitions/);
    const same = await app.inject({
      method: 'POST',
      url: `${base}/${name}/partitions`,
      ...json({ count: 2 }),
    });
    expect(same.statusCode).toBe(400);
    // Kafka answers this with an "unexpected server error"; the person gets the limit instead.
    const huge = await app.inject({
      method: 'POST',
      url: `${base}/${name}/partitions`,
      ...json({ count: 3_000_000_000 }),
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json<ErrorBody>().message).toMatch(/adds at most 10,000 partitions.*would add 2999999998/);
    const grow = await app.inject({
      method: 'POST',
      url: `${base}/${name}/partitions`,
      ...json({ count: 5 }),
    });
    expect(grow.statusCode).toBe(200);
    expect(grow.json<AddPartitionsResult>()).toEqual({ name, previousCount: 2, partitionCount: 5 });
    expect(await describeWithTool(name)).toMatch(/PartitionCount: 5/);
    await expect
      .poll(async () => (await app.inject(`${base}/${name}`)).json<TopicDetail>().partitions.length)
      .toBe(5);
  });

  it('answers the new partitions with their offsets at once after adding them (leaders elected first)', async () => {
    const name = uniqueName('grow-counts');
    await create({ name, partitions: 1 });
    const grow = await app.inject({
      method: 'POST',
      url: `${base}/${name}/partitions`,
      ...json({ count: 48 }),
    });
    expect(grow.statusCode).toBe(200);
    // The very next read, as the page does right after the dialog: counts, not "unknown: no leader".
    const detail = (await app.inject(`${base}/${name}`)).json<TopicDetail>();
    expect(detail.partitions).toHaveLength(48);
    expect(detail.warnings ?? []).toEqual([]);
    expect(detail.partitions.filter((p) => p.leader === null || p.endOffset === null)).toEqual([]);
  });

  it('purges chosen partitions, or all, up to the high watermark', async () => {
    const name = uniqueName('purge');
    await create({ name, partitions: 3 });
    await produce(
      name,
      [0, 1, 2].flatMap((partition) => Array.from({ length: 4 }, () => ({ partition, value: 'v' }))),
    );
    const some = await app.inject({ method: 'DELETE', url: `${base}/${name}/records?partitions=0,2` });
    expect(some.statusCode).toBe(200);
    expect(some.json<PurgeResult>().partitions).toEqual([
      { partition: 0, startOffset: '4' },
      { partition: 2, startOffset: '4' },
    ]);
    let detail = (await app.inject(`${base}/${name}`)).json<TopicDetail>();
    expect(detail.partitions.map((p) => [p.startOffset, p.endOffset])).toEqual([
      ['4', '4'],
      ['0', '4'],
      ['4', '4'],
    ]);
    expect(detail.messageCount).toBe(4);
    // kafka-get-offsets agrees on the earliest offsets.
    const earliest = await runKafkaTool('kafka-get-offsets', [
      '--bootstrap-server',
      sharedKafkaBrokers()[0]!,
      '--topic',
      name,
      '--time',
      '-2',
    ]);
    expect(earliest.stdout.trim().split('\n').sort()).toEqual([`${name}:0:4`, `${name}:1:0`, `${name}:2:4`]);

    for (const [query, message] of [
      ['partitions=7', /No partition 7/],
      ['partitions=zero', /comma-separated list of partition numbers/],
    ] as const) {
      const bad = await app.inject({ method: 'DELETE', url: `${base}/${name}/records?${query}` });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorBody>().message).toMatch(message);
    }
    // Kafka's own answer here is a bare "configured policy" sentence; the person learns which policy.
    const compact = uniqueName('compact');
    await create({ name: compact, partitions: 1, configs: { 'cleanup.policy': 'compact' } });
    const refused = await app.inject({ method: 'DELETE', url: `${base}/${compact}/records` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().message).toMatch(
      /has cleanup\.policy=compact: Kafka purges records only from topics whose cleanup\.policy includes "delete"/,
    );

    const all = await app.inject({ method: 'DELETE', url: `${base}/${name}/records` });
    expect(all.json<PurgeResult>().partitions.map((p) => p.startOffset)).toEqual(['4', '4', '4']);
    detail = (await app.inject(`${base}/${name}`)).json<TopicDetail>();
    expect(detail.messageCount).toBe(0);
  });

  it('deletes a topic, refuses internal ones', async () => {
    const name = uniqueName('delete');
    await create({ name, partitions: 1 });
    const res = await app.inject({ method: 'DELETE', url: `${base}/${name}` });
    expect(res.statusCode).toBe(204);
    await expect.poll(async () => (await app.inject(`${base}/${name}`)).statusCode).toBe(404);
    const tool = await runKafkaTool('kafka-topics', [
      '--bootstrap-server',
      sharedKafkaBrokers()[0]!,
      '--list',
    ]);
    expect(tool.stdout.split('\n')).not.toContain(name);
    for (const url of [`${base}/__consumer_offsets`, `${base}/__consumer_offsets/records`]) {
      const internal = await app.inject({ method: 'DELETE', url });
      expect(internal.statusCode).toBe(400);
      expect(internal.json<ErrorBody>().message).toMatch(
        /"__consumer_offsets" is one of Kafka's internal topics/,
      );
    }
  });
});
