import { describe, expect, it } from 'vitest';
import type { CreatedTopic, ErrorBody, TopicDetail, TopicList } from '@tributary/contract';
import { runKafkaTool } from '@tributary/local-kafka';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { base, json, topicHelpers } from './topics-fixtures.ts';

describe('topics', async () => {
  const app = await buildTestApp();
  const { create, produce, describeWithTool } = topicHelpers(app);

  it('creates a topic with partitions and configs; kafka-topics sees the same', async () => {
    const name = uniqueName('create');
    const res = await create({
      name,
      partitions: 3,
      replicationFactor: 1,
      configs: { 'retention.ms': '3600000' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<CreatedTopic>()).toEqual({ name, partitions: 3, replicationFactor: 1, warnings: [] });
    const tool = await describeWithTool(name);
    expect(tool).toMatch(new RegExp(`Topic: ${name}\\s.*PartitionCount: 3\\s+ReplicationFactor: 1`));
    expect(tool).toContain('retention.ms=3600000');
  });

  it('describes partitions with offsets and sizes after real records arrive', async () => {
    const name = uniqueName('detail');
    expect((await create({ name, partitions: 2 })).statusCode).toBe(201);
    await produce(name, [
      ...Array.from({ length: 5 }, (_, i) => ({ partition: 0, value: `zero-${i}` })),
      ...Array.from({ length: 3 }, (_, i) => ({ partition: 1, value: `one-${i}` })),
    ]);
    const res = await app.inject(`${base}/${name}`);
    expect(res.statusCode).toBe(200);
    const topic = res.json<TopicDetail>();
    expect(topic).toMatchObject({
      name,
      internal: false,
      partitionCount: 2,
      replicationFactor: 1,
      underReplicatedPartitions: 0,
      messageCount: 8,
    });
    expect(
      topic.partitions.map((p) => [p.partition, p.leader, p.replicas, p.isr, p.startOffset, p.endOffset]),
    ).toEqual([
      [0, 1, [1], [1], '0', '5'],
      [1, 1, [1], [1], '0', '3'],
    ]);
    // Log sizes are real bytes on disk: more than the payload, and the topic sums its partitions.
    const [p0, p1] = topic.partitions;
    expect(p0!.sizeBytes).toBeGreaterThan(5 * 6);
    expect(p1!.sizeBytes).toBeGreaterThan(3 * 5);
    expect(topic.sizeBytes).toBe(p0!.sizeBytes! + p1!.sizeBytes!);
  });

  it('lists topics with server-side search, paging, sorting and internal topics hidden by default', async () => {
    const prefix = uniqueName('list');
    for (const [suffix, partitions] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ] as const)
      expect((await create({ name: `${prefix}-${suffix}`, partitions })).statusCode).toBe(201);
    await produce(
      `${prefix}-b`,
      Array.from({ length: 20 }, () => ({ partition: 0, value: 'x'.repeat(100) })),
    );

    const page1 = (
      await app.inject(`${base}?search=${prefix.toUpperCase()}&perPage=2&page=1`)
    ).json<TopicList>();
    expect(page1.total).toBe(3);
    expect(page1).toMatchObject({ page: 1, perPage: 2 });
    expect(page1.items.map((t) => t.name)).toEqual([`${prefix}-a`, `${prefix}-b`]);
    expect(page1.items[0]).toMatchObject({
      partitionCount: 3,
      replicationFactor: 1,
      underReplicatedPartitions: 0,
      messageCount: 0,
    });
    expect(page1.items[1]).toMatchObject({ messageCount: 20 });
    expect(page1.items[1]!.sizeBytes).toBeGreaterThan(2000);
    const page2 = (await app.inject(`${base}?search=${prefix}&perPage=2&page=2`)).json<TopicList>();
    expect(page2.items.map((t) => t.name)).toEqual([`${prefix}-c`]);

    const byPartitions = (
      await app.inject(`${base}?search=${prefix}&sortBy=partitionCount&order=desc`)
    ).json<TopicList>();
    expect(byPartitions.items.map((t) => t.partitionCount)).toEqual([3, 2, 1]);
    const bySize = (
      await app.inject(`${base}?search=${prefix}&sortBy=sizeBytes&order=desc`)
    ).json<TopicList>();
    expect(bySize.items[0]!.name).toBe(`${prefix}-b`);
    const byMessages = (
      await app.inject(`${base}?search=${prefix}&sortBy=messageCount&order=asc`)
    ).json<TopicList>();
    expect(byMessages.items.at(-1)!.name).toBe(`${prefix}-b`);

    // A consumer group commit creates __consumer_offsets: it is internal and hidden unless asked for.
    await runKafkaTool('kafka-console-consumer', [
      '--bootstrap-server',
      sharedKafkaBrokers()[0]!,
      '--topic',
      `${prefix}-b`,
      '--from-beginning',
      '--max-messages',
      '1',
      '--group',
      uniqueName('g'),
    ]);
    const hidden = (await app.inject(`${base}?search=consumer_offsets`)).json<TopicList>();
    expect(hidden.total).toBe(0);
    const shown = (await app.inject(`${base}?search=consumer_offsets&showInternal=true`)).json<TopicList>();
    expect(shown.items).toEqual([expect.objectContaining({ name: '__consumer_offsets', internal: true })]);
    // So are "__" topics by convention (Tributary's own state topics, other tools' system topics).
    const system = `__${prefix}-state`;
    const made = await runKafkaTool('kafka-topics', [
      '--bootstrap-server',
      sharedKafkaBrokers()[0]!,
      '--create',
      '--topic',
      system,
    ]);
    expect(made.code, made.stderr).toBe(0);
    // Another client's new topic shows once the list's metadata (at most 3 s old) is read again.
    await expect
      .poll(
        async () => (await app.inject(`${base}?search=${system}&showInternal=true`)).json<TopicList>().items,
        { timeout: 10_000 },
      )
      .toEqual([expect.objectContaining({ name: system, internal: true })]);
    expect((await app.inject(`${base}?search=${system}`)).json<TopicList>().total).toBe(0);
  });

  it('rejects bad list queries with a sentence', async () => {
    for (const query of ['page=0', 'perPage=100000', 'sortBy=color', 'order=up']) {
      const res = await app.inject(`${base}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<ErrorBody>().message, query).toMatch(/^Invalid querystring field/);
    }
  });

  it('answers every bad create with a 4xx that says what is wrong', async () => {
    const existing = uniqueName('exists.dot');
    const created = await create({ name: existing, partitions: 1 });
    expect(created.json<CreatedTopic>().warnings[0]).toMatch(
      /period \("\."\) or underscore \("_"\) could collide/,
    );
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ name: '', partitions: 1 }, 400, /cannot be empty/],
      [{ name: '..', partitions: 1 }, 400, /cannot be used as a topic name/],
      [{ name: 'a'.repeat(250), partitions: 1 }, 400, /at most 249 characters.*250/],
      [{ name: 'bad name!', partitions: 1 }, 400, /only letters, digits.*space, "!"/],
      [{ name: uniqueName('p'), partitions: 0 }, 400, /at least 1 partition \(got 0\)/],
      // Beyond Kafka's per-request limit (and int32): Kafka itself would fail it without a usable reason.
      [{ name: uniqueName('p'), partitions: 3_000_000_000 }, 400, /at most 10,000 partitions.*3000000000/],
      // Made by hand with 1 partition, it would break groups whose coordinator maps to partition 2.
      [{ name: '__consumer_offsets', partitions: 1 }, 400, /reserved for Kafka's internal use/],
      [{ name: uniqueName('rf'), partitions: 1, replicationFactor: 0 }, 400, /at least 1 \(got 0\)/],
      [
        { name: uniqueName('rf'), partitions: 1, replicationFactor: 3 },
        400,
        /Replication factor 3 is more than the 1 broker online/,
      ],
      [
        { name: uniqueName('cfg'), partitions: 1, configs: { 'no.such.config': '1' } },
        400,
        /Unknown topic config name: no\.such\.config/,
      ],
      [
        { name: uniqueName('cfg'), partitions: 1, configs: { 'retention.ms': 'soon' } },
        400,
        /Invalid value soon for configuration retention\.ms/,
      ],
      [{ name: existing, partitions: 1 }, 409, /already exists/],
      [{ name: existing.replace(/\./g, '_'), partitions: 1 }, 409, /collides with the existing topic/],
      [{ partitions: 1 }, 400, /Invalid body field "name"/],
      [{ name: uniqueName('t'), partitions: 'three' }, 400, /Invalid body field "partitions"/],
    ];
    for (const [body, status, message] of cases) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json<ErrorBody>().message, JSON.stringify(body)).toMatch(message);
    }
    // Nothing half-done: none of the rejected topics exists.
    for (const [body] of cases) {
      const name = (body as { name?: string }).name;
      if (name && name !== existing && /^[\w.-]{1,249}$/.test(name) && !/^(\.+|__.*)$/.test(name))
        expect((await app.inject(`${base}/${name}`)).statusCode, name).toBe(404);
    }
  });

  it('answers 404 for an unknown cluster or topic on every topic endpoint', async () => {
    const missing = uniqueName('missing');
    const calls = [
      ['GET', `/api/clusters/nope/topics`],
      ['GET', `${base}/${missing}`],
      ['GET', `${base}/${encodeURIComponent(`${missing}/x`)}`], // a name Kafka could not even hold
      ['DELETE', `${base}/${missing}`],
      ['GET', `${base}/${missing}/configs`],
      ['PATCH', `${base}/${missing}/configs`, { set: { 'retention.ms': '1000' } }],
      ['POST', `${base}/${missing}/partitions`, { count: 3 }],
      ['DELETE', `${base}/${missing}/records`],
    ] as const;
    for (const [method, url, body] of calls) {
      const res = await app.inject({ method, url, ...(body ? json(body) : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json<ErrorBody>().message).toMatch(
        url.includes('nope')
          ? /No cluster named "nope"/
          : new RegExp(`Topic "${missing}(/x)?" does not exist`),
      );
    }
  });

  it('fails fast with 503 when the cluster does not answer', async () => {
    const offline = await buildTestApp([{ name: 'gone', bootstrapServers: ['127.0.0.1:1'] }]);
    const started = Date.now();
    const res = await offline.inject('/api/clusters/gone/topics');
    expect(res.statusCode).toBe(503);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
