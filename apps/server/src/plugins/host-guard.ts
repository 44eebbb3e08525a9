import { isIP } from 'node:net';
import fp from 'fastify-plugin';
import type { ErrorBody } from '@tributary/contract';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether a page from `origin` may act on this server reached as `host` (REST mutations, WebSockets). */
    allowsOrigin(origin: string, host: string | undefined): boolean;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** "Example.COM:8080" → "example.com"; "[::1]:8080" → "[::1]"; undefined when it is not a host. */
function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The host names this server answers to: loopback, the bind address, `publicUrl`'s host and `allowedHosts`.
 * Any port goes with them (the Vite dev server on :5173 proxies with the browser's Host).
 */
export function hostNames(config: { host: string; allowedHosts: string[]; publicUrl?: string }): Set<string> {
  const names = ['localhost', '127.0.0.1', '[::1]', config.host, ...config.allowedHosts];
  if (config.publicUrl) names.push(new URL(config.publicUrl).host);
  return new Set(names.map((n) => hostnameOf(isIP(n) === 6 ? `[${n}]` : n)).filter((n) => n !== undefined));
}

/**
 * DNS rebinding: a page on evil.example whose name is made to point at 127.0.0.1 reaches this server with
 * `Host: evil.example`, and the browser counts it as that page's own origin. So only known host names are
 * answered (421), and REST changes and WebSockets from a page of another origin are refused (403). A
 * literal IP address cannot be rebound, so it is always accepted (e.g. a LAN address when bound to 0.0.0.0).
 */
export const hostGuardPlugin = fp(
  async (app) => {
    const names = hostNames(app.config);
    const known = (host: string | undefined) => {
      const name = host === undefined ? undefined : hostnameOf(host);
      return name !== undefined && (names.has(name) || isIP(name.replace(/^\[|\]$/g, '')) !== 0);
    };
    app.decorate('allowsOrigin', (origin: string, host: string | undefined) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false; // "null" (a sandboxed frame, a file) or garbage
      }
      return url.host === host || names.has(url.hostname);
    });

    app.addHook('onRequest', async (request, reply) => {
      const host = request.headers.host;
      if (host !== undefined && !known(host)) {
        request.log.warn({ host }, 'request for an unknown host name refused');
        const body: ErrorBody = {
          code: 'FORBIDDEN',
          message:
            `This server does not answer to the host name "${hostnameOf(host) ?? host}". If that name is ` +
            "meant to reach it, add it to allowedHosts (or publicUrl) in Tributary's configuration.",
        };
        return reply.status(421).send(body);
      }
      const origin = request.headers.origin;
      const websocket = request.headers.upgrade?.toLowerCase() === 'websocket';
      if (
        origin !== undefined &&
        (MUTATING.has(request.method) || websocket) &&
        !app.allowsOrigin(origin, host)
      ) {
        request.log.warn({ origin, host }, 'request from a foreign origin refused');
        const body: ErrorBody = {
          code: 'FORBIDDEN',
          message: `A page from ${origin} may not ${websocket ? 'open a WebSocket to' : 'change anything on'} this server.`,
        };
        return reply.status(403).send(body);
      }
    });
  },
  { name: 'host-guard' },
);
