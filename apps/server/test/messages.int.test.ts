import { describe, expect, it } from 'vitest';
import type { ErrorBody, Message } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { browse, createTopic, groupsTouching, kafkaTools, send } from './messages-helpers.ts';

describe('browse messages', async () => {
  const app = await buildTestApp();
  const { admin, producer } = await kafkaTools();
  const base = Date.now() - 100_000;

  // 3 partitions, 10 messages each, timestamps interleaved: m0 (p0) < m1 (p1) < m2 (p2) < m3 (p0) ...
  const topic = await createTopic(admin, 'browse', 3);
  await send(
    producer,
    topic,
    Array.from({ length: 30 }, (_, i) => ({
      partition: i % 3,
      key: `k${i}`,
      value: JSON.stringify({ n: i, user: { age: 20 + i } }),
      timestamp: String(base + i * 1000),
      headers: { idx: String(i) },
    })),
  );

  it('seek=oldest reads forward over all partitions in time order, with a cursor', async () => {
    const first = await browse(app, topic, { seek: 'oldest', limit: 7 });
    expect(first.messages.map((m) => m.key?.text)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
    expect(first.partitions).toEqual([
      { partition: 0, low: '0', high: '10' },
      { partition: 1, low: '0', high: '10' },
      { partition: 2, low: '0', high: '10' },
    ]);
    const seen = [...first.messages];
    let cursor = first.cursor;
    while (cursor) {
      const page = await browse(app, topic, { limit: 7, cursor });
      seen.push(...page.messages);
      cursor = page.cursor;
    }
    expect(seen.map((m) => m.key?.text)).toEqual(Array.from({ length: 30 }, (_, i) => `k${i}`));
  });

  it('seek=newest answers the last N spread over partitions, newest first, and pages backward', async () => {
    const page = await browse(app, topic, { seek: 'newest', limit: 5 });
    expect(page.messages.map((m) => m.key?.text)).toEqual(['k29', 'k28', 'k27', 'k26', 'k25']);
    expect(page.exportEnabled).toBe(true);
    const next = await browse(app, topic, { limit: 5, cursor: page.cursor! });
    expect(next.messages.map((m) => m.key?.text)).toEqual(['k24', 'k23', 'k22', 'k21', 'k20']);
    const oldestFirst = await browse(app, topic, { seek: 'newest', limit: 3, order: 'oldest-first' });
    expect(oldestFirst.messages.map((m) => m.key?.text)).toEqual(['k27', 'k28', 'k29']);
    const newestFirst = await browse(app, topic, { seek: 'oldest', limit: 3, order: 'newest-first' });
    expect(newestFirst.messages.map((m) => m.key?.text)).toEqual(['k2', 'k1', 'k0']);
  });

  it('cursor pages continue exactly, without a duplicate or a gap, in every seek mode', async () => {
    const keysOf = async (first: Record<string, string | number>, extra: Record<string, string> = {}) => {
      const seen: string[] = [];
      let page = await browse(app, topic, { ...first, ...extra, limit: 4 });
      for (let n = 0; ; n++) {
        seen.push(...page.messages.map((m) => m.key!.text));
        if (!page.cursor || n > 20) return seen;
        page = await browse(app, topic, { ...extra, limit: 4, cursor: page.cursor });
      }
    };
    const k = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `k${from + i}`);
    expect(await keysOf({ seek: 'newest' })).toEqual(k(0, 30).reverse());
    expect(await keysOf({ seek: 'timestamp', timestamp: base + 11_000 })).toEqual(k(11, 30));
    expect(await keysOf({ seek: 'offset', offset: '0:5,1:8' })).toEqual([
      'k15',
      'k18',
      'k21',
      'k24',
      'k25',
      'k27',
      'k28',
    ]);
    // With a filter and chosen partitions, the cursor keeps both.
    const even = await keysOf({ seek: 'oldest' }, { partitions: '0,2', filter: 'value.n >= 20' });
    expect(even).toEqual(['k20', 'k21', 'k23', 'k24', 'k26', 'k27', 'k29']);
  });

  it('seek=offset per partition and for all, and chosen partitions', async () => {
    const one = await browse(app, topic, { seek: 'offset', offset: '8', partitions: '1', limit: 10 });
    expect(one.messages.map((m) => [m.partition, m.offset])).toEqual([
      [1, '8'],
      [1, '9'],
    ]);
    expect(one.cursor).toBeNull();
    const pairs = await browse(app, topic, { seek: 'offset', offset: '0:9,2:8', limit: 10 });
    expect(pairs.messages.map((m) => `${m.partition}:${m.offset}`).sort()).toEqual(['0:9', '2:8', '2:9']);
    const all = await browse(app, topic, { seek: 'offset', offset: '9', limit: 10 });
    expect(all.messages.map((m) => m.key?.text)).toEqual(['k27', 'k28', 'k29']);
  });

  it('seek=timestamp starts at the first message at or after the time (ms or ISO)', async () => {
    const ms = await browse(app, topic, { seek: 'timestamp', timestamp: base + 24_500, limit: 3 });
    expect(ms.messages.map((m) => m.key?.text)).toEqual(['k25', 'k26', 'k27']);
    const iso = await browse(app, topic, {
      seek: 'timestamp',
      timestamp: new Date(base + 28_000).toISOString(),
      partitions: '1',
    });
    expect(iso.messages.map((m) => m.key?.text)).toEqual(['k28']);
  });

  it('filters by substring and expression', async () => {
    const q = await browse(app, topic, { seek: 'oldest', q: 'K1', limit: 100 });
    expect(q.messages.map((m) => m.key?.text).sort()).toEqual(
      ['k1', 'k10', 'k11', 'k12', 'k13', 'k14', 'k15', 'k16', 'k17', 'k18', 'k19'].sort(),
    );
    expect(q.scanned).toBe(30);
    const expr = await browse(app, topic, {
      seek: 'oldest',
      filter: 'value.user.age > 45 && headers.idx != "29" && partition == 0',
    });
    expect(expr.messages.map((m) => m.key?.text)).toEqual(['k27']);
  });

  it('answers bad input with a 400 sentence', async () => {
    const cases: [string, RegExp][] = [
      ['filter=value.age%20%3E', /Filter syntax error at character 12/],
      ['partitions=7', /no partition 7/],
      ['limit=501', /limit/],
      ['seek=offset', /needs "offset"/],
      ['seek=timestamp&timestamp=yesterday', /"timestamp" must be/],
      // Kafka reads negative times as "latest"/"earliest": refused rather than misread.
      ['seek=timestamp&timestamp=-1', /"timestamp" must be milliseconds since 1970/],
      ['seek=timestamp&timestamp=99999999999999999999', /"timestamp" must be/],
      ['cursor=garbage', /cursor/],
      // Issue 10: one partition named 1,450 times (15 KB) made one request read it 1,450 times over.
      [
        `cursor=${Buffer.from(JSON.stringify({ v: 1, d: 'f', p: Array.from({ length: 1450 }, () => [0, '0']) })).toString('base64url')}`,
        /The cursor is not one this server gave out \(more partitions than the topic has\)/,
      ],
      ['partitions=one', /"partitions" must be partition numbers separated by commas, like 0,2/],
      [
        'seek=offset&offset=abc',
        /"offset" must be one offset for every partition \(like 15\) or partition:offset/,
      ],
      ['seek=offset&offset=7:3', /no partition 7/],
      ['limit=0', /"limit": must be >= 1/],
      ['seek=latest', /"seek": must be one of "oldest", "newest", "offset", "timestamp"/],
    ];
    for (const [qs, message] of cases) {
      const res = await app.inject(`/api/clusters/local/topics/${topic}/messages?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json<ErrorBody>().message).toMatch(message);
    }
    const missing = await app.inject('/api/clusters/local/topics/no-such-topic-here/messages');
    expect(missing.statusCode).toBe(404);
    expect(await admin.listTopics()).not.toContain('no-such-topic-here');
  });

  it('decodes JSON, UTF-8, binary, null keys and tombstones', async () => {
    const t = await createTopic(admin, 'decode');
    await send(producer, t, [
      { key: null, value: '{"a":[1,2]}' },
      { key: 'grüße', value: 'plain text ✓' },
      { key: Buffer.from([0xca, 0xfe]), value: Buffer.from([0, 1, 2, 0xff]) },
      { key: 'deleted', value: null },
    ]);
    const page = await browse(app, t, { seek: 'oldest' });
    const [json, text, binary, tombstone] = page.messages as [Message, Message, Message, Message];
    expect(json.key).toBeNull();
    expect(json.value).toEqual({
      format: 'json',
      text: '{\n  "a": [\n    1,\n    2\n  ]\n}',
      size: 11,
      truncated: false,
    });
    expect(text.key).toMatchObject({ format: 'string', text: 'grüße' });
    expect(text.value).toMatchObject({ format: 'string', text: 'plain text ✓' });
    expect(binary.key).toMatchObject({ format: 'hex', text: 'cafe' });
    expect(binary.value).toMatchObject({ format: 'hex', text: '000102ff', size: 4 });
    expect(tombstone.value).toBeNull();
    expect(tombstone.sizes.value).toBe(0);
    const b64 = await browse(app, t, { seek: 'oldest', valueFormat: 'base64', keyFormat: 'string' });
    expect(b64.messages[2]?.value).toMatchObject({ format: 'base64', text: 'AAEC/w==' });
    const forcedJson = await browse(app, t, { seek: 'oldest', valueFormat: 'json' });
    expect(forcedJson.messages[1]?.value?.error).toMatch(/Not valid JSON/);
  });

  it('cuts large values and serves the whole message on its own', async () => {
    const t = await createTopic(admin, 'large');
    const big = 'x'.repeat(100_000);
    await send(producer, t, [{ key: 'big', value: big }]);
    const page = await browse(app, t, { seek: 'oldest', maxValueBytes: 1000 });
    expect(page.messages[0]?.value).toMatchObject({ size: 100_000, truncated: true });
    expect(page.messages[0]?.value?.text).toHaveLength(1000);
    const whole = await app.inject(`/api/clusters/local/topics/${t}/messages/0/0`);
    expect(whole.statusCode).toBe(200);
    expect(whole.json<Message>().value).toMatchObject({ text: big, truncated: false, size: 100_000 });
    const absent = await app.inject(`/api/clusters/local/topics/${t}/messages/0/5`);
    expect(absent.statusCode).toBe(404);
    expect(absent.json<ErrorBody>().message).toMatch(/no message at offset 5/);
    const notNumber = await app.inject(`/api/clusters/local/topics/${t}/messages/0/abc`);
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json<ErrorBody>().message).toBe('An offset is a whole number like 42, not "abc".');
    const noPartition = await app.inject(`/api/clusters/local/topics/${t}/messages/3/0`);
    expect(noPartition.statusCode).toBe(400);
    expect(noPartition.json<ErrorBody>().message).toMatch(/no partition 3/);
  });

  it('never joins, creates or commits a consumer group', async () => {
    await browse(app, topic, { seek: 'oldest', limit: 500 });
    await browse(app, topic, { seek: 'newest', filter: 'partition == 1' });
    await app.inject(`/api/clusters/local/topics/${topic}/messages/0/3`);
    await app.inject(`/api/clusters/local/topics/${topic}/messages/export?format=jsonl`);
    expect(await groupsTouching(admin, topic)).toEqual([]);
  });
});
