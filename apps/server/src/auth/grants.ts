// What a user may do: a role (viewer < operator < admin) on clusters, topics and groups matched by name
// patterns. Pure functions, so the rules can be read and tested without a server.
import type { Grant, Role, User } from '../config/resolve.ts';

export type Need = 'read' | 'operate' | 'admin';

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };
const NEEDED: Record<Need, Role> = { read: 'viewer', operate: 'operator', admin: 'admin' };

export function roleFor(need: Need): Role {
  return NEEDED[need];
}

/** `orders-*` → /^orders-.*$/: `*` is any run of characters, everything else is literal. */
export function matches(patterns: string[], name: string): boolean {
  return patterns.some((pattern) => {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${source}$`).test(name);
  });
}

export interface Target {
  topic?: string;
  group?: string;
}

function covers(grant: Grant, need: Need, cluster: string | undefined, target: Target): boolean {
  if (RANK[grant.role] < RANK[NEEDED[need]]) return false;
  if (cluster !== undefined && !matches(grant.clusters, cluster)) return false;
  if (target.topic !== undefined && !matches(grant.topics, target.topic)) return false;
  if (target.group !== undefined && !matches(grant.groups, target.group)) return false;
  return true;
}

/** Whether `user` may do something that needs `need` on `cluster` (any cluster when undefined). */
export function may(user: User, need: Need, cluster: string | undefined, target: Target = {}): boolean {
  return user.grants.some((grant) => covers(grant, need, cluster, target));
}

/** The highest role `user` has on `cluster` regardless of names (for the web app to grey out actions). */
export function roleOn(user: User, cluster: string): Role | undefined {
  let best: Role | undefined;
  for (const grant of user.grants)
    if (matches(grant.clusters, cluster) && (!best || RANK[grant.role] > RANK[best])) best = grant.role;
  return best;
}

/** Everyone is an admin everywhere when nobody logs in (auth: none, loopback). */
export const ANONYMOUS: User = {
  username: 'anonymous',
  passwordHash: '',
  grants: [{ role: 'admin', clusters: ['*'], topics: ['*'], groups: ['*'] }],
};
