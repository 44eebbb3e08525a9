// Issue 10, hygiene: security headers, one error shape for Fastify's and Node's own 4xx, timeouts.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '@tributary/contract';
import { buildTestApp } from './helpers.ts';

describe('HTTP hygiene', async () => {
  const app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  it('sends security headers on API answers and errors', async () => {
    for (const url of ['/api/health', '/api/clusters/local/topics', '/api/no-such-thing']) {
      const res = await app.inject(url);
      expect(res.headers['content-security-policy'], url).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy'], url).toMatch(/script-src 'self'/);
      expect(res.headers['content-security-policy'], url).not.toMatch(/upgrade-insecure-requests/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it("answers Fastify's own 4xx as {code, message} sentences", async () => {
    const cases: {
      name: string;
      res: Awaited<ReturnType<typeof app.inject>>;
      status: number;
      message: RegExp;
    }[] = [
      {
        name: 'a path part over the limit',
        res: await app.inject(`/api/clusters/local/topics/${'x'.repeat(3000)}`),
        status: 414,
        message: /The address is too long: one part of its path may have at most 2048 characters\./,
      },
      {
        name: 'a broken percent-encoding',
        res: await app.inject('/api/clusters/%E0%A4%A/topics'),
        status: 400,
        message: /not properly percent-encoded/,
      },
      {
        name: 'an unsupported content type',
        res: await app.inject({
          method: 'POST',
          url: '/api/clusters/local/topics',
          payload: '<topic/>',
          headers: { 'content-type': 'text/xml' },
        }),
        status: 415,
        message: /does not take a body of type "text\/xml": send JSON/,
      },
      {
        name: 'a body over the limit',
        res: await app.inject({
          method: 'POST',
          url: '/api/clusters/local/topics',
          payload: JSON.stringify({ name: 'x'.repeat(2 << 20), partitions: 1 }),
          headers: { 'content-type': 'application/json' },
        }),
        status: 413,
        message: /The request body is larger than this endpoint takes\./,
      },
    ];
    for (const { name, res, status, message } of cases) {
      expect(res.statusCode, name).toBe(status);
      expect(res.headers['content-type'], name).toMatch(/^application\/json/);
      const body = res.json<ErrorBody>();
      // requestId: the same id as the server's log line for this request.
      expect(Object.keys(body).sort(), name).toEqual(['code', 'message', 'requestId']);
      expect(body.message, name).toMatch(message);
    }
  });

  it('answers headers too large for Node (431) in the same shape', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ port, path: '/api/health', headers: { 'x-big': 'a'.repeat(20_000) } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(431);
    expect(JSON.parse(body)).toEqual({
      code: 'BAD_REQUEST',
      message: 'The request headers are too large (too many or too long cookies?).',
    });
  });

  it('bounds how long a request may take to arrive and how long a socket may idle', () => {
    expect(app.server.requestTimeout).toBe(300_000);
    expect(app.server.timeout).toBe(600_000);
    expect(app.server.keepAliveTimeout).toBe(72_000);
  });
});
