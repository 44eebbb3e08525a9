// Issue 10, the enumerated access test: every route the server registers (REST and WebSocket) is walked,
// so a route added without a permission rule, or a rule that lets the wrong person in, fails here.
import { describe, expect, it } from 'vitest';
import type { ErrorBody, Me } from '@tributary/contract';
import { PERMISSIONS, ruleOf } from '../src/auth/permissions.ts';
import { buildTestApp } from './helpers.ts';
import { fill, frozenCluster, login, PASSWORD, testAuth } from './access-fixtures.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const body = { name: 'orders-access', partitions: 1 };

describe('access to every route', async () => {
  const app = await buildTestApp([frozenCluster()], { auth: await testAuth() });
  await app.ready();
  const routes = app.registeredRoutes.filter((r) => r.url.startsWith('/api/'));
  const ann = await login(app, 'ann');
  const vic = await login(app, 'vic');
  const call = (method: string, url: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { host: '127.0.0.1:8080', ...headers },
      ...(MUTATING.has(method) ? { payload: body } : {}),
    });

  it('knows every route, REST and WebSocket, and has a rule for each', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.websocket).map((r) => r.url)).toEqual(
      expect.arrayContaining([
        '/api/clusters/:cluster/topics/:topic/live',
        '/api/clusters/:cluster/topics/:topic/search',
      ]),
    );
    const missing = routes.filter((r) => !ruleOf(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes without a row in auth/permissions.ts').toEqual([]);
    // And no stale rows: each row names a route that exists.
    const known = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(PERMISSIONS).filter((key) => !known.has(key))).toEqual([]);
  });

  it('answers 401 to everyone not logged in, except the public routes', async () => {
    for (const { method, url } of routes) {
      const res = await call(method, fill(url, 'local'));
      const rule = ruleOf(method, url)!;
      // /api/auth/me is public but says 401 itself: nobody is logged in.
      if (rule.need === 'public' && url !== '/api/auth/me')
        expect(res.statusCode, `${method} ${url}`).not.toBe(401);
      else {
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        if (method !== 'HEAD')
          expect(res.json<ErrorBody>()).toEqual({
            requestId: expect.any(String),
            code: 'UNAUTHORIZED',
            message: 'Log in to use Tributary.',
          });
      }
    }
  });

  it('answers 403 to a viewer on every mutating route', async () => {
    const mutating = routes.filter((r) => {
      const need = ruleOf(r.method, r.url)?.need;
      return need === 'operate' || need === 'admin';
    });
    // Every change (POST, PUT, PATCH, DELETE) needs more than a viewer, the login and logout aside.
    expect(mutating.filter((r) => MUTATING.has(r.method)).length).toBe(
      routes.filter((r) => MUTATING.has(r.method) && ruleOf(r.method, r.url)?.need !== 'public').length,
    );
    for (const { method, url } of mutating) {
      const res = await call(method, fill(url, 'local'), { cookie: vic });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      if (method !== 'HEAD')
        expect(res.json<ErrorBody>().message).toMatch(
          /^vic may not .*: that needs the (operator|admin) role there\.$/,
        );
    }
  });

  it('answers 403 naming readOnly on every mutating route of a read-only cluster, even to an admin', async () => {
    for (const { method, url } of routes.filter(
      (r) => MUTATING.has(r.method) && r.url.includes(':cluster'),
    )) {
      const res = await call(method, fill(url, 'frozen'), { cookie: ann });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json<ErrorBody>().message).toMatch(/^Cluster "frozen" is read-only \(readOnly in/);
    }
  });

  it('answers 421 to a foreign host name on every route, 403 to a foreign origin on every change', async () => {
    for (const { method, url } of routes) {
      const res = await call(method, fill(url, 'local'), { host: 'evil.example', cookie: ann });
      expect(res.statusCode, `${method} ${url}`).toBe(421);
    }
    for (const { method, url } of routes.filter((r) => MUTATING.has(r.method) || r.websocket)) {
      const headers = { cookie: ann, origin: 'http://evil.example' };
      const res = await call(method, fill(url, 'local'), {
        ...headers,
        ...(MUTATING.has(method) ? {} : { upgrade: 'websocket', connection: 'upgrade' }),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('lets each role do what it may: clusters filtered, names matched by pattern', async () => {
    const ops = await login(app, 'ops');
    const list = await call('GET', '/api/clusters', { cookie: ops });
    expect(list.json<{ name: string }[]>().map((c) => c.name)).toEqual(['local']);
    expect((await call('GET', '/api/clusters/frozen', { cookie: ops })).statusCode).toBe(403);
    const me = await call('GET', '/api/auth/me', { cookie: ops });
    expect(me.json<Me>()).toEqual({
      username: 'ops',
      auth: 'local',
      clusters: [{ name: 'local', role: 'operator' }],
    });
    // An operator may purge orders-* but not other topics, and may not delete any.
    const purge = (topic: string) =>
      call('DELETE', `/api/clusters/local/topics/${topic}/records`, { cookie: ops });
    expect((await purge('payments')).statusCode).toBe(403);
    expect((await purge('orders-none-such')).statusCode).toBe(404);
    expect((await call('DELETE', '/api/clusters/local/topics/orders-x', { cookie: ops })).statusCode).toBe(
      403,
    );
    const create = await app.inject({
      method: 'POST',
      url: '/api/clusters/local/topics',
      headers: { cookie: vic },
      payload: { name: 'x', partitions: 1 },
    });
    expect(create.statusCode).toBe(403);
    // Reading is open to a viewer, on the read-only cluster too.
    expect((await call('GET', '/api/clusters/frozen/topics', { cookie: vic })).statusCode).toBe(200);
  });

  it('logs in with the right password only, logs out for good, and limits attempts', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ann', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const cookie = await login(app, 'ann');
    const set = (
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'ann', password: PASSWORD },
      })
    ).headers['set-cookie'];
    expect(String(set)).toMatch(/HttpOnly/);
    expect(String(set)).toMatch(/SameSite=Lax/);
    expect((await call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    expect((await call('POST', '/api/auth/logout', { cookie })).statusCode).toBe(204);
    expect((await call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    // A forged cookie is not a session.
    expect((await call('GET', '/api/clusters', { cookie: 'tributary_session=forged.sig' })).statusCode).toBe(
      401,
    );
    let last = 0;
    for (let i = 0; i < 12; i++)
      last = (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'x', password: 'y' },
        })
      ).statusCode;
    expect(last).toBe(429);
  });
});
