import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import rateLimit from '@fastify/rate-limit';
import { verify } from '@node-rs/argon2';
import { ErrorBody, LoginBody, Me } from '@tributary/contract';
import type { User } from '../config/resolve.ts';
import { roleOn } from '../auth/grants.ts';
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
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'TOO_MANY',
      message: `Too many login attempts; try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });

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
      reply.setCookie(SESSION_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: Math.ceil(auth.sessionTtlMinutes * 60),
      });
      return me(user);
    },
  );

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
