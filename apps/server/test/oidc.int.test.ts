// Single sign-on against a real OpenID Connect provider (oidc-provider, the certified Node implementation),
// started by the test: the whole authorization code + PKCE round trip over real HTTP, as a browser makes it
// (redirects followed, the provider's own login and consent forms submitted, cookies kept per host).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthProviders, Me } from '@tributary/contract';
import type { AuthConfig, Grant } from '../src/config/resolve.ts';
import { testAuth } from './access-fixtures.ts';
import { buildTestApp } from './helpers.ts';
import type { App } from '../src/app.ts';

const everything = (role: Grant['role']): Grant[] => [
  { role, clusters: ['*'], topics: ['*'], groups: ['*'] },
];

/** A browser in miniature: cookies per host, manual redirects, the provider's HTML forms submitted. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = this.jar.get(target.host);
    const res = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(cookies?.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const jar = this.jar.get(target.host) ?? new Map<string, string>();
      this.jar.set(target.host, jar);
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  /**
   * Follows redirects from `url`, submitting the provider's login form (as `login`) and consent form on the
   * way, until the answer is no redirect or a redirect to `stopAt`'s origin path prefix. The last URL it asked for and its answer.
   */
  async signIn(url: string, login: string, stopAt: (url: URL) => boolean) {
    let next = url;
    for (let step = 0; step < 20; step++) {
      const res = await this.get(next);
      const location = res.headers.get('location');
      if (location) {
        const to = new URL(location, next);
        if (stopAt(to)) return { url: to, res };
        next = to.href;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action) return { url: new URL(next), res, html };
      const fields = new URLSearchParams();
      if (html.includes('name="login"')) {
        fields.set('login', login);
        fields.set('password', 'any');
      }
      for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
        fields.set(name!, value!);
      const posted = await this.get(new URL(action, next).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      });
      const after = posted.headers.get('location');
      if (!after) throw new Error(`The form at ${action} answered ${posted.status}: ${await posted.text()}`);
      next = new URL(after, next).href;
    }
    throw new Error('Too many redirects');
  }
}

