import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import rateLimit from '@fastify/rate-limit';
import { verify } from '@node-rs/argon2';
import { AuthProviders, ErrorBody, LoginBody, Me, OidcLoginQuery } from '@tributary/contract';
import type { User } from '../config/resolve.ts';
import { roleOn } from '../auth/grants.ts';
import { OidcLogin, type PendingLogin } from '../auth/oidc.ts';
import { DomainError } from '../domain/errors.ts';
import { SESSION_COOKIE } from '../plugins/access.ts';

// Checked when the user is unknown, so a wrong name takes as long as a wrong password.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$lp4XdOGaQGhX5T/YQ6dA4w$9FAx0Q3pnCoMxyTx7wlVAb8evp0c/SLDqKXoZW26pms';

async function passwordMatches(hash: string, password: string): Promise<boolean> {
  try {
    return await verify(hash, password);
  } catch {
    return false;
  }
}

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { auth } = app.config;
  const users = new Map(auth.users.map((u) => [u.username, u]));
  const secure = app.config.publicUrl?.startsWith('https:') ?? false;
  const sso = auth.oidc && auth.mode === 'local' ? new OidcLogin(auth.oidc) : undefined;
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'TOO_MANY',
      message: `Too many login attempts; try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });

  const sessionCookie = (cookie: string) =>
    [
      SESSION_COOKIE,
      cookie,
      {
        httpOnly: true,
        sameSite: 'lax' as const,
        secure,
        path: '/',
        maxAge: Math.ceil(auth.sessionTtlMinutes * 60),
      },
    ] as const;

  const me = (user: User): Me => ({
    username: user.username,
    auth: auth.mode,
    clusters: app.clusters.list().flatMap((c) => {
      const role = roleOn(user, c.name);
      return role ? [{ name: c.name, role }] : [];
    }),
  });

  app.post(
    '/api/auth/login',
    {
      schema: {
        body: LoginBody,
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody, 503: ErrorBody },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const user = users.get(req.body.username);
      const ok = await passwordMatches(user?.passwordHash ?? DUMMY_HASH, req.body.password);
      const sessions = app.sessions; // undefined when auth is `none`: nobody logs in
      if (!user || !ok || !sessions) {
        req.log.warn({ username: req.body.username }, 'failed login');
        return reply.status(401).send({ code: 'UNAUTHORIZED', message: 'Wrong user name or password.' });
      }
      const { cookie } = await sessions.issue(user.username);
      reply.setCookie(...sessionCookie(cookie));
      return me(user);
    },
  );

  app.get('/api/auth/providers', { schema: { response: { 200: AuthProviders } } }, () => ({
    password: auth.mode === 'local' && auth.users.length > 0,
    sso: sso ? { label: sso.label } : null,
  }));

  // Single sign-on: to the provider and back. The pending login (PKCE verifier, state, nonce) waits in a
  // short-lived HttpOnly cookie scoped to the callback; the provider's answer comes back as a top-level
  // GET, which SameSite=Lax lets through.
  const PENDING_COOKIE = 'tributary_sso';
  const callbackPath = '/api/auth/oidc/callback';
  const origin = (req: { protocol: string; host: string }) =>
    app.config.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
  /** Only a path of this app: an address elsewhere would make the login an open redirect. */
  const safeReturn = (to: string | undefined) => (to && /^\/(?![/\\])/.test(to) ? to : '/');

  app.get(
    '/api/auth/oidc/login',
    {
      schema: {
        querystring: OidcLoginQuery,
        response: { 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (req, reply) => {
      if (!sso || !app.sessions)
        throw new DomainError('NOT_FOUND', 'Single sign-on is not configured on this Tributary.');
      const { url, pending } = await sso.start(origin(req) + callbackPath, safeReturn(req.query.returnTo));
      reply.setCookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: callbackPath,
        maxAge: 600,
      });
      return reply.redirect(url);
    },
  );

  app.get(callbackPath, async (req, reply) => {
    // Any failure goes back to the login page, which shows the sentence.
    const back = (message: string) => reply.redirect(`/login?error=${encodeURIComponent(message)}`);
    reply.clearCookie(PENDING_COOKIE, { path: callbackPath });
    if (!sso || !app.sessions) return back('Single sign-on is not configured on this Tributary.');
    const pending = pendingOf(req.cookies[PENDING_COOKIE]);
    if (!pending) return back('The single sign-on took too long or was started elsewhere; try again.');
    try {
      const identity = await sso.finish(new URL(req.url, origin(req)), pending);
      const { cookie } = await app.sessions.issue(identity.username, identity.groups);
      reply.setCookie(...sessionCookie(cookie));
      req.log.info({ username: identity.username }, 'single sign-on');
      return reply.redirect(pending.returnTo);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      req.log.warn({ err: error }, 'failed single sign-on');
      return back(error.message);
    }
  });

  app.post('/api/auth/logout', async (req, reply) => {
    const raw = req.cookies[SESSION_COOKIE];
    // Cleared first: if the logout cannot reach Kafka, the answer says so, and this browser is out anyway.
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (raw && app.sessions) await app.sessions.revoke(raw);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { response: { 200: Me, 401: ErrorBody } } }, async (req, reply) => {
    if (!req.user)
      return reply.status(401).send({ code: 'UNAUTHORIZED', message: 'Log in to use Tributary.' });
    return me(req.user);
  });
};

function pendingOf(raw: string | undefined): PendingLogin | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PendingLogin>;
    const fields = [value.verifier, value.state, value.nonce, value.returnTo];
    return fields.every((f) => typeof f === 'string') ? (value as PendingLogin) : undefined;
  } catch {
    return undefined;
  }
}
