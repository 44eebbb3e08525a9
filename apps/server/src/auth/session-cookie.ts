// The session cookie carries its own claims, signed with HMAC-SHA256, so any server holding the key can
// check it without asking the one that issued it. Roles are not in it: they come from the configuration
// at each request, so a changed role applies at once.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  username: string;
  /** Random: what a logout revokes. */
  sessionId: string;
  /** Epoch milliseconds after which the cookie is refused. */
  expires: number;
  /**
   * Single sign-on only: the provider's groups that the configuration maps to roles, as the provider named
   * them at login (the roles themselves are still read from the configuration at each request).
   */
  providerGroups?: string[];
}

const VERSION = 'v1';

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();
}

/** `v1.<claims as base64url JSON>.<HMAC-SHA256 of both, base64url>`: only cookie-safe characters. */
export function sealSession(claims: SessionClaims, key: Buffer): string {
  const payload = Buffer.from(
    JSON.stringify({
      u: claims.username,
      s: claims.sessionId,
      e: claims.expires,
      ...(claims.providerGroups ? { o: claims.providerGroups } : {}),
    }),
  ).toString('base64url');
  return `${VERSION}.${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The claims of a cookie signed with `key` and not expired at `now`; undefined for anything else. */
export function openSession(value: string, key: Buffer, now = Date.now()): SessionClaims | undefined {
  const [version, payload, signature, ...rest] = value.split('.');
  if (version !== VERSION || !payload || !signature || rest.length > 0) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { u, s, e, o } = (parsed ?? {}) as { u?: unknown; s?: unknown; e?: unknown; o?: unknown };
  if (typeof u !== 'string' || typeof s !== 'string' || typeof e !== 'number') return undefined;
  if (e <= now) return undefined;
  if (o === undefined) return { username: u, sessionId: s, expires: e };
  if (!Array.isArray(o) || o.some((g) => typeof g !== 'string')) return undefined;
  return { username: u, sessionId: s, expires: e, providerGroups: o as string[] };
}
