import { describe, expect, it } from 'vitest';
import type { ErrorBody, Schedule, ScheduleList, ScheduleRun, ScheduleRuns } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { createTopic, groupsTouching, kafkaTools } from './messages-helpers.ts';
import { kcatValues, ownScheduleTopics, until } from './schedules-helpers.ts';

describe('schedules', async () => {
  const topics = ownScheduleTopics('sched');
  const app = await buildTestApp([], { schedules: topics });
  const { admin } = await kafkaTools();
  const base = '/api/clusters/local/schedules';
  const create = (payload: object) => app.inject({ method: 'POST', url: base, payload });
  const get = async (id: string) => (await app.inject(`${base}/${id}`)).json<Schedule>();

  it('every 200ms, count 10: exactly ten messages, {{seq}} 1..10, then done', async () => {
    const topic = await createTopic(admin, 'sched-every');
    const res = await create({
      name: 'ten',
      topic,
      value: 'n={{seq}}',
      trigger: { every: '200ms', count: 10 },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<Schedule>();
    expect(created).toMatchObject({ cluster: 'local', status: 'active', sent: 0 });
    expect(created.nextRuns).toHaveLength(5);
    await until('ten messages sent', async () =>
      (await get(created.id)).status === 'done' ? true : undefined,
    );
    expect(await kcatValues(topic)).toEqual(Array.from({ length: 10 }, (_, i) => `n=${i + 1}`));
    const done = await get(created.id);
    expect(done).toMatchObject({ sent: 10, failures: 0, nextRuns: [] });
    const runs = (await app.inject(`${base}/${created.id}/runs`)).json<ScheduleRuns>().runs;
    expect(runs.map((r) => r.seq)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(runs[0]).toMatchObject({ partition: 0, offset: '9' });
    const list = (await app.inject(base)).json<ScheduleList>();
    expect(list.schedules.map((s) => s.id)).toContain(created.id);
    // The schedule's own group reads only Tributary's topic, never the user's.
    expect(await groupsTouching(admin, topic)).toEqual([]);
  });

  it('`at` fires once; values go in turn; key and headers are rendered', async () => {
    const topic = await createTopic(admin, 'sched-at');
    const at = new Date(Date.now() + 1500).toISOString();
    const res = await create({
      name: 'once',
      topic,
      values: ['first {{seq}}', 'second'],
      key: 'k-{{seq}}',
      headers: [{ key: 'n', value: '{{randomInt 5 5}}' }],
      trigger: { at },
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<Schedule>();
    await until('the one run', async () => ((await get(id)).status === 'done' ? true : undefined));
    await new Promise((r) => setTimeout(r, 500));
    expect(await kcatValues(topic)).toEqual(['first 1']);
    const { stdout } = await import('node:child_process').then(({ execFileSync }) => ({
      stdout: execFileSync('kcat', [
        '-b',
        app.config.clusters[0]!.bootstrapServers.join(','),
        '-C',
        '-t',
        topic,
        '-e',
        '-q',
        '-f',
        '%k %h\n',
      ]).toString(),
    }));
    expect(stdout.trim()).toBe('k-1 n=5');
  });

  it('pause, resume, run-now, PUT and DELETE', async () => {
    const topic = await createTopic(admin, 'sched-actions');
    const { id } = (
      await create({ name: 'slow', topic, value: 'v{{seq}}', trigger: { every: '1h' } })
    ).json<Schedule>();
    await until('the first tick', async () => ((await get(id)).sent === 1 ? true : undefined));
    const paused = await app.inject({ method: 'POST', url: `${base}/${id}/actions/pause` });
    expect(paused.json<Schedule>()).toMatchObject({ status: 'paused', nextRuns: [] });
    const now = await app.inject({ method: 'POST', url: `${base}/${id}/actions/run-now` });
    expect(now.statusCode).toBe(201);
    expect(now.json<ScheduleRun>()).toMatchObject({ seq: 2, manual: true, partition: 0, offset: '1' });
    const resumed = await app.inject({ method: 'POST', url: `${base}/${id}/actions/resume` });
    expect(resumed.json<Schedule>().status).toBe('active');
    await until('the tick after resuming', async () => ((await get(id)).sent === 2 ? true : undefined));
    expect(await kcatValues(topic)).toEqual(['v1', 'v2', 'v2']);
    const put = await app.inject({
      method: 'PUT',
      url: `${base}/${id}`,
      payload: { name: 'renamed', topic, value: 'w', trigger: { every: '2h' } },
    });
    expect(put.json<Schedule>()).toMatchObject({ name: 'renamed', sent: 2 });
    expect((await app.inject({ method: 'DELETE', url: `${base}/${id}` })).statusCode).toBe(204);
    expect((await app.inject(`${base}/${id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `${base}/${id}/actions/pause` })).statusCode).toBe(404);
  });

  it('pauses itself with the reason when its topic is deleted', async () => {
    const topic = await createTopic(admin, 'sched-gone');
    const { id } = (
      await create({ name: 'gone', topic, value: 'x', trigger: { every: '300ms' } })
    ).json<Schedule>();
    await until('a first message', async () => ((await get(id)).sent > 0 ? true : undefined));
    await admin.deleteTopics({ topics: [topic] });
    const paused = await until('the pause', async () => {
      const s = await get(id);
      return s.status === 'paused' ? s : undefined;
    });
    expect(paused.pausedReason).toMatch(new RegExp(`Topic "${topic}" does not exist.*paused itself`));
    const runs = (await app.inject(`${base}/${id}/runs`)).json<ScheduleRuns>().runs;
    expect(runs[0]?.error).toContain('does not exist');
    expect(paused.failures).toBeGreaterThan(0);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const topic = await createTopic(admin, 'sched-bad');
    const cases: [object, string][] = [
      [{ trigger: { cron: 'not a cron' } }, 'trigger.cron'],
      [{ trigger: { every: '5ms' } }, 'trigger.every'],
      [{ trigger: { every: '1s', count: 0 } }, 'trigger.count'],
      [{ value: 'hello {{name}}' }, 'value'],
    ];
    for (const [change, field] of cases) {
      const res = await create({ name: 'bad', topic, value: 'v', trigger: { every: '1s' }, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      const body = res.json<ErrorBody>();
      expect(body.code).toBe('BAD_REQUEST');
      expect(body.message).toContain(`"${field}"`);
    }
    const missing = await create({ name: 'x', topic: `${topic}-nope`, value: 'v', trigger: { every: '1s' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().message).toContain('does not exist');
    const noTrigger = await create({ name: 'x', topic, value: 'v' });
    expect(noTrigger.statusCode).toBe(400);
    expect(noTrigger.json<ErrorBody>().message).toContain('"trigger"');
  });
});
