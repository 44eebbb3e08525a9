// Findings of issue 10 about topics: long names, create races, internal topics, oversized config values.
import { describe, expect, it } from 'vitest';
import type { CreatedTopic, ErrorBody, MessagePage, TopicDetail } from '@tributary/contract';
import { uniqueName } from '@tributary/local-kafka/testing';
import type { App } from '../src/app.ts';
import { buildTestApp } from './helpers.ts';
import { base, json, topicHelpers } from './topics-fixtures.ts';

describe('topic safety', async () => {
  const app = await buildTestApp();
  const { create } = topicHelpers(app);

  it('serves every path of a topic whose name has Kafka’s maximum of 249 characters', async () => {
    const prefix = uniqueName('long');
    const name = prefix + 'x'.repeat(249 - prefix.length);
    expect(name).toHaveLength(249);
    expect((await create({ name, partitions: 1 })).statusCode).toBe(201);
    const detail = await app.inject(`${base}/${name}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<TopicDetail>().name).toBe(name);
    const page = await app.inject(`${base}/${name}/messages`);
    expect(page.statusCode).toBe(200);
    expect(page.json<MessagePage>().messages).toEqual([]);
    expect((await app.inject({ method: 'DELETE', url: `${base}/${name}` })).statusCode).toBe(204);
  });

  it('answers exactly one of three concurrent creates of one name with 201, the others 409', async () => {
    const name = uniqueName('race');
    const answers = await Promise.all(
      [1, 2, 3].map((partitions) =>
        create({ name, partitions, configs: { 'retention.ms': `${partitions}000000` } }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const winner = answers.find((a) => a.statusCode === 201)!.json<CreatedTopic>();
    for (const loser of answers.filter((a) => a.statusCode === 409))
      expect(loser.json<ErrorBody>()).toEqual({
        requestId: expect.any(String),
        code: 'CONFLICT',
        message: `Topic "${name}" already exists.`,
      });
    // The winner's answer is what Kafka holds.
    const detail = (await app.inject(`${base}/${name}`)).json<TopicDetail>();
    expect(detail.partitions).toHaveLength(winner.partitions);
  });

  it('applies concurrent partition increases of two topics (the client merged them into one)', async () => {
    const names = [uniqueName('growA'), uniqueName('growB')];
    for (const name of names) expect((await create({ name, partitions: 1 })).statusCode).toBe(201);
    const grown = await Promise.all(
      names.map((name, i) =>
        app.inject({ method: 'POST', url: `${base}/${name}/partitions`, ...json({ count: 2 + i }) }),
      ),
    );
    expect(grown.map((g) => g.statusCode)).toEqual([200, 200]);
    for (const [i, name] of names.entries())
      await expect
        .poll(async () => (await app.inject(`${base}/${name}`)).json<TopicDetail>().partitions.length)
        .toBe(2 + i);
  });

  it('refuses new partitions and config changes on internal topics', async () => {
    const grow = await app.inject({
      method: 'POST',
      url: `${base}/__consumer_offsets/partitions`,
      ...json({ count: 1000 }),
    });
    expect(grow.statusCode).toBe(400);
    expect(grow.json<ErrorBody>().message).toMatch(/"__consumer_offsets" is one of Kafka's internal topics/);
    const patch = await app.inject({
      method: 'PATCH',
      url: `${base}/__consumer_offsets/configs`,
      ...json({ set: { 'retention.ms': '1000' } }),
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json<ErrorBody>().message).toMatch(/"__consumer_offsets" is one of Kafka's internal topics/);
  });

  it('lets an administrator allow changes to internal topics (allowInternalTopicChanges)', async () => {
    // A "__" name counts as internal; one made for this test stands in for Kafka's own.
    const name = `__${uniqueName('internal')}`;
    expect((await create({ name, partitions: 1 })).statusCode).toBe(201);
    const change = (on: App) =>
      on.inject({
        method: 'PATCH',
        url: `${base}/${name}/configs`,
        ...json({ set: { 'retention.ms': '3600000' } }),
      });
    const refused = await change(app);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().message).toMatch(/allowInternalTopicChanges/);
    const admin = await buildTestApp([], { allowInternalTopicChanges: true });
    expect((await change(admin)).statusCode).toBe(200);
    expect((await admin.inject({ method: 'DELETE', url: `${base}/${name}` })).statusCode).toBe(204);
  });

  it('refuses a config value longer than Kafka can carry, and the next requests still work', async () => {
    const huge = 'x'.repeat(32 * 1024);
    const name = uniqueName('bigcfg');
    const made = await create({ name, partitions: 1, configs: { 'retention.ms': huge } });
    expect(made.statusCode).toBe(400);
    expect(made.json<ErrorBody>().message).toMatch(/"retention\.ms".*at most 32767 bytes/);
    expect((await create({ name, partitions: 1 })).statusCode).toBe(201);
    const patch = await app.inject({
      method: 'PATCH',
      url: `${base}/${name}/configs`,
      ...json({ set: { 'retention.ms': huge } }),
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json<ErrorBody>().message).toMatch(/"retention\.ms".*at most 32767 bytes/);
    // The shared admin connection still answers everyone else.
    const others = await Promise.all(Array.from({ length: 10 }, () => app.inject(`${base}/${name}/configs`)));
    expect(others.map((o) => o.statusCode)).toEqual(Array(10).fill(200));
  });

  it('does not coerce body types: partitions "1" is a 400', async () => {
    const res = await create({ name: uniqueName('coerce'), partitions: '1' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'BAD_REQUEST' });
    expect(res.json<ErrorBody>().message).toMatch(/partitions.*must be integer/);
  });
});
