// Issue 10, DNS rebinding: a page on evil.example rebound to 127.0.0.1 could create, purge and delete.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ErrorBody } from '@tributary/contract';
import { uniqueName } from '@tributary/local-kafka/testing';
import { buildTestApp } from './helpers.ts';
import { base, json } from './topics-fixtures.ts';

describe('host and origin guard', async () => {
  const app = await buildTestApp([], {
    allowedHosts: ['tributary.internal'],
    publicUrl: 'https://kafka.example.com',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const create = (headers: Record<string, string>, name = uniqueName('guard')) =>
    app.inject({
      method: 'POST',
      url: base,
      payload: JSON.stringify({ name, partitions: 1 }),
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('answers 421 to a host name it does not know, on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/health'],
      ['GET', `${base}`],
      ['DELETE', `${base}/anything`],
      ['GET', '/'],
    ] as const) {
      const res = await app.inject({ method, url, headers: { host: 'evil.example:8080' } });
      expect(res.statusCode, `${method} ${url}`).toBe(421);
      expect(res.json<ErrorBody>()).toEqual({
        requestId: expect.any(String),
        code: 'FORBIDDEN',
        message:
          'This server does not answer to the host name "evil.example". If that name is meant to reach it, ' +
          "add it to allowedHosts (or publicUrl) in Tributary's configuration.",
      });
    }
    expect((await create({ host: 'evil.example' })).statusCode).toBe(421);
  });

  it('answers loopback names, IP addresses, allowedHosts and publicUrl, on any port', async () => {
    for (const host of [
      'localhost',
      'localhost:5173',
      '127.0.0.1:8080',
      '[::1]:8080',
      '192.168.1.20:8080',
      'tributary.internal',
      'TRIBUTARY.internal:443',
      'kafka.example.com',
    ])
      expect((await app.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(200);
  });

  it('refuses a change from a page of a foreign origin, accepts one from its own pages', async () => {
    const foreign = await create({ host: '127.0.0.1:8080', origin: 'http://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json<ErrorBody>()).toEqual({
      requestId: expect.any(String),
      code: 'FORBIDDEN',
      message: 'A page from http://evil.example may not change anything on this server.',
    });
    expect((await create({ host: '127.0.0.1:8080', origin: 'null' })).statusCode).toBe(403);
    // Reading stays open to any origin's form of GET (the browser keeps the answer from a foreign page).
    const read = await app.inject({ url: base, headers: { origin: 'http://evil.example' } });
    expect(read.statusCode).toBe(200);
    // Its own pages: same origin, the Vite dev server (another port), the public URL behind a proxy.
    for (const origin of ['http://127.0.0.1:8080', 'http://localhost:5173', 'https://kafka.example.com']) {
      const name = uniqueName('guard');
      const made = await create({ host: '127.0.0.1:8080', origin }, name);
      expect(made.statusCode, origin).toBe(201);
      const removed = await app.inject({
        method: 'DELETE',
        url: `${base}/${name}`,
        headers: { host: '127.0.0.1:8080', origin },
      });
      expect(removed.statusCode, origin).toBe(204);
    }
    // Without an Origin it is no browser page (curl, scripts): allowed.
    expect(
      (await app.inject({ method: 'PATCH', url: `${base}/x/configs`, ...json({}) })).statusCode,
    ).not.toBe(403);
  });

  function openSocket(path: string, headers: Record<string, string>): Promise<number | 'open'> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => {});
    });
  }

  it('refuses a live tail or search WebSocket from a foreign origin or host, even when Origin matches Host', async () => {
    const topic = '__consumer_offsets';
    for (const kind of ['live', 'search']) {
      const path = `/api/clusters/local/topics/${topic}/${kind}`;
      // The rebinding case: the page and the Host are both evil.example.
      expect(
        await openSocket(path, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` }),
      ).toBe(421);
      expect(await openSocket(path, { origin: 'http://evil.example' })).toBe(403);
      expect(await openSocket(path, { origin: `http://localhost:5173` })).toBe('open');
    }
  });
});
