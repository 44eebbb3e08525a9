// Who may call what, in one place: every route gets its rule from auth/permissions.ts when it is
// registered, and one onRequest hook authenticates (401), keeps read-only clusters unchanged (403 naming
// `readOnly`) and checks the role on the cluster and on the topic or group named in the path (403). A
// topic named in the body (create) is checked once the body is read.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '@tributary/contract';
import type { OidcConfig, User } from '../config/resolve.ts';
import { ANONYMOUS, may, roleFor, type Target } from '../auth/grants.ts';
import { ruleOf, type Rule } from '../auth/permissions.ts';
import { Sessions } from '../auth/sessions.ts';
import { hasScrapeToken } from './metrics.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Undefined when nobody logs in (auth `none`). */
    sessions: Sessions | undefined;
    /** Every route registered, as `METHOD url` (the enumerated access test walks them). */
    registeredRoutes: { method: string; url: string; websocket: boolean }[];
  }
  interface FastifyRequest {
    /** The logged-in user (everyone is `anonymous` and an admin when auth is `none`). */
    user: User | undefined;
  }
  interface FastifyContextConfig {
    permission?: Rule;
  }
}

export const SESSION_COOKIE = 'tributary_session';

function refuse(reply: FastifyReply, status: 401 | 403, body: ErrorBody) {
  return reply.status(status).send(body);
}

function targetOf(rule: Rule, request: FastifyRequest): Target {
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  if (rule.on === 'topic') return { topic: params.topic ?? '' };
  if (rule.on === 'group') return { group: params.group ?? '' };
  if (rule.on === 'body.name' || rule.on === 'body.topic') {
    const body = request.body as { name?: unknown; topic?: unknown } | undefined;
    const name = rule.on === 'body.name' ? body?.name : body?.topic;
    return { topic: typeof name === 'string' ? name : '' };
  }
  return {};
}

/** A person who logged in with single sign-on; nobody when no configured group of theirs grants a role. */
function ssoUser(username: string, groups: string[], oidc: OidcConfig | undefined): User | undefined {
  if (!oidc) return undefined;
  const grants = groups.flatMap((group) => oidc.roles.get(group) ?? []);
  return grants.length === 0 ? undefined : { username, passwordHash: '', grants };
}

function describe(target: Target): string {
  if (target.topic !== undefined) return ` (topic "${target.topic}")`;
  if (target.group !== undefined) return ` (group "${target.group}")`;
  return '';
}

/** Sessions shared through a topic of the session cluster (default: the first), or this process's alone. */
function sessionsOf(app: FastifyInstance): Sessions {
  const { auth, clusters, kafkaRequestTimeoutMs } = app.config;
  const cluster = auth.sessionCluster ?? clusters[0]?.name;
  if (cluster === undefined)
    app.log.warn('no Kafka cluster is configured: sessions are known to this server only');
  return new Sessions({
    ttlMs: auth.sessionTtlMinutes * 60_000,
    ...(auth.sessionSecret !== undefined ? { secret: auth.sessionSecret } : {}),
    ...(cluster !== undefined
      ? { topic: { connection: app.clusters.get(cluster), name: auth.sessionTopic } }
      : {}),
    readyTimeoutMs: kafkaRequestTimeoutMs * 2,
    log: app.log,
  });
}

