import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import { CompressionTypes } from 'kafkajs';
import WebSocket from 'ws';
import type { SearchEvent } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { createTopic, groupsTouching, kafkaTools, send } from './messages-helpers.ts';

describe('search over WebSocket', async () => {
  const app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const { admin, producer } = await kafkaTools();
  const base = Date.now() - 1_000_000;
  const topic = await createTopic(admin, 'search', 2);
  for (let batch = 0; batch < 4; batch++) {
    await send(
      producer,
      topic,
      Array.from({ length: 500 }, (_, j) => {
        const i = batch * 500 + j;
        return {
          partition: i % 2,
          key: `user-${i}`,
          value: JSON.stringify({ i, city: i % 100 === 7 ? 'Lyon' : 'Paris' }),
          timestamp: String(base + i * 100),
        };
      }),
    );
  }

  /** Opens a search, collects its events until the server closes; `onEvent` may send commands. */
  function search(
    query: string,
    onEvent?: (event: SearchEvent, ws: WebSocket) => void,
    on = topic,
  ): Promise<SearchEvent[]> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/clusters/local/topics/${on}/search?${query}`);
      const events: SearchEvent[] = [];
      ws.on('message', (data) => {
        const event = JSON.parse(String(data)) as SearchEvent;
        events.push(event);
        onEvent?.(event, ws);
      });
      ws.on('close', () => resolve(events));
      ws.on('error', reject);
    });
  }

  it('streams matches and progress over the whole topic and finishes with done', async () => {
    const events = await search('filter=' + encodeURIComponent('value.city == "Lyon"'));
    const matches = events.filter((e) => e.type === 'message');
    expect(matches.map((e) => e.message.key?.text).sort()).toEqual(
      Array.from({ length: 20 }, (_, k) => `user-${k * 100 + 7}`).sort(),
    );
    const first = events.find((e) => e.type === 'progress');
    expect(first).toMatchObject({ toScan: 2000, scanned: 0 });
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      reason: 'completed',
      scanned: 2000,
      toScan: 2000,
      matches: 20,
    });
    expect(await groupsTouching(admin, topic)).toEqual([]);
  });

  it('matches case-insensitively unless asked otherwise', async () => {
    const loose = await search('scope=last&lastN=500&q=LYON');
    expect(loose.at(-1)).toMatchObject({ type: 'done', toScan: 1000, matches: 10 });
    const strict = await search('scope=last&lastN=500&q=LYON&caseSensitive=true');
    expect(strict.at(-1)).toMatchObject({ type: 'done', toScan: 1000, matches: 0 });
    const exact = await search('scope=last&lastN=500&q=Lyon&caseSensitive=true');
    expect(exact.at(-1)).toMatchObject({ type: 'done', matches: 10 });
  });

  it('scopes to a time window and to the last N per partition', async () => {
    const window = await search(`scope=time&from=${base}&to=${base + 999 * 100}&q=lyon`);
    expect(window.at(-1)).toMatchObject({ type: 'done', toScan: 1000, matches: 10 });
    const last = await search('scope=last&lastN=50&partitions=1');
    expect(last.at(-1)).toMatchObject({ type: 'done', toScan: 50, matches: 50 });
    const keys = last.filter((e) => e.type === 'message').map((e) => e.message.key?.text);
    expect(keys[0]).toBe('user-1901');
    expect(keys.at(-1)).toBe('user-1999');
  });

  it('a word search passes over records by their bytes, in compressed batches too, and loses no match', async () => {
    const packed = await createTopic(admin, 'search-packed', 2);
    const records = Array.from({ length: 3000 }, (_, i) => ({
      partition: i % 2,
      key: `k${i}`,
      value: JSON.stringify({ i, city: 'Paris' }),
    }));
    records[10]!.value = JSON.stringify({ city: 'Lyon' });
    records[1500]!.value = '{"city":"\\u004cyon"}'; // shown as "Lyon", not in the bytes
    records[2999]!.key = 'Lyon';
    await producer.send({ topic: packed, acks: -1, compression: CompressionTypes.GZIP, messages: records });
    const events = await search('q=Lyon&caseSensitive=true', undefined, packed);
    const found = events.flatMap((e) => (e.type === 'message' ? [e.message.offset] : []));
    expect(found).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'completed', scanned: 3000, matches: 3 });
    // Case-insensitive (pre-checked on lower-cased bytes) and a filter expression (pre-checked for the texts
    // it needs, "Lyon") agree.
    const loose = await search('q=lyon', undefined, packed);
    expect(loose.at(-1)).toMatchObject({ type: 'done', matches: 3 });
    const decoded = await search(
      'filter=' + encodeURIComponent('key == "Lyon" || value.city == "Lyon"'),
      undefined,
      packed,
    );
    expect(decoded.at(-1)).toMatchObject({ type: 'done', matches: 3 });
  });

  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'])(
    'kcat batches (%s): whole batches are passed over by their bytes and no match is lost',
    async (codec) => {
      const topic = await createTopic(admin, `search-kcat-${codec}`);
      // Many batches (one per 200 lines); matches in a few, one only after decoding (a JSON escape).
      const lines = Array.from({ length: 2000 }, (_, i) => `{"i":${i},"city":"Paris"}`);
      lines[250] = '{"city":"Lyon"}';
      lines[1333] = '{"city":"LYON"}';
      lines[1800] = '{"city":"\\u004cyon"}';
      await new Promise<void>((resolve, reject) => {
        const child = execFile(
          'kcat',
          [
            '-P',
            '-b',
            sharedKafkaBrokers().join(','),
            '-t',
            topic,
            '-z',
            codec,
            '-X',
            'batch.num.messages=200',
          ],
          (error) => (error ? reject(error) : resolve()),
        );
        child.stdin?.end(lines.join('\n') + '\n');
      });
      const exact = await search('q=Lyon&caseSensitive=true', undefined, topic);
      expect(exact.flatMap((e) => (e.type === 'message' ? [e.message.offset] : []))).toEqual(['250', '1800']);
      expect(exact.at(-1)).toMatchObject({ type: 'done', reason: 'completed', scanned: 2000, matches: 2 });
      const loose = await search('q=lyon', undefined, topic);
      expect(loose.at(-1)).toMatchObject({ type: 'done', scanned: 2000, matches: 3 });
      // A filter is pre-checked for the texts it needs ("Lyon" or "LYON"): the escaped one is still found.
      const filter = encodeURIComponent('value.city == "Lyon" || value.city == "LYON"');
      const filtered = await search(`filter=${filter}`, undefined, topic);
      expect(filtered.flatMap((e) => (e.type === 'message' ? [e.message.offset] : []))).toEqual([
        '250',
        '1333',
        '1800',
      ]);
      expect(filtered.at(-1)).toMatchObject({ type: 'done', scanned: 2000, matches: 3 });
    },
  );

  it('stops when asked and at maxMatches', async () => {
    // A topic big enough that the scan is still running when the stop arrives.
    const large = await createTopic(admin, 'search-large', 2);
    for (let i = 0; i < 40; i++)
      await send(
        producer,
        large,
        Array.from({ length: 1000 }, (_, j) => ({ key: `k${i * 1000 + j}`, value: 'x'.repeat(200) })),
      );
    let stopped = false;
    const events = await search(
      'q=matches-nothing',
      (event, ws) => {
        if (event.type === 'progress' && !stopped) {
          stopped = true;
          ws.send(JSON.stringify({ type: 'stop' }));
        }
      },
      large,
    );
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', reason: 'stopped' });
    expect(done?.type === 'done' && done.scanned).toBeLessThan(40_000);
    const capped = await search('q=user&maxMatches=5');
    expect(capped.filter((e) => e.type === 'message')).toHaveLength(5);
    expect(capped.at(-1)).toMatchObject({ type: 'done', reason: 'max-matches', matches: 5 });
  });

  it('refuses a page from another site (a browser sends its Origin), accepts our own; a plain GET is told why', async () => {
    const url = `ws://127.0.0.1:${port}/api/clusters/local/topics/${topic}/search?scope=last&lastN=1`;
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url, { origin: 'http://evil.example' });
      ws.on('open', () => reject(new Error('a foreign origin got a search')));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
    const own = await new Promise<SearchEvent[]>((resolve, reject) => {
      const ws = new WebSocket(url, { origin: `http://127.0.0.1:${port}` });
      const events: SearchEvent[] = [];
      ws.on('message', (d) => events.push(JSON.parse(String(d)) as SearchEvent));
      ws.on('close', () => resolve(events));
      ws.on('error', reject);
    });
    expect(own.at(-1)).toMatchObject({ type: 'done', reason: 'completed', matches: 2 });
    const plain = await app.inject(`/api/clusters/local/topics/${topic}/search`);
    expect(plain.statusCode).toBe(426);
    expect(plain.json<{ message: string }>().message).toMatch(/The search is a WebSocket/);
  });

  it('reports a bad filter or a missing topic as an error event', async () => {
    const bad = await search('filter=' + encodeURIComponent('value.city ='));
    expect(bad).toEqual([
      {
        type: 'error',
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/character 12: use "=="/) as string,
      },
    ]);
    // Parameters the schema refuses arrive as an error event too (a browser cannot read an HTTP 400 on upgrade).
    expect(await search('scope=everything')).toEqual([
      {
        type: 'error',
        code: 'BAD_REQUEST',
        message: 'Invalid search parameter "scope": must be one of all, time, last.',
      },
    ]);
    expect(await search('maxMatches=20000')).toEqual([
      {
        type: 'error',
        code: 'BAD_REQUEST',
        message: 'Invalid search parameter "maxMatches": must be <= 10000.',
      },
    ]);
    expect(await search('scope=time&from=-1')).toEqual([
      { type: 'error', code: 'BAD_REQUEST', message: expect.stringMatching(/"from" must be/) as string },
    ]);
    const missing = await new Promise<SearchEvent[]>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/clusters/local/topics/nope-${Date.now()}/search`);
      const events: SearchEvent[] = [];
      ws.on('message', (d) => events.push(JSON.parse(String(d)) as SearchEvent));
      ws.on('close', () => resolve(events));
    });
    expect(missing).toEqual([
      { type: 'error', code: 'NOT_FOUND', message: expect.stringMatching(/does not exist/) as string },
    ]);
  });
});
