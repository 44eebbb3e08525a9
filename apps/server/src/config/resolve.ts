// From the file's shapes to the app's: secrets read from their files, TLS files read, names checked,
// users' roles spelled out. Every problem names its key.
import type { ClusterConfig, ConnectConfig, SchemaRegistryConfig } from '../config.ts';
import { ConfigError } from './errors.ts';
import {
  pemFile,
  secret,
  type ClusterFileConfig,
  type FileConfig,
  type OidcFileConfig,
  type UserFileConfig,
} from './file.ts';

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

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  label: string;
  scopes: string[];
  /** Claims tried in turn for the user name. */
  usernameClaims: string[];
  rolesClaim: string;
  /** A provider group or role → what it grants here. */
  roles: Map<string, Grant[]>;
  allowHttp: boolean;
}

export interface AuthConfig {
  /** `local`: people log in (local users and/or single sign-on); `none`: no login (loopback only unless written in the config). */
  mode: 'none' | 'local';
  users: User[];
  /** Single sign-on, besides (or instead of) local users. */
  oidc?: OidcConfig;
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

export function checkSchemaRegistry(registry: SchemaRegistryConfig, source: string): SchemaRegistryConfig {
  let url: URL;
  try {
    url = new URL(registry.url);
  } catch {
    throw new ConfigError(`${source}.url="${registry.url}" is not a URL like http://schema-registry:8081`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${source}.url="${registry.url}" must start with http:// or https://`);
  return { ...registry, url: registry.url.replace(/\/+$/, '') };
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
  if (cluster.schemaRegistry) {
    const { url, username, password, passwordFile } = cluster.schemaRegistry;
    const where = `${source}.schemaRegistry`;
    const value = secret(password, passwordFile, `${where}.password`);
    result.schemaRegistry = checkSchemaRegistry(
      {
        url,
        ...(username !== undefined ? { username } : {}),
        ...(value !== undefined ? { password: value } : {}),
      },
      where,
    );
  }
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
    const grants = grantsOf(user.roles);
    if (grants.length === 0) throw new ConfigError(`${path}: users[${i}].roles is empty`);
    return { username: user.username, passwordHash: user.passwordHash, grants };
  });
  const oidc = file.oidc === undefined ? undefined : oidcConfig(file.oidc, path);
  const names = new Set<string>();
  for (const [i, user] of users.entries()) {
    if (names.has(user.username))
      throw new ConfigError(`${path}: users[${i}].username "${user.username}" appears twice`);
    names.add(user.username);
  }
  const mode = envMode ?? file.auth ?? (users.length > 0 ? 'local' : 'none');
  if (mode !== 'none' && mode !== 'local')
    throw new ConfigError(`TRIBUTARY_AUTH="${mode}" must be "none" or "local"`);
  if (mode === 'local' && users.length === 0 && !oidc)
    throw new ConfigError(`${path || 'the configuration'}: auth is "local" but no users are configured`);
  if (mode === 'none' && users.length > 0)
    throw new ConfigError(`${path}: auth is "none" but users are configured; remove one or the other`);
  if (mode === 'none' && oidc)
    throw new ConfigError(`${path}: auth is "none" but oidc is configured; remove one or the other`);
  const sessionSecret =
    env.sessionSecret ?? secret(file.sessionSecret, file.sessionSecretFile, `sessionSecret`);
  if (env.sessionSecret !== undefined && env.sessionSecret.length < 32)
    throw new ConfigError('TRIBUTARY_SESSION_SECRET must be at least 32 characters');
  return {
    mode,
    users,
    ...(oidc ? { oidc } : {}),
    ...(sessionSecret !== undefined ? { sessionSecret } : {}),
    sessionTtlMinutes: file.sessionTtlMinutes ?? 12 * 60,
    ...(file.sessionCluster !== undefined ? { sessionCluster: file.sessionCluster } : {}),
    sessionTopic: file.sessionTopic ?? SESSION_TOPIC,
  };
}

function grantsOf(roles: UserFileConfig['roles']): Grant[] {
  return typeof roles === 'string'
    ? [{ role: roles, clusters: ALL, topics: ALL, groups: ALL }]
    : roles.map((g) => ({
        role: g.role,
        clusters: g.clusters ?? ALL,
        topics: g.topics ?? ALL,
        groups: g.groups ?? ALL,
      }));
}

function oidcConfig(oidc: OidcFileConfig, path: string): OidcConfig {
  let issuer: URL;
  try {
    issuer = new URL(oidc.issuer);
  } catch {
    throw new ConfigError(`${path}: oidc.issuer="${oidc.issuer}" is not a URL`);
  }
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && oidc.allowHttp))
    throw new ConfigError(
      `${path}: oidc.issuer="${oidc.issuer}" must start with https:// (or set oidc.allowHttp for a provider on this machine)`,
    );
  const roles = new Map(Object.entries(oidc.roles).map(([group, grant]) => [group, grantsOf(grant)]));
  if (roles.size === 0)
    throw new ConfigError(`${path}: oidc.roles is empty, so nobody could log in with single sign-on`);
  const clientSecret = secret(oidc.clientSecret, oidc.clientSecretFile, 'oidc.clientSecret');
  return {
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    ...(clientSecret !== undefined ? { clientSecret } : {}),
    label: oidc.label ?? 'single sign-on',
    scopes: oidc.scopes ?? ['openid', 'profile', 'email'],
    usernameClaims: oidc.usernameClaim ? [oidc.usernameClaim] : ['preferred_username', 'email', 'sub'],
    rolesClaim: oidc.rolesClaim ?? 'groups',
    roles,
    allowHttp: oidc.allowHttp ?? false,
  };
}
