// The group list asks the log-end offsets of all the page's topics at once (GroupsGateway.topicBoundsBatched):
// each group's lag must still be counted on its own topics and partitions only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupList } from '@tributary/contract';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { ClusterConnection } from '../src/kafka/cluster-connection.ts';
import { commitGroupOffsets } from '../src/kafka/admin/consumer-groups.ts';
import { groupsGateway } from '../src/kafka/groups-gateway.ts';
import { buildTestApp } from './helpers.ts';
import { createTopicWithMessages } from './consumer-groups-fixtures.ts';

describe('consumer group list: lag of a page over several topics', async () => {
  const app = await buildTestApp();
  const brokers = sharedKafkaBrokers();
  const connection = new ClusterConnection(
    { name: 'arrange', bootstrapServers: brokers },
    { requestTimeoutMs: 30_000 },
  );
  afterAll(() => connection.close());
  const prefix = uniqueName('cglist');
  const [wide, narrow] = [`${prefix}-wide`, `${prefix}-narrow`];

  beforeAll(async () => {
    await createTopicWithMessages(brokers, wide, 3, 10); // log-end 10 on each partition
    await createTopicWithMessages(brokers, narrow, 1, 4);
    // Committed like an administrator: no member joins, the groups stay Empty.
    await commitGroupOffsets(connection, `${prefix}-a`, [
      { topic: wide, partition: 0, offset: 10 },
      { topic: wide, partition: 1, offset: 7 },
    ]);
    await commitGroupOffsets(connection, `${prefix}-b`, [
      { topic: wide, partition: 2, offset: 1 },
      { topic: narrow, partition: 0, offset: 1 },
    ]);
    await commitGroupOffsets(connection, `${prefix}-c`, [{ topic: narrow, partition: 0, offset: 4 }]);
  }, 120_000);

  it('counts each group on its own topics, never-committed partitions included', async () => {
    const list = (
      await app.inject(`/api/clusters/local/consumer-groups?search=${prefix}&perPage=25`)
    ).json<GroupList>();
    expect(list.warnings).toBeUndefined();
    expect(
      list.items.map(({ groupId, state, topics, totalLag }) => ({ groupId, state, topics, totalLag })),
    ).toEqual([
      // wide: 0 + 3 + 10 (partition 2 never committed: all of it)
      { groupId: `${prefix}-a`, state: 'Empty', topics: 1, totalLag: 13 },
      // wide: 10 + 10 (partitions 0 and 1 never committed) + 9; narrow: 3
      { groupId: `${prefix}-b`, state: 'Empty', topics: 2, totalLag: 32 },
      { groupId: `${prefix}-c`, state: 'Empty', topics: 1, totalLag: 0 },
    ]);
  });

  it('reads the bounds of many topics in one go, as the per-topic reads do; unknown topics are left out', async () => {
    const groups = groupsGateway(connection);
    const topics = [wide, narrow, `${prefix}-missing`];
    const batched = await groups.topicBoundsBatched(topics);
    expect(batched.unknown).toEqual(new Map());
    expect(batched.bounds).toEqual(await groups.topicBounds(topics));
    expect([...batched.bounds.keys()].sort()).toEqual([narrow, wide]);
    expect(batched.bounds.get(wide)).toEqual(new Map([0, 1, 2].map((p) => [p, { low: 0, high: 10 }])));
  });
});
