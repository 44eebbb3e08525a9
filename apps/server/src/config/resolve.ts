// From the file's shapes to the app's: secrets read from their files, TLS files read, names checked,
// users' roles spelled out. Every problem names its key.
import type { ClusterConfig, ConnectConfig } from '../config.ts';
import { ConfigError } from './errors.ts';
import { pemFile, secret, type ClusterFileConfig, type FileConfig } from './file.ts';

export type Role = 'viewer' | 'operator' | 'admin';

/** A role on the clusters, topics and groups whose names match these patterns (`*`: any characters). */
export interface Grant {
  role: Role;
  clusters: string[];
  topics: string[];
  groups: string[];
}

export interface User {
  username: string;
  passwordHash: string;
  grants: Grant[];
}

export interface AuthConfig {
  /** `local`: users log in; `none`: no login (loopback only unless written in the config). */
  mode: 'none' | 'local';
  users: User[];
  /** Signs session cookies; absent, a key made once and shared through `sessionTopic`. */
  sessionSecret?: string;
  sessionTtlMinutes: number;
  /** Where every server reads logouts (and the shared key): this topic of this cluster (default: the first). */
  sessionCluster?: string;
  sessionTopic: string;
}

export interface AuditConfig {
  file?: string;
  cluster?: string;
  topic?: string;
}

export const NAME = /^[A-Za-z0-9._-]+$/;

export function checkConnect(connect: ConnectConfig, source: string): ConnectConfig {
  if (!connect?.name || !NAME.test(connect.name))
    throw new ConfigError(`${source}.name must be letters, digits, '.', '_' or '-'`);
  let url: URL;
  try {
    url = new URL(connect.url);
  } catch {
    throw new ConfigError(`${source}.url="${connect.url}" is not a URL like http://host:8083`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${source}.url="${connect.url}" must start with http:// or https://`);
  return { ...connect, url: connect.url.replace(/\/+$/, '') };
}

export function clusterFromFile(cluster: ClusterFileConfig, source: string): ClusterConfig {
  if (!NAME.test(cluster.name))
    throw new ConfigError(`${source}.name must be letters, digits, '.', '_' or '-'`);
  const result: ClusterConfig = { name: cluster.name, bootstrapServers: cluster.bootstrapServers };
  if (cluster.readOnly) result.readOnly = true;
  if (cluster.sasl) {
    const { mechanism, username, password, passwordFile } = cluster.sasl;
    const value = secret(password, passwordFile, `${source}.sasl.password`);
    if (value === undefined) throw new ConfigError(`${source}.sasl needs password or passwordFile`);
    result.sasl = { mechanism, username, password: value };
  }
  if (cluster.tls === true) result.tls = {};
  else if (cluster.tls) {
    const { caFile, certFile, keyFile } = cluster.tls;
    if ((certFile === undefined) !== (keyFile === undefined))
      throw new ConfigError(
        `${source}.tls: certFile and keyFile go together (a client certificate and its key)`,
      );
    result.tls = {
      ...(caFile ? { ca: pemFile(caFile, `${source}.tls.caFile`) } : {}),
      ...(certFile ? { cert: pemFile(certFile, `${source}.tls.certFile`) } : {}),
      ...(keyFile ? { key: pemFile(keyFile, `${source}.tls.keyFile`) } : {}),
    };
  }
  if (cluster.connect)
    result.connect = cluster.connect.map((c, j) => {
      const where = `${source}.connect[${j}]`;
      const password = secret(c.password, c.passwordFile, `${where}.password`);
      return checkConnect(
        {
          name: c.name,
          url: c.url,
          ...(c.username !== undefined ? { username: c.username } : {}),
          ...(password !== undefined ? { password } : {}),
        },
        where,
      );
    });
  return result;
}

const ALL = ['*'];

export const SESSION_TOPIC = '__tributary_auth';

export function authConfig(
  file: FileConfig,
  path: string,
  env: { mode?: string | undefined; sessionSecret?: string | undefined },
): AuthConfig {
  const envMode = env.mode;
  const users = (file.users ?? []).map((user, i): User => {
    const grants =
      typeof user.roles === 'string'
        ? [{ role: user.roles, clusters: ALL, topics: ALL, groups: ALL }]
        : user.roles.map((g) => ({
            role: g.role,
            clusters: g.clusters ?? ALL,
            topics: g.topics ?? ALL,
            groups: g.groups ?? ALL,
          }));
    if (grants.length === 0) throw new ConfigError(`${path}: users[${i}].roles is empty`);
    return { username: user.username, passwordHash: user.passwordHash, grants };
  });
  const names = new Set<string>();
  for (const [i, user] of users.entries()) {
    if (names.has(user.username))
      throw new ConfigError(`${path}: users[${i}].username "${user.username}" appears twice`);
    names.add(user.username);
  }
  const mode = envMode ?? file.auth ?? (users.length > 0 ? 'local' : 'none');
  if (mode !== 'none' && mode !== 'local')
    throw new ConfigError(`TRIBUTARY_AUTH="${mode}" must be "none" or "local"`);
  if (mode === 'local' && users.length === 0)
    throw new ConfigError(`${path || 'the configuration'}: auth is "local" but no users are configured`);
  if (mode === 'none' && users.length > 0)
    throw new ConfigError(`${path}: auth is "none" but users are configured; remove one or the other`);
  const sessionSecret =
    env.sessionSecret ?? secret(file.sessionSecret, file.sessionSecretFile, `sessionSecret`);
  if (env.sessionSecret !== undefined && env.sessionSecret.length < 32)
    throw new ConfigError('TRIBUTARY_SESSION_SECRET must be at least 32 characters');
  return {
    mode,
    users,
    ...(sessionSecret !== undefined ? { sessionSecret } : {}),
    sessionTtlMinutes: file.sessionTtlMinutes ?? 12 * 60,
    ...(file.sessionCluster !== undefined ? { sessionCluster: file.sessionCluster } : {}),
    sessionTopic: file.sessionTopic ?? SESSION_TOPIC,
  };
}
