// Saved messages live in a compacted Kafka topic: a second app on the same broker sees what the first saved.
import { describe, expect, it } from 'vitest';
import type { ErrorBody, Template, TemplateList } from '@tributary/contract';
import { uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { groupsTouching, kafkaTools } from './messages-helpers.ts';

describe('saved messages', async () => {
  const topic = `__tributary_templates-${uniqueName('tpl')}`;
  const [one, two] = await Promise.all([
    buildTestApp([], { templates: { topic } }),
    buildTestApp([], { templates: { topic } }),
  ]);
  const { admin } = await kafkaTools();
  const base = '/api/clusters/local/templates';
  const list = async (app: typeof one) => {
    const res = await app.inject(base);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TemplateList>().templates;
  };
  const message = {
    name: 'order created',
    topic: 'orders',
    key: 'order-1',
    value: '{"id":1}',
    headers: [{ key: 'source', value: 'tributary' }],
    partition: 0,
  };

  it('saves on one server, lists on another, deletes on both', async () => {
    const saved = await one.inject({ method: 'POST', url: base, payload: message });
    expect(saved.statusCode, saved.body).toBe(201);
    const template = saved.json<Template>();
    expect(template).toMatchObject({ ...message, cluster: 'local' });

    expect(await list(two)).toEqual([template]);
    // Saved again under the same name: replaced, not doubled.
    const again = await two.inject({ method: 'POST', url: base, payload: { ...message, value: '{"id":2}' } });
    expect(again.json<Template>().id).toBe(template.id);
    expect((await list(one)).map((t) => t.value)).toEqual(['{"id":2}']);

    const config = await admin.describeConfigs({
      resources: [{ type: 2, name: topic, configNames: ['cleanup.policy'] }],
      includeSynonyms: false,
    });
    expect(config.resources[0]!.configEntries[0]!.configValue).toBe('compact');
    expect(await groupsTouching(admin, topic)).toEqual([]);

    const deleted = await two.inject({ method: 'DELETE', url: `${base}/${template.id}` });
    expect(deleted.statusCode).toBe(204);
    expect(await list(one)).toEqual([]);
    expect(await list(two)).toEqual([]);
    const gone = await one.inject({ method: 'DELETE', url: `${base}/${template.id}` });
    expect(gone.statusCode).toBe(404);
  });

  it('exports as JSON and imports the export back, on another server', async () => {
    const a = (
      await one.inject({ method: 'POST', url: base, payload: { ...message, name: 'a' } })
    ).json<Template>();
    await one.inject({ method: 'POST', url: base, payload: { name: 'b', topic: 'other', value: null } });
    const exported = await one.inject(base);
    const body = exported.json<TemplateList>();
    expect(body.templates.map((t) => t.name)).toEqual(['a', 'b']);

    for (const t of body.templates) await one.inject({ method: 'DELETE', url: `${base}/${t.id}` });
    expect(await list(two)).toEqual([]);

    const imported = await two.inject({
      method: 'POST',
      url: `${base}/import`,
      payload: JSON.parse(exported.body),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    // Twice: the kept ids replace rather than duplicate.
    await two.inject({ method: 'POST', url: `${base}/import`, payload: JSON.parse(exported.body) });
    const back = await list(one);
    expect(back.map((t) => [t.id, t.name, t.topic, t.key, t.value])).toEqual(
      body.templates.map((t) => [t.id, t.name, t.topic, t.key, t.value]),
    );
    expect(back.find((t) => t.id === a.id)?.headers).toEqual(message.headers);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [string, object, string][] = [
      [base, { ...message, name: '' }, 'name'],
      [base, { ...message, topic: undefined }, 'topic'],
      [base, { ...message, partition: -1 }, 'partition'],
      [base, { ...message, headers: [{ key: '', value: 'x' }] }, 'headers.0.key'],
      [`${base}/import`, { templates: [{ ...message, id: 'no spaces allowed' }] }, 'templates.0.id'],
      [`${base}/import`, { templates: 'nope' }, 'templates'],
    ];
    for (const [url, payload, field] of cases) {
      const res = await one.inject({ method: 'POST', url, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const err = res.json<ErrorBody>();
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain(`"${field}"`);
    }
  });
});