describe('single sign-on with OpenID Connect', () => {
  let providerServer: Server;
  let issuer = '';
  let app: App;
  let appUrl = '';
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();

  beforeAll(async () => {
    providerServer = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
    const auth: AuthConfig = {
      ...(await testAuth()),
      sessionSecret: 'a session secret for this test only, 32+ chars',
      oidc: {
        issuer,
        clientId: 'tributary',
        clientSecret: 'a client secret for this test only',
        label: 'Test SSO',
        scopes: ['openid', 'profile'],
        usernameClaims: ['preferred_username', 'sub'],
        rolesClaim: 'groups',
        roles: new Map([
          ['kafka-admins', everything('admin')],
          ['kafka-readers', everything('viewer')],
        ]),
        allowHttp: true,
      },
    };
    app = await buildTestApp([], { auth });
    await app.listen({ port: 0, host: '127.0.0.1' });
    appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'tributary',
          client_secret: 'a client secret for this test only',
          redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
        },
      ],
      claims: { openid: ['sub'], profile: ['preferred_username', 'groups'] },
      findAccount: (_ctx, id) => ({
        accountId: id,
        claims: () => ({
          sub: id,
          preferred_username: id,
          groups: id === 'mia' ? ['kafka-readers', 'staff'] : ['marketing'],
        }),
      }),
      cookies: { keys: ['a cookie key for this test only'] },
    });
    provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error));
    handler = provider.callback();
  }, 60_000);

  afterAll(async () => {
    providerServer?.closeAllConnections();
    await new Promise((resolve) => providerServer?.close(resolve));
  });

  const backAtApp = (url: URL) => url.origin === appUrl && !url.pathname.startsWith('/api/auth/oidc/');

  it('tells the login page both ways to log in', async () => {
    const res = await fetch(`${appUrl}/api/auth/providers`);
    expect(await res.json()).toEqual({ password: true, sso: { label: 'Test SSO' } } satisfies AuthProviders);
  });

  it('logs in through the provider with PKCE, back where the person was, with the role of their group', async () => {
    const browser = new Browser();
    const { url } = await browser.signIn(
      `${appUrl}/api/auth/oidc/login?returnTo=${encodeURIComponent('/clusters/local/topics?q=orders')}`,
      'mia',
      backAtApp,
    );
    expect(url.pathname + url.search).toBe('/clusters/local/topics?q=orders');
    const me = await browser.get(`${appUrl}/api/auth/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      username: 'mia',
      auth: 'local',
      clusters: [{ name: 'local', role: 'viewer' }],
    } satisfies Me);
    expect((await browser.get(`${appUrl}/api/clusters/local/topics`)).status).toBe(200);
    // A viewer by their provider group: deleting a topic is refused with the reason.
    const del = await browser.get(`${appUrl}/api/clusters/local/topics/anything`, { method: 'DELETE' });
    expect(del.status).toBe(403);
    expect(((await del.json()) as { message: string }).message).toMatch(/mia may not delete a topic/);
    // Logging out ends it like a password login.
    await browser.get(`${appUrl}/api/auth/logout`, { method: 'POST' });
    expect((await browser.get(`${appUrl}/api/auth/me`)).status).toBe(401);
  });

  it('refuses a person whose groups have no role here, and says why on the login page', async () => {
    const browser = new Browser();
    const { url } = await browser.signIn(`${appUrl}/api/auth/oidc/login`, 'bob', backAtApp);
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('error')).toMatch(
      /bob logged in with single sign-on, but none of their groups/,
    );
    expect(browser.cookie(new URL(appUrl).host, 'tributary_session')).toBeUndefined();
    expect((await browser.get(`${appUrl}/api/auth/me`)).status).toBe(401);
  });

  it('never sends the person elsewhere after login (no open redirect)', async () => {
    const browser = new Browser();
    const { url } = await browser.signIn(
      `${appUrl}/api/auth/oidc/login?returnTo=${encodeURIComponent('//evil.example/x')}`,
      'mia',
      backAtApp,
    );
    expect(url.href).toBe(`${appUrl}/`);
  });

  it('refuses a callback it did not start (no pending login) or a forged state', async () => {
    const browser = new Browser();
    const stray = await browser.get(`${appUrl}/api/auth/oidc/callback?code=x&state=y`);
    expect(stray.status).toBe(302);
    expect(new URL(stray.headers.get('location')!, appUrl).searchParams.get('error')).toMatch(
      /took too long or was started elsewhere/,
    );
    // A real login whose state is swapped on the way back: the exchange is refused.
    const started = await browser.get(`${appUrl}/api/auth/oidc/login`);
    const toProvider = new URL(started.headers.get('location')!);
    toProvider.searchParams.set('state', 'forged');
    const { url } = await browser.signIn(toProvider.href, 'mia', (u) => u.origin === appUrl);
    const back = await browser.get(url.href);
    const error = new URL(back.headers.get('location')!, appUrl).searchParams.get('error');
    expect(error).toMatch(/Single sign-on failed/);
    expect((await browser.get(`${appUrl}/api/auth/me`)).status).toBe(401);
  });

  it('says so when the provider cannot be reached', async () => {
    const down = await buildTestApp([], {
      auth: {
        ...(await testAuth()),
        sessionSecret: 'a session secret for this test only, 32+ chars',
        oidc: {
          issuer: 'http://127.0.0.1:1',
          clientId: 'tributary',
          label: 'Down SSO',
          scopes: ['openid'],
          usernameClaims: ['sub'],
          rolesClaim: 'groups',
          roles: new Map([['x', everything('viewer')]]),
          allowHttp: true,
        },
      },
    });
    const res = await down.inject('/api/auth/oidc/login');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      code: 'SSO_UNAVAILABLE',
      message: expect.stringMatching(/The OpenID provider at http:\/\/127\.0\.0\.1:1 could not be reached/),
    });
  });
});
