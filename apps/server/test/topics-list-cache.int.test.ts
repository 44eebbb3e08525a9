// The topic list reads every topic's metadata at most a few seconds ago (TopicsGateway.listedTopics); these
// tests make sure that cache never shows a person something older than what they just did or can see.
import { describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import type { TopicDetail, TopicList } from '@tributary/contract';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { ClusterConnection } from '../src/kafka/cluster-connection.ts';
import { TOPIC_LIST_MAX_AGE_MS, topicsGateway } from '../src/kafka/topics-gateway.ts';
import { buildTestApp } from './helpers.ts';
import { base, topicHelpers } from './topics-fixtures.ts';

describe('topic list cache', async () => {
  const app = await buildTestApp();
  const { create } = topicHelpers(app);
  const list = async (query: string) => (await app.inject(`${base}?${query}`)).json<TopicList>();

  it('shows a topic we create or delete on the very next list, though the list was just read', async () => {
    const prefix = uniqueName('cached');
    expect((await list(`search=${prefix}`)).total).toBe(0); // the list is now cached
    expect((await create({ name: `${prefix}-a`, partitions: 1 })).statusCode).toBe(201);
    expect((await list(`search=${prefix}`)).items.map((t) => t.name)).toEqual([`${prefix}-a`]);
    expect((await create({ name: `${prefix}-b`, partitions: 2 })).statusCode).toBe(201);
    expect((await list(`search=${prefix}`)).items.map((t) => [t.name, t.partitionCount])).toEqual([
      [`${prefix}-a`, 1],
      [`${prefix}-b`, 2],
    ]);
    const deleted = await app.inject({ method: 'DELETE', url: `${base}/${prefix}-a` });
    expect(deleted.statusCode).toBe(204);
    const after = await list(`search=${prefix}`);
    expect(after.total).toBe(1);
    expect(after.items.map((t) => t.name)).toEqual([`${prefix}-b`]);
  });

  it('describes the rows of the page from current metadata, also after a change made by another client', async () => {
    const name = uniqueName('cached-rows');
    expect((await create({ name, partitions: 1 })).statusCode).toBe(201);
    expect((await list(`search=${name}`)).items[0]).toMatchObject({ name, partitionCount: 1 });
    // Another client adds partitions: nothing tells our server, whose list of all topics is still cached.
    const admin = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.createPartitions({ topicPartitions: [{ topic: name, count: 3 }] });
    } finally {
      await admin.disconnect();
    }
    // Once the topic's own page (never cached) shows them, so does the list's row.
    await expect
      .poll(async () => (await app.inject(`${base}/${name}`)).json<TopicDetail>().partitionCount)
      .toBe(3);
    const row = (await list(`search=${name}`)).items[0];
    expect(row).toMatchObject({ name, partitionCount: 3 });
    expect(row!.messageCount).toBe(0); // offsets of all three partitions, not of the one the cache knew
  });

  it('shows a topic another client creates within the cache age', async () => {
    const name = uniqueName('cached-other');
    expect((await list(`search=${name}`)).total).toBe(0);
    const admin = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic: name, numPartitions: 1 }] });
    } finally {
      await admin.disconnect();
    }
    // Kept fresh in the background meanwhile: no list needs to wait for it (nor can show it sooner).
    await expect
      .poll(async () => (await list(`search=${name}`)).total, {
        timeout: TOPIC_LIST_MAX_AGE_MS + 2000,
        interval: 500,
      })
      .toBe(1);
  });

  it('reads the metadata again in the background while topics are listed, and stops with the connection', async () => {
    const connection = new ClusterConnection(
      { name: 'warm', bootstrapServers: sharedKafkaBrokers() },
      { requestTimeoutMs: 30_000 },
    );
    const gateway = topicsGateway(connection);
    await gateway.listedTopics();
    const first = gateway.listedAt!;
    // No further list: the keep-warm round reads it again on its own.
    await expect.poll(() => gateway.listedAt, { timeout: 8000, interval: 200 }).toBeGreaterThan(first);
    await connection.close();
    expect(gateway.listedAt).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, TOPIC_LIST_MAX_AGE_MS));
    expect(gateway.listedAt).toBeUndefined(); // no read on the closed connection
  });
});
