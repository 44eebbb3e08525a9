// Issue 17: every error answer carries the request's id, the same `reqId` as the server's JSON log lines, so
// a person who quotes it lets an operator find what happened. No broker needed: these errors come first.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@tributary/contract';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

const lines: Record<string, unknown>[] = [];
let app: App;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ KAFKA_BROKERS: '127.0.0.1:9', LOG_LEVEL: 'info' });
  app = await buildApp(config, { logger: { level: 'info', stream } });
});
afterAll(() => app.close());

/** The log lines of one request, by the id its answer gave. */
const logged = (requestId: string) => lines.filter((l) => l.reqId === requestId);

describe('error answers carry the request id of the log', () => {
  it.each([
    ['an unknown endpoint', { url: '/api/nothing-here' }, 404],
    ['an unknown cluster', { url: '/api/clusters/nope/topics' }, 404],
    ['a bad query parameter', { url: '/api/clusters/local/topics?page=first' }, 400],
    ['a bad body', { method: 'POST' as const, url: '/api/clusters/local/topics', payload: { name: 1 } }, 400],
    ['a path parameter too long', { url: `/api/clusters/${'x'.repeat(3000)}` }, 414],
    [
      'a foreign page changing something',
      {
        method: 'DELETE' as const,
        url: '/api/clusters/local/topics/t',
        headers: { origin: 'http://evil.example' },
      },
      403,
    ],
    ['a plain GET of a WebSocket', { url: '/api/clusters/local/topics/t/live' }, 426],
  ])('%s', async (_what, request, status) => {
    const res = await app.inject(request);
    expect(res.statusCode).toBe(status);
    const body = res.json<ErrorBody>();
    expect(body.code).toMatch(/^[A-Z_]+$/);
    expect(body.message.length).toBeGreaterThan(10);
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // Fastify logs each request's answer with its reqId (the router's refusals are logged by us): the same id.
    const answer = (l: Record<string, unknown>) =>
      (l.res as { statusCode?: number } | undefined)?.statusCode ?? l.statusCode;
    expect(logged(body.requestId!).some((l) => answer(l) === status)).toBe(true);
  });

  it('gives each request its own id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await app.inject('/api/nothing-here')).json<ErrorBody>().requestId!);
    expect(ids.size).toBe(5);
  });
});
