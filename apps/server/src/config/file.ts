// The configuration file (TRIBUTARY_CONFIG): YAML or JSON (YAML reads JSON too), checked against one
// schema so that a mistake stops the start with a sentence naming the key, like `clusters[0].readOnly`.
import { readFileSync } from 'node:fs';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { parse } from 'yaml';
import { ConfigError } from './errors.ts';

const strict = { additionalProperties: false } as const;
const Strings = Type.Array(Type.String());
const Mechanism = Type.Union([
  Type.Literal('plain'),
  Type.Literal('scram-sha-256'),
  Type.Literal('scram-sha-512'),
]);
const Role = Type.Union([Type.Literal('viewer'), Type.Literal('operator'), Type.Literal('admin')]);

const SaslFile = Type.Object(
  {
    mechanism: Mechanism,
    username: Type.String(),
    password: Type.Optional(Type.String()),
    /** A file holding the password (a mounted secret), read at start. */
    passwordFile: Type.Optional(Type.String()),
  },
  strict,
);

const TlsFile = Type.Object(
  {
    /** PEM file(s) of the certificate authorities to trust; absent: the system's. */
    caFile: Type.Optional(Type.String()),
    /** A PEM client certificate and its key, for brokers that ask for one (mTLS). */
    certFile: Type.Optional(Type.String()),
    keyFile: Type.Optional(Type.String()),
  },
  strict,
);

const ConnectFile = Type.Object(
  {
    name: Type.String(),
    url: Type.String(),
    username: Type.Optional(Type.String()),
    password: Type.Optional(Type.String()),
    passwordFile: Type.Optional(Type.String()),
  },
  strict,
);

const SchemaRegistryFile = Type.Object(
  {
    url: Type.String(),
    username: Type.Optional(Type.String()),
    password: Type.Optional(Type.String()),
    passwordFile: Type.Optional(Type.String()),
  },
  strict,
);

export const ClusterFile = Type.Object(
  {
    name: Type.String(),
    bootstrapServers: Strings,
    readOnly: Type.Optional(Type.Boolean()),
    sasl: Type.Optional(SaslFile),
    tls: Type.Optional(Type.Union([Type.Boolean(), TlsFile])),
    connect: Type.Optional(Type.Array(ConnectFile)),
    schemaRegistry: Type.Optional(SchemaRegistryFile),
  },
  strict,
);

/** One role on some clusters, topics and groups; patterns are names with `*` for any run of characters. */
export const GrantFile = Type.Object(
  {
    role: Role,
    clusters: Type.Optional(Strings),
    topics: Type.Optional(Strings),
    groups: Type.Optional(Strings),
  },
  strict,
);

export const UserFile = Type.Object(
  {
    username: Type.String({ minLength: 1 }),
    /** An argon2 hash (`$argon2id$...`), never the password itself. */
    passwordHash: Type.String({ pattern: '^\\$argon2(id|i|d)\\$' }),
    /** A role on every cluster (`admin`) or a list of grants. */
    roles: Type.Union([Role, Type.Array(GrantFile)]),
  },
  strict,
);

/** Single sign-on with an OpenID Connect provider (authorization code + PKCE). */
export const OidcFile = Type.Object(
  {
    /** The provider's issuer URL (its discovery document is at `/.well-known/openid-configuration`). */
    issuer: Type.String({ minLength: 1 }),
    clientId: Type.String({ minLength: 1 }),
    clientSecret: Type.Optional(Type.String()),
    clientSecretFile: Type.Optional(Type.String()),
    /** The button's text on the login page, e.g. "Company SSO". */
    label: Type.Optional(Type.String({ minLength: 1 })),
    scopes: Type.Optional(Strings),
    /** The claim naming the person (default: preferred_username, else email, else sub). */
    usernameClaim: Type.Optional(Type.String({ minLength: 1 })),
    /** The claim listing the person's groups or roles at the provider (default: groups). */
    rolesClaim: Type.Optional(Type.String({ minLength: 1 })),
    /** A provider group or role → a Tributary role on every cluster, or grants. Others may not log in. */
    roles: Type.Record(Type.String({ minLength: 1 }), Type.Union([Role, Type.Array(GrantFile)])),
    /** An http:// issuer (a provider on this machine, or tests); https is required otherwise. */
    allowHttp: Type.Optional(Type.Boolean()),
  },
  strict,
);

