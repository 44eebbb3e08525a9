// Findings of issue 10 about topics: long names, create races, internal topics, oversized config values.
import { describe, expect, it } from 'vitest';
import type { ErrorBody, MessagePage, TopicDetail } from '@tributary/contract';
import { uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { base, topicHelpers } from './topics-fixtures.ts';

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

  it('does not coerce body types: partitions "1" is a 400', async () => {
    const res = await create({ name: uniqueName('coerce'), partitions: '1' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'BAD_REQUEST' });
    expect(res.json<ErrorBody>().message).toMatch(/partitions.*must be integer/);
  });
});
