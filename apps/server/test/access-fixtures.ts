// Users, roles and a read-only cluster for the access tests: an app over the shared broker with login on.
import { hash } from '@node-rs/argon2';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import type { App } from '../src/app.ts';
import { SESSION_TOPIC, type AuthConfig } from '../src/config/resolve.ts';

export const PASSWORD = 'correct horse battery staple';

export async function testAuth(): Promise<AuthConfig> {
  const passwordHash = await hash(PASSWORD);
  return {
    mode: 'local',
    sessionTtlMinutes: 60,
    sessionTopic: SESSION_TOPIC,
    users: [
      {
        username: 'ann',
        passwordHash,
        grants: [{ role: 'admin', clusters: ['*'], topics: ['*'], groups: ['*'] }],
      },
      {
        username: 'vic',
        passwordHash,
        grants: [{ role: 'viewer', clusters: ['*'], topics: ['*'], groups: ['*'] }],
      },
      {
        username: 'ops',
        passwordHash,
        grants: [{ role: 'operator', clusters: ['local'], topics: ['orders-*'], groups: ['billing-*'] }],
      },
    ],
  };
}

/** A read-only view of the shared broker. */
export const frozenCluster = () => ({
  name: 'frozen',
  bootstrapServers: sharedKafkaBrokers(),
  readOnly: true,
});

/** Logs in and answers the session cookie as a `cookie` header value. */
export async function login(app: App, username: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tributary_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/** A concrete URL for a route pattern: every parameter filled with something plausible. */
export function fill(url: string, cluster: string): string {
  const values: Record<string, string> = {
    cluster,
    topic: 'orders-access',
    group: 'billing-access',
    action: 'pause',
    connect: 'main',
    name: 'conn',
    class: 'FileStreamSource',
  };
  return url.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(values[p] ?? '0'));
}
