// Who may call what, in one place: every route gets its rule from auth/permissions.ts when it is
// registered, and one onRequest hook authenticates (401), keeps read-only clusters unchanged (403 naming
// `readOnly`) and checks the role on the cluster and on the topic or group named in the path (403). A
// topic named in the body (create) is checked once the body is read.
import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '@tributary/contract';
import type { User } from '../config/resolve.ts';
import { ANONYMOUS, may, roleFor, type Target } from '../auth/grants.ts';
import { ruleOf, type Rule } from '../auth/permissions.ts';
import { Sessions } from '../auth/sessions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
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
  if (rule.on === 'body.name') {
    const name = (request.body as { name?: unknown } | undefined)?.name;
    return { topic: typeof name === 'string' ? name : '' };
  }
  return {};
}

function describe(target: Target): string {
  if (target.topic !== undefined) return ` (topic "${target.topic}")`;
  if (target.group !== undefined) return ` (group "${target.group}")`;
  return '';
}

export const accessPlugin = fp(
  async (app) => {
    const { auth, clusters } = app.config;
    const users = new Map(auth.users.map((u) => [u.username, u]));
    const readOnly = new Set(clusters.filter((c) => c.readOnly).map((c) => c.name));
    app.decorate('sessions', new Sessions(auth.sessionTtlMinutes * 60_000));
    app.decorate('registeredRoutes', []);
    // Without a configured secret the cookies are signed with one made now (a restart logs everyone out).
    await app.register(cookie, { secret: auth.sessionSecret ?? randomBytes(32).toString('base64url') });
    app.decorateRequest('user', undefined);

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

    const userOf = (request: FastifyRequest): User | undefined => {
      if (auth.mode === 'none') return ANONYMOUS;
      const raw = request.cookies[SESSION_COOKIE];
      if (!raw) return undefined;
      const unsigned = request.unsignCookie(raw);
      if (!unsigned.valid || !unsigned.value) return undefined;
      const username = app.sessions.user(unsigned.value);
      return username === undefined ? undefined : users.get(username);
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
      request.user = userOf(request);
      if (rule.need === 'public') return;
      if (!request.user)
        return refuse(reply, 401, { code: 'UNAUTHORIZED', message: 'Log in to use Tributary.' });
      // The body is not read yet: a name in it is checked in preHandler.
      if (rule.on === 'body.name') {
        const cluster = (request.params as { cluster?: string } | undefined)?.cluster;
        if (cluster !== undefined && readOnly.has(cluster)) return check(request, reply, rule, request.user);
        if (!may(request.user, rule.need, cluster)) return check(request, reply, rule, request.user);
        return;
      }
      return check(request, reply, rule, request.user);
    });

    app.addHook('preHandler', async (request, reply) => {
      const rule = request.routeOptions.config.permission;
      if (rule?.on === 'body.name' && request.user) return check(request, reply, rule, request.user);
    });
  },
  { name: 'access', dependencies: ['host-guard'] },
);