const FileSchema = Type.Object(
  {
    host: Type.Optional(Type.String()),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    allowedHosts: Type.Optional(Strings),
    publicUrl: Type.Optional(Type.String()),
    clusters: Type.Optional(Type.Array(ClusterFile)),
    exportEnabled: Type.Optional(Type.Boolean()),
    kafkaRequestTimeoutMs: Type.Optional(Type.Integer({ minimum: 1 })),
    connectRequestTimeoutMs: Type.Optional(Type.Integer({ minimum: 1 })),
    schemaRegistryTimeoutMs: Type.Optional(Type.Integer({ minimum: 1 })),
    connectPluginPath: Type.Optional(Type.String()),
    liveTailsMax: Type.Optional(Type.Integer({ minimum: 1 })),
    searchesMax: Type.Optional(Type.Integer({ minimum: 1 })),
    exportsMax: Type.Optional(Type.Integer({ minimum: 1 })),
    uploadMaxBytes: Type.Optional(Type.Integer({ minimum: 1 })),
    allowInternalTopicChanges: Type.Optional(Type.Boolean()),
    lagHistory: Type.Optional(
      Type.Object(
        {
          topic: Type.Optional(Type.String({ minLength: 1 })),
          /** Older files' folder for samples: accepted and ignored (samples live in a Kafka topic now). */
          dir: Type.Optional(Type.String()),
          intervalMs: Type.Optional(Type.Integer({ minimum: 1 })),
          watched: Type.Optional(Strings),
        },
        strict,
      ),
    ),
    /** `token`: GET /metrics then asks for `Authorization: Bearer <token>`. */
    metrics: Type.Optional(Type.Object({ token: Type.Optional(Type.String({ minLength: 16 })) }, strict)),
    schedules: Type.Optional(
      Type.Object(
        {
          topic: Type.Optional(Type.String({ minLength: 1 })),
          runsTopic: Type.Optional(Type.String({ minLength: 1 })),
          group: Type.Optional(Type.String({ minLength: 1 })),
          partitions: Type.Optional(Type.Integer({ minimum: 1 })),
          runsRetentionMs: Type.Optional(Type.Integer({ minimum: 1 })),
          discoverMs: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        strict,
      ),
    ),
    templates: Type.Optional(Type.Object({ topic: Type.Optional(Type.String({ minLength: 1 })) }, strict)),
    /** `none`: no login, even when reachable from other machines (written on purpose). */
    auth: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('local')])),
    users: Type.Optional(Type.Array(UserFile)),
    oidc: Type.Optional(OidcFile),
    /** Signs session cookies; absent, a key made once and shared by every server through `sessionTopic`. */
    sessionSecret: Type.Optional(Type.String({ minLength: 32 })),
    sessionSecretFile: Type.Optional(Type.String()),
    sessionTtlMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
    /** The cluster (default: the first) and compacted topic where servers share logouts and the key. */
    sessionCluster: Type.Optional(Type.String()),
    sessionTopic: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,249}$' })),
    audit: Type.Optional(
      Type.Object(
        {
          /** JSON lines appended to this file (besides the server log). */
          file: Type.Optional(Type.String()),
          /** Also produced to this topic of this cluster, where `GET /api/audit` reads them back. */
          cluster: Type.Optional(Type.String()),
          topic: Type.Optional(Type.String()),
        },
        strict,
      ),
    ),
  },
  strict,
);

export type FileConfig = Static<typeof FileSchema>;
export type ClusterFileConfig = Static<typeof ClusterFile>;
export type UserFileConfig = Static<typeof UserFile>;
export type OidcFileConfig = Static<typeof OidcFile>;

/** "/clusters/0/sasl" → "clusters[0].sasl" */
function keyOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/** The first problem of `value` against `schema`, as a sentence naming the key. */
export function firstProblem(schema: TSchema, value: unknown): string | undefined {
  const errors = Value.Errors(schema, value);
  const extra = errors.find((e) => e.keyword === 'additionalProperties');
  if (extra) {
    const names = (extra.params as { additionalProperties?: string[] }).additionalProperties ?? [];
    const at = keyOf(extra.instancePath);
    return `unknown key "${at ? `${at}.` : ''}${names[0] ?? '?'}"`;
  }
  const first = errors.find((e) => e.keyword !== 'boolean');
  if (!first) return undefined;
  const key = keyOf(first.instancePath) || '(the whole file)';
  const choices = errors
    .filter((e) => e.keyword === 'const' && e.instancePath === first.instancePath)
    .map((e) => JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue));
  if (choices.length > 0) return `${key} must be one of ${choices.join(', ')}`;
  if (first.keyword === 'required') {
    const missing = (first.params as { requiredProperties?: string[] }).requiredProperties?.[0];
    return `${key === '(the whole file)' ? '' : `${key}.`}${missing ?? '?'} is missing`;
  }
  return `${key} ${first.message}`;
}

export function readFileConfig(path: string): FileConfig {
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `TRIBUTARY_CONFIG=${path} could not be read as YAML or JSON: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigError(`${path} must hold an object of settings (like clusters: [...])`);
  const problem = firstProblem(FileSchema, parsed);
  if (problem) throw new ConfigError(`${path}: ${problem}`);
  return parsed as FileConfig;
}

/** A secret written inline or in a file (trailing newline dropped); `source` names the key. */
export function secret(
  inline: string | undefined,
  file: string | undefined,
  source: string,
): string | undefined {
  if (inline !== undefined && file !== undefined)
    throw new ConfigError(`${source} and ${source}File are both set; keep one`);
  if (file === undefined) return inline;
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new ConfigError(
      `${source}File=${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

/** A PEM file's text; a Java keystore is refused with what to do instead. */
export function pemFile(path: string, source: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${source}=${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  if (!text.includes('-----BEGIN '))
    throw new ConfigError(
      `${source}=${path} is not a PEM file (a Java keystore? export it: keytool -exportcert -rfc -keystore ${path})`,
    );
  return text;
}
