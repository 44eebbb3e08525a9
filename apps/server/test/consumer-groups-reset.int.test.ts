import { beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import type { ErrorBody, GroupDetail, ResetOffsetsBody, ResetOffsetsResult } from '@tributary/contract';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import {
  createTopic,
  createTopicWithMessages,
  describeWithTool,
  eventually,
  kcatConsume,
  kcatMember,
  pythonConsume,
} from './consumer-groups-fixtures.ts';

describe('consumer groups: reset offsets, delete', async () => {
  const app = await buildTestApp();
  const brokers = sharedKafkaBrokers();
  const topic = uniqueName('cg-reset');
  const timed = uniqueName('cg-reset-ts');
  const group = uniqueName('cgr');
  const T0 = Date.UTC(2024, 0, 1);

  beforeAll(async () => {
    await createTopicWithMessages(brokers, topic, 3, 20);
    // 10 messages per partition, one second apart from T0, for the timestamp target
    // retention.ms -1: the broker's retention check would otherwise delete records stamped in 2024 (7 days)
    await createTopic(brokers, timed, 2, [{ name: 'retention.ms', value: '-1' }]);
    const kafka = new Kafka({ clientId: 'cg-test', brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    for (const partition of [0, 1])
      await producer.send({
        topic: timed,
        messages: Array.from({ length: 10 }, (_, i) => ({
          partition,
          value: `t${i}`,
          timestamp: String(T0 + i * 1000),
        })),
      });
    await producer.disconnect();
    await pythonConsume(brokers, group, topic, 30);
  }, 120_000);

  const reset = async (g: string, body: ResetOffsetsBody) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/clusters/local/consumer-groups/${g}/offsets`,
      payload: body,
    });
    return { status: res.statusCode, body: res.json<ResetOffsetsResult & ErrorBody>() };
  };
  const execute = async (g: string, body: ResetOffsetsBody) => {
    const r = await reset(g, { ...body, dryRun: false });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const toolOffsets = async (g: string) =>
    (await describeWithTool(brokers, g)).map((r) => `${r.topic}:${r.partition}=${r.currentOffset}`);
  const offsetsOf = async (g: string) => (await describeWithTool(brokers, g)).map((r) => r.currentOffset);

  it('a dry run (the default) answers the plan and changes nothing', async () => {
    const before = await describeWithTool(brokers, group);
    const { status, body } = await reset(group, { to: 'earliest' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, executed: false, clampedCount: 0, blockedReason: null });
    expect(body.rows).toEqual(
      before.map((r) => ({
        topic,
        partition: r.partition,
        currentOffset: r.currentOffset,
        newOffset: 0,
        lagBefore: r.lag,
        lagAfter: 20,
        requestedOffset: 0,
        clamped: null,
      })),
    );
    expect(await describeWithTool(brokers, group)).toEqual(before);
  });

  it('executes earliest, latest and offset as kafka-consumer-groups then shows, without leaving a member', async () => {
    await execute(group, { topic, to: 'earliest' });
    expect(await offsetsOf(group)).toEqual([0, 0, 0]);
    expect((await describeWithTool(brokers, group)).map((r) => r.lag)).toEqual([20, 20, 20]);
    await execute(group, { to: 'latest' });
    expect(await offsetsOf(group)).toEqual([20, 20, 20]);
    const r = await execute(group, { to: 'offset', value: 7 });
    expect(r.rows.map((x) => [x.currentOffset, x.newOffset, x.lagBefore, x.lagAfter])).toEqual([
      [20, 7, 0, 13],
      [20, 7, 0, 13],
      [20, 7, 0, 13],
    ]);
    expect(await offsetsOf(group)).toEqual([7, 7, 7]);
    // committed like the AdminClient: no member joined, no generation left behind
    const detail = (await app.inject(`/api/clusters/local/consumer-groups/${group}`)).json<GroupDetail>();
    expect(detail).toMatchObject({ state: 'Empty', members: [] });
  });

  it('shifts by ±n and clamps to the valid range, saying where', async () => {
    await execute(group, { to: 'offset', value: 5 });
    const back = await execute(group, { to: 'shift', value: -3 });
    expect(back.rows.map((x) => x.newOffset)).toEqual([2, 2, 2]);
    expect(await offsetsOf(group)).toEqual([2, 2, 2]);
    const under = await execute(group, { to: 'shift', value: '-10' });
    expect(under.clampedCount).toBe(3);
    expect(under.rows.map((x) => [x.requestedOffset, x.newOffset, x.clamped])).toEqual([
      [-8, 0, 'earliest'],
      [-8, 0, 'earliest'],
      [-8, 0, 'earliest'],
    ]);
    const over = await execute(group, { to: 'offset', value: 1000 });
    expect(over.rows.map((x) => [x.newOffset, x.clamped])).toEqual([
      [20, 'latest'],
      [20, 'latest'],
      [20, 'latest'],
    ]);
    expect(await offsetsOf(group)).toEqual([20, 20, 20]);
  });

  it('resets chosen partitions only', async () => {
    await execute(group, { topic, partitions: [1], to: 'earliest' });
    expect(await toolOffsets(group)).toEqual([`${topic}:0=20`, `${topic}:1=0`, `${topic}:2=20`]);
  });

  it('resets to a timestamp (ms or ISO date); after the last record means the end', async () => {
    const g = uniqueName('cgr-ts');
    const r = await execute(g, { topic: timed, to: 'timestamp', value: T0 + 4500 });
    expect(r.rows.map((x) => x.newOffset)).toEqual([5, 5]);
    expect(await offsetsOf(g)).toEqual([5, 5]);
    await execute(g, { topic: timed, to: 'timestamp', value: new Date(T0 + 2000).toISOString() });
    expect(await offsetsOf(g)).toEqual([2, 2]);
    await execute(g, { topic: timed, to: 'timestamp', value: T0 + 3_600_000 });
    expect(await offsetsOf(g)).toEqual([10, 10]);
  });

  it('copies the offsets of another group', async () => {
    const source = uniqueName('cgr-src');
    await kcatConsume(brokers, source, topic, 45);
    const expected = await toolOffsets(source);
    const target = uniqueName('cgr-copy');
    await execute(target, { topic, to: 'group', value: source });
    expect(await toolOffsets(target)).toEqual(expected);
    // a numeric group id is a name, not a number: its leading zero must survive the request
    const numeric = `0${Date.now()}${Math.floor(Math.random() * 1000)}`;
    await execute(numeric, { topic, to: 'offset', value: 3 });
    const copied = await execute(uniqueName('cgr-copy'), { topic, to: 'group', value: numeric });
    expect(copied.rows.map((r) => r.newOffset)).toEqual([3, 3, 3]);
  });

  it('answers bad input with a 4xx sentence', async () => {
    const cases: [ResetOffsetsBody, number, RegExp][] = [
      [{ to: 'offset' }, 400, /needs a value: the offset/],
      [
        { to: 'offset', value: 'abc' },
        400,
        /needs the offset to move to \(a whole number\).*"abc" is not one/,
      ],
      [{ to: 'shift', value: '1.5' }, 400, /needs how many offsets to shift by/],
      [{ to: 'timestamp', value: 'yesterday-ish' }, 400, /needs a time .*"yesterday-ish" is not one/],
      [{ to: 'timestamp', value: -5 }, 400, /needs a time/],
      [{ to: 'timestamp', value: 'May 3' }, 400, /needs a time/],
      [{ topic: 'no-such-topic-cg', to: 'earliest' }, 404, /does not exist/],
      [{ topic, partitions: [7], to: 'earliest' }, 400, /partitions 0-2; 7 is not one of them/],
      [{ partitions: [0], to: 'earliest' }, 400, /Choose a topic/],
      [{ to: 'group', value: group }, 400, /another group/],
    ];
    for (const [body, status, message] of cases) {
      const r = await reset(group, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.message).toMatch(message);
    }
    const unknown = await reset(uniqueName('cgr-none'), { to: 'earliest' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(
      /does not exist on cluster local\. To give a new group offsets, choose a topic\./,
    );
    const bad = await app.inject({
      method: 'POST',
      url: `/api/clusters/local/consumer-groups/${group}/offsets`,
      payload: { to: 'yesterday' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toBe(
      'Cannot reset to "yesterday": choose one of earliest, latest, timestamp, offset, shift, group.',
    );
  });

  it('refuses to reset or delete while a kcat member is running, then deletes the idle group', async () => {
    const g = uniqueName('cgr-live');
    const member = kcatMember(brokers, g, topic);
    try {
      await eventually(async () => {
        const d = (await app.inject(`/api/clusters/local/consumer-groups/${g}`)).json<GroupDetail>();
        expect(d.state).toBe('Stable');
        expect(d.offsets.filter((r) => r.currentOffset !== null)).toHaveLength(3);
      }, 45_000);
      const refused = await reset(g, { to: 'earliest', dryRun: false });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/1 active member\(s\).*Stop its consumers first/);
      const dry = await reset(g, { to: 'earliest' });
      expect(dry.status).toBe(200);
      expect(dry.body.blockedReason).toMatch(/active member/);
      const del = await app.inject({ method: 'DELETE', url: `/api/clusters/local/consumer-groups/${g}` });
      expect(del.statusCode).toBe(409);
      expect(del.json<ErrorBody>().message).toMatch(/was not deleted/);
      const delOffsets = await app.inject({
        method: 'DELETE',
        url: `/api/clusters/local/consumer-groups/${g}/offsets?topic=${topic}`,
      });
      expect(delOffsets.statusCode).toBe(409);
      expect(delOffsets.json<ErrorBody>().message).toMatch(/active members reading/);
      expect((await offsetsOf(g)).filter((o) => o !== null)).toHaveLength(3); // nothing was deleted
    } finally {
      await member.stop();
    }
    await eventually(async () => {
      const d = (await app.inject(`/api/clusters/local/consumer-groups/${g}`)).json<GroupDetail>();
      expect(d.state).toBe('Empty');
    });
    const del = await app.inject({ method: 'DELETE', url: `/api/clusters/local/consumer-groups/${g}` });
    expect(del.statusCode, del.body).toBe(204);
    expect((await app.inject(`/api/clusters/local/consumer-groups/${g}`)).statusCode).toBe(404);
  });

  it("deletes a group's offsets for one topic and keeps the others", async () => {
    const g = uniqueName('cgr-del');
    await execute(g, { topic, to: 'offset', value: 3 });
    await execute(g, { topic: timed, to: 'offset', value: 4 });
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/clusters/local/consumer-groups/${g}/offsets?topic=${timed}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ groupId: g, topic: timed, partitions: [0, 1] });
    expect(await toolOffsets(g)).toEqual([`${topic}:0=3`, `${topic}:1=3`, `${topic}:2=3`]);
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/clusters/local/consumer-groups/${g}/offsets?topic=${timed}`,
    });
    expect(again.statusCode).toBe(404);
  });
});
