import { describe, expect, it } from 'vitest';
import type { ErrorBody, Message, MessagePage } from '@tributary/contract';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { buildTestApp } from './helpers.ts';
import { createTopic, kafkaTools, send } from './messages-helpers.ts';

describe('export', async () => {
  const app = await buildTestApp();
  const { admin, producer } = await kafkaTools();
  const topic = await createTopic(admin, 'export', 2);
  const base = Date.UTC(2024, 0, 1);
  await send(
    producer,
    topic,
    Array.from({ length: 50 }, (_, i) => ({
      partition: i % 2,
      key: i === 3 ? null : `k${i}`,
      value: i === 4 ? null : `{"n":${i},"text":"a, \\"quoted\\"\\nline"}`,
      timestamp: String(base + i),
      headers: { h: `v${i}` },
    })),
  );
  const url = (qs: string) => `/api/clusters/local/topics/${topic}/messages/export?${qs}`;

  it('streams JSON Lines of the current result: seek, filter and limit', async () => {
    const res = await app.inject(
      url('format=jsonl&seek=oldest&filter=' + encodeURIComponent('partition == 0') + '&limit=10'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`attachment; filename="${topic}-.*\\.jsonl"`),
    );
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Message);
    expect(lines.map((m) => m.key?.text)).toEqual([
      'k0',
      'k2',
      'k4',
      'k6',
      'k8',
      'k10',
      'k12',
      'k14',
      'k16',
      'k18',
    ]);
    expect(lines[2]?.value).toBeNull();
    expect(lines[0]).toMatchObject({
      partition: 0,
      offset: '0',
      timestamp: base,
      headers: [{ key: 'h', value: { text: 'v0' } }],
    });
  });

  it('streams CSV with quoted fields, null as empty cells and headers as JSON', async () => {
    const res = await app.inject(url('format=csv&seek=oldest&partitions=1&limit=2'));
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body).toBe(
      'partition,offset,timestamp,timestampType,key,value,headers\n' +
        `1,0,2024-01-01T00:00:00.001Z,CreateTime,k1,"{\n  ""n"": 1,\n  ""text"": ""a, \\""quoted\\""\\nline""\n}","{""h"":""v1""}"\n` +
        `1,1,2024-01-01T00:00:00.003Z,CreateTime,,"{\n  ""n"": 3,\n  ""text"": ""a, \\""quoted\\""\\nline""\n}","{""h"":""v3""}"\n`,
    );
  });

  it('exports a search result: its scope (time window, last N per partition) and filters', async () => {
    const parse = (body: string) =>
      body
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as Message).key?.text ?? null);
    const last = await app.inject(
      url('format=jsonl&scope=last&lastN=2&filter=' + encodeURIComponent('value.n < 48')),
    );
    expect(last.statusCode).toBe(200);
    expect(parse(last.body)).toEqual(['k46', 'k47']);
    const window = await app.inject(
      url(`format=jsonl&scope=time&from=${base + 10}&to=${new Date(base + 14).toISOString()}&partitions=0`),
    );
    expect(parse(window.body)).toEqual(['k10', 'k12', 'k14']);
    const bad = await app.inject(url('format=csv&scope=time'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toMatch(/scope=time needs "from"/);
  });

  it('checks the query before streaming', async () => {
    const res = await app.inject(url('format=csv&filter=' + encodeURIComponent('key ==')));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toMatch(/Filter syntax error/);
  });

  it('answers 403 with a sentence when an administrator switched export off', async () => {
    const config = loadConfig({
      KAFKA_BROKERS: sharedKafkaBrokers().join(','),
      LOG_LEVEL: 'silent',
      TRIBUTARY_EXPORT_ENABLED: 'false',
    });
    const locked = await buildApp(config, { logger: false });
    try {
      // The page tells the UI, which then hides the export links and says why.
      const page = await locked.inject(`/api/clusters/local/topics/${topic}/messages?limit=1`);
      expect(page.json<MessagePage>().exportEnabled).toBe(false);
      const res = await locked.inject(url('format=jsonl'));
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>()).toEqual({
        requestId: expect.any(String),
        code: 'FORBIDDEN',
        message: 'Export is switched off on this server (exportEnabled is false in its configuration).',
      });
    } finally {
      await locked.close();
    }
  });
});
