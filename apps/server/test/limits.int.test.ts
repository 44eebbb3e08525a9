// Issue 10: 100 concurrent whole-topic searches took 713 MB. Searches and exports are capped like live tails.
import { get, type ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ErrorBody, SearchEvent } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';
import { createTopic, kafkaTools, send } from './messages-helpers.ts';

describe('limits on searches and exports', async () => {
  const app = await buildTestApp([], { searchesMax: 1, exportsMax: 1 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const { admin, producer } = await kafkaTools();
  // 25 MB: more than the socket buffers hold, so a client that stops reading keeps its search or export running.
  const topic = await createTopic(admin, 'limits', 1);
  const value = 'v'.repeat(64 * 1024);
  for (let batch = 0; batch < 40; batch++)
    await send(
      producer,
      topic,
      Array.from({ length: 10 }, (_, i) => ({ key: `k${batch}-${i}`, value })),
    );
  const path = `/api/clusters/local/topics/${topic}`;

  /** Opens a search; `stall` stops reading at once (the server then waits with the search running). */
  function openSearch(query: string, stall = false): { ws: WebSocket; events: Promise<SearchEvent[]> } {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}/search?${query}`);
    if (stall) ws.on('upgrade', (res) => (res.socket as Socket).pause());
    const events = new Promise<SearchEvent[]>((resolve, reject) => {
      const seen: SearchEvent[] = [];
      ws.on('message', (data) => seen.push(JSON.parse(String(data)) as SearchEvent));
      ws.on('close', () => resolve(seen));
      ws.on('error', reject);
    });
    return { ws, events };
  }

  it('refuses a search past searchesMax with a sentence, and takes one again when a search ends', async () => {
    const running = openSearch('maxValueBytes=1048576&maxMatches=10000', true);
    await new Promise((resolve) => running.ws.once('open', resolve));
    const refused = await openSearch('maxMatches=1').events;
    expect(refused).toEqual([
      {
        type: 'error',
        code: 'TOO_MANY',
        message:
          'This server already runs 1 search at once, its limit (searchesMax). Try again when one has finished.',
      },
    ]);
    running.ws.terminate();
    await expect
      .poll(async () => (await openSearch('maxMatches=1').events).at(-1)?.type, { timeout: 10_000 })
      .toBe('done');
  });

  it('answers an export past exportsMax with 429 and a sentence, and takes one again when it ends', async () => {
    let request: ClientRequest | undefined;
    await new Promise<void>((resolve, reject) => {
      request = get(
        `http://127.0.0.1:${port}${path}/messages/export?format=jsonl&seek=oldest&limit=400`,
        (res) => {
          expect(res.statusCode).toBe(200);
          res.pause(); // a slow client: the export waits for it
          resolve();
        },
      ).on('error', reject);
    });
    const refused = await app.inject(`${path}/messages/export?format=jsonl&limit=1`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorBody>()).toEqual({
      requestId: expect.any(String),
      code: 'TOO_MANY',
      message:
        'This server already streams 1 export at once, its limit (exportsMax). Try again when one has finished.',
    });
    request!.destroy();
    await expect
      .poll(async () => (await app.inject(`${path}/messages/export?format=jsonl&limit=1`)).statusCode, {
        timeout: 10_000,
      })
      .toBe(200);
    // A finished export gave its slot back too.
    expect((await app.inject(`${path}/messages/export?format=jsonl&limit=1`)).statusCode).toBe(200);
  });
});