export const accessPlugin = fp(
  async (app) => {
    const { auth, clusters } = app.config;
    const users = new Map(auth.users.map((u) => [u.username, u]));
    const readOnly = new Set(clusters.filter((c) => c.readOnly).map((c) => c.name));
    const sessions = auth.mode === 'local' ? sessionsOf(app) : undefined;
    // Reading it would give away the signing key: refused to everybody, like a route without a rule.
    const sessionCluster = auth.sessionCluster ?? clusters[0]?.name;
    const sessionTopic =
      sessions && sessionCluster !== undefined
        ? { cluster: sessionCluster, name: auth.sessionTopic }
        : undefined;
    app.decorate('sessions', sessions);
    app.decorate('registeredRoutes', []);
    // Cookies are signed by the sessions themselves (auth/session-cookie.ts), not by @fastify/cookie.
    await app.register(cookie);
    app.decorateRequest('user', undefined);
    if (sessions) {
      app.addHook('onReady', async () => sessions.start());
      app.addHook('onClose', () => sessions.close());
    }

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        app.registeredRoutes.push({
          method,
          url: route.url,
          websocket: route.websocket === true || 'wsHandler' in route,
        });
        const rule = ruleOf(method, route.url);
        if (rule) route.config = { ...route.config, permission: rule };
      }
    });

    const userOf = async (request: FastifyRequest): Promise<User | undefined> => {
      if (!sessions) return ANONYMOUS;
      const raw = request.cookies[SESSION_COOKIE];
      if (!raw) return undefined;
      const claims = await sessions.check(raw);
      if (claims === undefined) return undefined;
      // Single sign-on: the provider's groups at login, mapped to roles by today's configuration.
      if (claims.providerGroups) return ssoUser(claims.username, claims.providerGroups, auth.oidc);
      // A user removed from the configuration is logged out; roles are read from it at each request.
      return users.get(claims.username);
    };

    const check = (request: FastifyRequest, reply: FastifyReply, rule: Rule, user: User) => {
      if (rule.need === 'public') return;
      const cluster = (request.params as { cluster?: string } | undefined)?.cluster;
      if (cluster !== undefined && rule.need !== 'read' && readOnly.has(cluster))
        return refuse(reply, 403, {
          code: 'FORBIDDEN',
          message: `Cluster "${cluster}" is read-only (readOnly in Tributary's configuration): nobody may ${rule.what} there.`,
        });
      const target = targetOf(rule, request);
      if (sessionTopic && cluster === sessionTopic.cluster && target.topic === sessionTopic.name)
        return refuse(reply, 403, {
          code: 'FORBIDDEN',
          message: `Topic "${target.topic}" holds the key that signs Tributary's sessions: nobody may ${rule.what} there through Tributary.`,
        });
      if (!may(user, rule.need, cluster, target))
        return refuse(reply, 403, {
          code: 'FORBIDDEN',
          message:
            `${user.username} may not ${rule.what}${cluster ? ` on cluster "${cluster}"` : ''}${describe(target)}: ` +
            `that needs the ${roleFor(rule.need)} role there.`,
        });
    };

    app.addHook('onRequest', async (request, reply) => {
      const rule = request.routeOptions.config.permission;
      if (!rule) {
        // A 404 has no route; anything else without a rule is a route someone forgot to list.
        if (request.routeOptions.url === undefined) return;
        request.log.error({ url: request.routeOptions.url }, 'route without a permission rule refused');
        return refuse(reply, 403, {
          code: 'FORBIDDEN',
          message: `${request.method} ${request.routeOptions.url} has no permission rule, so nobody may call it.`,
        });
      }
      if (rule.scrapeToken && hasScrapeToken(app.config, request)) return;
      // Public routes need no session (the web app's files, the login), except the one saying who is in.
      if (rule.need === 'public' && request.routeOptions.url !== '/api/auth/me') return;
      request.user = await userOf(request);
      if (rule.need === 'public') return;
      if (!request.user)
        return refuse(reply, 401, { code: 'UNAUTHORIZED', message: 'Log in to use Tributary.' });
      // The body is not read yet: a name in it is checked in preHandler.
      if (rule.on === 'body.name' || rule.on === 'body.topic') {
        const cluster = (request.params as { cluster?: string } | undefined)?.cluster;
        if (cluster !== undefined && readOnly.has(cluster)) return check(request, reply, rule, request.user);
        if (!may(request.user, rule.need, cluster)) return check(request, reply, rule, request.user);
        return;
      }
      return check(request, reply, rule, request.user);
    });

    app.addHook('preHandler', async (request, reply) => {
      const rule = request.routeOptions.config.permission;
      if ((rule?.on === 'body.name' || rule?.on === 'body.topic') && request.user)
        return check(request, reply, rule, request.user);
    });
  },
  { name: 'access', dependencies: ['host-guard'] },
);
