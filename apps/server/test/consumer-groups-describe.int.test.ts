import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, GroupList, TopicConsumerGroups } from '@tributary/contract';
import { runKafkaTool } from '@tributary/local-kafka';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import {
  consoleConsume,
  consumerProtocolMember,
  createTopicWithMessages,
  describeWithTool,
  eventually,
  kcatConsume,
  kcatMember,
  pythonConsume,
} from './consumer-groups-fixtures.ts';

// Three real clients consume part of one topic; the API must answer what `kafka-consumer-groups` prints.
describe('consumer groups: list and describe', async () => {
  const app = await buildTestApp([{ name: 'gone', bootstrapServers: ['127.0.0.1:1'] }]);
  const brokers = sharedKafkaBrokers();
  const topic = uniqueName('cg-describe');
  const prefix = uniqueName('cgd');
  const groups = { kcat: `${prefix}-kcat`, python: `${prefix}-python`, console: `${prefix}-console` };

  beforeAll(async () => {
    await createTopicWithMessages(brokers, topic, 3, 30);
    await Promise.all([
      kcatConsume(brokers, groups.kcat, topic, 40),
      pythonConsume(brokers, groups.python, topic, 25),
      consoleConsume(brokers, groups.console, topic, 55),
    ]);
  }, 120_000);

  const detail = async (group: string) => {
    const res = await app.inject(`/api/clusters/local/consumer-groups/${encodeURIComponent(group)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<GroupDetail>();
  };

  it.each(Object.entries(groups))(
    'the %s group has the same per-partition rows as kafka-consumer-groups --describe',
    async (_, group) => {
      const [api, tool] = await Promise.all([detail(group), describeWithTool(brokers, group)]);
      expect(tool.length).toBeGreaterThan(0);
      // The tool's rows exactly; a partition of the topic the client never committed is added (tool: absent).
      expect(api.offsets.filter((r) => r.currentOffset !== null)).toEqual(tool);
      expect(api.offsets.map((r) => r.partition)).toEqual([0, 1, 2]);
      for (const row of api.offsets.filter((r) => r.currentOffset === null))
        expect(row).toMatchObject({ topic, logEndOffset: 30, lag: 30, consumerId: null });
      expect(api).toMatchObject({ groupId: group, state: 'Empty', type: 'classic', members: [] });
      // part of the topic: some lag is left, and it is the sum of the rows
      expect(api.totalLag).toBe(api.offsets.reduce((sum, r) => sum + (r.lag ?? 0), 0));
      expect(api.totalLag).toBeGreaterThan(0);
    },
  );

  it('lists the groups with search, state filter, paging and lag', async () => {
    const res = await app.inject(
      `/api/clusters/local/consumer-groups?search=${prefix.toUpperCase()}&perPage=2&page=1`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json<GroupList>();
    expect(first).toMatchObject({ total: 3, page: 1, perPage: 2 });
    const second = (
      await app.inject(`/api/clusters/local/consumer-groups?search=${prefix}&perPage=2&page=2`)
    ).json<GroupList>();
    const rows = [...first.items, ...second.items];
    expect(rows.map((r) => r.groupId)).toEqual(Object.values(groups).sort());
    for (const row of rows) {
      // The same total as the group's page.
      const page = await detail(row.groupId);
      expect(row).toEqual({
        groupId: row.groupId,
        state: 'Empty',
        type: 'classic',
        members: 0,
        topics: 1,
        totalLag: page.totalLag,
      });
    }
    const stable = (
      await app.inject(`/api/clusters/local/consumer-groups?search=${prefix}&state=Stable`)
    ).json<GroupList>();
    expect(stable.total).toBe(0);
  });

  it('lists the groups that read a topic, with their lag on it', async () => {
    const res = await app.inject(`/api/clusters/local/topics/${topic}/consumer-groups`);
    expect(res.statusCode, res.body).toBe(200);
    const consumers = res.json<TopicConsumerGroups>();
    expect(consumers.map((c) => c.groupId)).toEqual(Object.values(groups).sort());
    for (const c of consumers) {
      // What kafka-consumer-groups --describe prints, plus (like the group page) the partitions never committed.
      const tool = await describeWithTool(brokers, c.groupId);
      const rows = (p: {
        partition: number;
        currentOffset: number | null;
        logEndOffset: number;
        lag: number | null;
      }) => ({
        partition: p.partition,
        currentOffset: p.currentOffset,
        logEndOffset: p.logEndOffset,
        lag: p.lag,
      });
      expect(c.partitions).toEqual(expect.arrayContaining(tool.map(rows)));
      expect(c.partitions).toEqual((await detail(c.groupId)).offsets.map(rows));
    }
  });

  it('shows the partitions a group never committed (CURRENT-OFFSET "-", lag = the whole log) and counts them', async () => {
    const group = `${prefix}-partial`;
    const reset = await runKafkaTool('kafka-consumer-groups', [
      '--bootstrap-server',
      brokers.join(','),
      '--reset-offsets',
      '--group',
      group,
      '--topic',
      `${topic}:1`,
      '--to-offset',
      '12',
      '--execute',
    ]);
    expect(reset.code, reset.stderr).toBe(0);
    const api = await detail(group);
    expect(api.offsets).toEqual([
      {
        topic,
        partition: 0,
        currentOffset: null,
        logEndOffset: 30,
        lag: 30,
        consumerId: null,
        host: null,
        clientId: null,
      },
      {
        topic,
        partition: 1,
        currentOffset: 12,
        logEndOffset: 30,
        lag: 18,
        consumerId: null,
        host: null,
        clientId: null,
      },
      {
        topic,
        partition: 2,
        currentOffset: null,
        logEndOffset: 30,
        lag: 30,
        consumerId: null,
        host: null,
        clientId: null,
      },
    ]);
    expect(api.totalLag).toBe(78);
    const listed = (
      await app.inject(`/api/clusters/local/consumer-groups?search=${group}`)
    ).json<GroupList>();
    expect(listed.items).toMatchObject([{ groupId: group, totalLag: 78 }]);
    // The topic's Consumers tab counts the same partitions and the same lag.
    const onTopic = (
      await app.inject(`/api/clusters/local/topics/${topic}/consumer-groups`)
    ).json<TopicConsumerGroups>();
    const mine = onTopic.find((c) => c.groupId === group);
    expect(mine?.lag).toBe(78);
    expect(mine?.partitions).toEqual(
      api.offsets.map(({ partition, currentOffset, logEndOffset, lag }) => ({
        partition,
        currentOffset,
        logEndOffset,
        lag,
      })),
    );
  });

  it('describes an active kcat member: consumer id, host, client id and assignment as the tool prints them', async () => {
    const group = `${prefix}-live`;
    const member = kcatMember(brokers, group, topic);
    try {
      const api = await eventually(async () => {
        const d = await detail(group);
        expect(d.state).toBe('Stable');
        expect(d.offsets.every((r) => r.currentOffset === 90 / 3)).toBe(true); // caught up and committed
        return d;
      }, 45_000);
      const tool = await describeWithTool(brokers, group);
      expect(api.offsets).toEqual(tool);
      expect(api.members).toHaveLength(1);
      expect(api.members[0]).toMatchObject({
        clientId: 'rdkafka',
        assignments: [{ topic, partitions: [0, 1, 2] }],
      });
      expect(api.offsets.every((r) => r.consumerId === api.members[0]?.consumerId)).toBe(true);
      expect(api.assignmentStrategy).not.toBe('');
    } finally {
      await member.stop();
    }
  });

  it('sees a KIP-848 (consumer protocol) group with its type and members, where DescribeGroups says Dead', async () => {
    const group = `${prefix}-kip848`;
    const member = await consumerProtocolMember(brokers, group, topic);
    try {
      const api = await eventually(async () => {
        const d = await detail(group);
        expect(d.members).toHaveLength(1);
        expect(d.offsets.filter((r) => r.consumerId !== null)).toHaveLength(3);
        return d;
      }, 60_000);
      expect(api).toMatchObject({ type: 'consumer', state: 'Stable' });
      expect(api.members[0]).toMatchObject({
        clientId: 'kip848-client',
        assignments: [{ topic, partitions: [0, 1, 2] }],
      });
      const listed = (
        await app.inject(`/api/clusters/local/consumer-groups?search=${group}`)
      ).json<GroupList>();
      expect(listed.items).toEqual([
        expect.objectContaining({ groupId: group, type: 'consumer', state: 'Stable', members: 1, topics: 1 }),
      ]);
      const tool = await describeWithTool(brokers, group);
      expect(
        api.offsets.map(({ topic: t, partition, consumerId, host, clientId }) => ({
          t,
          partition,
          consumerId,
          host,
          clientId,
        })),
      ).toEqual(
        tool.map(({ topic: t, partition, consumerId, host, clientId }) => ({
          t,
          partition,
          consumerId,
          host,
          clientId,
        })),
      );
    } finally {
      await member.stop();
    }
    // once it is idle, an administrator's reset works on a consumer-protocol group too, and adds no member
    await eventually(async () => expect((await detail(group)).state).toBe('Empty'), 60_000);
    const reset = await app.inject({
      method: 'POST',
      url: `/api/clusters/local/consumer-groups/${group}/offsets`,
      payload: { to: 'earliest', dryRun: false },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await describeWithTool(brokers, group)).map((r) => r.currentOffset)).toEqual([0, 0, 0]);
    expect(await detail(group)).toMatchObject({ type: 'consumer', state: 'Empty', members: [] });
  });

  it('answers 503 with the reason when the cluster does not answer', async () => {
    const res = await app.inject('/api/clusters/gone/consumer-groups');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      requestId: expect.any(String),
      code: 'KAFKA_UNAVAILABLE',
      message: expect.stringMatching(/unavailable.*ECONNREFUSED/),
    });
  });

  it('answers 404 with a sentence for an unknown group', async () => {
    const res = await app.inject(`/api/clusters/local/consumer-groups/${prefix}-nope`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      requestId: expect.any(String),
      code: 'NOT_FOUND',
      message: expect.stringContaining('does not exist'),
    });
  });
});
