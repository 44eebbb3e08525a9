import { describe, expect, it } from 'vitest';
import type { CommitHistory, LagHistory } from '@tributary/contract';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { buildTestApp } from './helpers.ts';
import { createTopicWithMessages, eventually, produce, pythonConsume } from './consumer-groups-fixtures.ts';

describe('consumer groups: commit history and lag over time', async () => {
  const brokers = sharedKafkaBrokers();
  // A lag topic of this file's own: samples live in Kafka, shared by every server (and every app here).
  const lagTopic = `__tributary_lag_history-${uniqueName('t')}`;
  const lagApp = (watched?: string) =>
    buildApp(
      loadConfig({
        KAFKA_BROKERS: brokers.join(','),
        LOG_LEVEL: 'silent',
        TRIBUTARY_LAG_HISTORY_TOPIC: lagTopic,
        TRIBUTARY_LAG_SAMPLE_MS: '300',
        ...(watched ? { TRIBUTARY_WATCHED_GROUPS: watched } : {}),
      }),
      { logger: false },
    );

  it('decodes the commits of a kafka-python-ng group from __consumer_offsets, metadata included', async () => {
    const app = await buildTestApp();
    const topic = uniqueName('cg-hist');
    const group = uniqueName('cgh');
    await createTopicWithMessages(brokers, topic, 2, 10);
    const started = Date.now();
    await pythonConsume(brokers, group, topic, 20, 'batch-1');
    const res = await app.inject(`/api/clusters/local/consumer-groups/${group}/commits?limit=50`);
    expect(res.statusCode, res.body).toBe(200);
    const history = res.json<CommitHistory>();
    expect(history.commits.map((c) => [c.topic, c.partition, c.offset, c.metadata]).sort()).toEqual([
      [topic, 0, 10, 'batch-1'],
      [topic, 1, 10, 'batch-1'],
    ]);
    for (const c of history.commits) {
      expect(c.group).toBe(group);
      expect(c.commitTimestamp).toBeGreaterThanOrEqual(started - 1000);
      expect(c.commitTimestamp).toBeLessThanOrEqual(Date.now());
    }
    // an administrator's reset is a commit too, and shows up last
    await app.inject({
      method: 'POST',
      url: `/api/clusters/local/consumer-groups/${group}/offsets`,
      payload: { topic, partitions: [1], to: 'offset', value: 4, dryRun: false },
    });
    const after = (
      await app.inject(`/api/clusters/local/consumer-groups/${group}/commits?limit=1`)
    ).json<CommitHistory>();
    expect(after.commits).toEqual([
      expect.objectContaining({ topic, partition: 1, offset: 4, metadata: '' }),
    ]);
    expect(after.commits[0]!.logOffset).toBeGreaterThan(Math.max(...history.commits.map((c) => c.logOffset)));
  });

  it('samples the lag of a watched group per topic into Kafka, and another server (or a restart) shows the same chart', async () => {
    const topic = uniqueName('cg-lag');
    const group = uniqueName('cgl');
    await createTopicWithMessages(brokers, topic, 2, 5);
    await pythonConsume(brokers, group, topic, 10); // caught up: lag 0
    let app = await lagApp();
    const history = async () => {
      const res = await app.inject(`/api/clusters/local/consumer-groups/${group}/lag-history?minutes=60`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<LagHistory>();
    };
    await history(); // opening the page watches the group
    await eventually(async () => expect((await history()).series[0]?.points.at(-1)?.lag).toBe(0));
    await produce(brokers, topic, 2, 7);
    const grown = await eventually(async () => {
      const h = await history();
      expect(h.series.map((s) => s.topic)).toEqual([topic]);
      expect(h.series[0]?.points.at(-1)?.lag).toBe(14);
      return h;
    });
    expect(grown.intervalMs).toBe(300);
    const points = grown.series[0]!.points;
    expect(points.some((p) => p.lag === 0)).toBe(true);
    expect(points.map((p) => p.time)).toEqual([...points.map((p) => p.time)].sort((a, b) => a - b));
    await app.close();

    app = await lagApp();
    try {
      const restored = (await history()).series[0]!.points;
      expect(restored.slice(0, points.length)).toEqual(points);
    } finally {
      await app.close();
    }
  });

  it("samples the same lag as the group page's total, never-committed partitions included", async () => {
    const topic = uniqueName('cg-lag-part');
    const group = uniqueName('cglp');
    await createTopicWithMessages(brokers, topic, 3, 4);
    const app = await lagApp();
    try {
      // Commit partition 0 only (at 1): partitions 1 and 2 were never committed, their whole log is lag.
      const reset = await app.inject({
        method: 'POST',
        url: `/api/clusters/local/consumer-groups/${group}/offsets`,
        payload: { topic, partitions: [0], to: 'offset', value: 1, dryRun: false },
      });
      expect(reset.statusCode, reset.body).toBe(200);
      const page = await app.inject(`/api/clusters/local/consumer-groups/${group}`);
      expect(page.json<{ totalLag: number }>().totalLag).toBe(3 + 4 + 4);
      await eventually(async () => {
        const res = await app.inject(`/api/clusters/local/consumer-groups/${group}/lag-history?minutes=60`);
        expect(res.json<LagHistory>().series[0]?.points.at(-1)?.lag).toBe(11);
      });
    } finally {
      await app.close();
    }
  });

  it('an unknown group answers 404 for its page, commits and lag history, and is neither watched nor stored', async () => {
    const app = await lagApp();
    try {
      const group = uniqueName('cgh-nope');
      for (const path of ['', '/commits', '/lag-history']) {
        const res = await app.inject(`/api/clusters/local/consumer-groups/${group}${path}`);
        expect(res.statusCode, path).toBe(404);
        expect(res.json()).toEqual({
          requestId: expect.any(String),
          code: 'NOT_FOUND',
          message: `Consumer group "${group}" does not exist on cluster local.`,
        });
      }
      await new Promise((r) => setTimeout(r, 1000)); // three sampling rounds
      expect(app.lagSampler.watchedGroups()).toEqual([]);
      expect((await app.lagSampler.history('local', group, 60)).series).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('samples a group listed as watched in the config without any page open', async () => {
    const topic = uniqueName('cg-lag-cfg');
    const group = uniqueName('cglc');
    await createTopicWithMessages(brokers, topic, 1, 6);
    await pythonConsume(brokers, group, topic, 4); // lag 2
    const app = await lagApp(`local/${group}`);
    try {
      // read the store directly: an HTTP request would itself start watching the group
      const points = await eventually(
        async () => {
          const h = await app.lagSampler.history('local', group, 60);
          expect(h.series[0]?.points.length).toBeGreaterThanOrEqual(2);
          return h.series[0]!.points;
        },
        15_000,
        300,
      );
      expect(points.every((p) => p.lag === 2)).toBe(true);
      expect(app.lagSampler.watchedGroups()).toEqual([{ cluster: 'local', group }]);
    } finally {
      await app.close();
    }
  });
});
