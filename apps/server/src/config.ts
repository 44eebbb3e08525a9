// The only module that reads the environment. Defaults, then a YAML or JSON file (TRIBUTARY_CONFIG), then env;
// a bad value stops the start with a sentence that names it.
import { ConfigError } from './config/errors.ts';
import { readFileConfig, type FileConfig } from './config/file.ts';
import { authConfig, clusterFromFile, type AuthConfig, type AuditConfig } from './config/resolve.ts';
import { envClusters } from './config/env-clusters.ts';

export interface SaslConfig {
  mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

/** A Kafka Connect cluster beside a Kafka cluster; only the server calls its REST API. */
export interface ConnectConfig {
  name: string;
  url: string;
  username?: string;
  password?: string;
  /** Where this worker loads plugins from, when known (the local worker): named in "not installed" answers. */
  pluginPath?: string;
}

/** TLS to the brokers: PEM texts (read from the configured files); none given: the system's CAs. */
export interface TlsConfig {
  ca?: string;
  cert?: string;
  key?: string;
}

/** A Confluent-compatible Schema Registry beside a Kafka cluster; only the server calls it. */
export interface SchemaRegistryConfig {
  url: string;
  username?: string;
  password?: string;
}

export interface ClusterConfig {
  name: string;
  bootstrapServers: string[];
  /** Every change (create, delete, configure, produce, reset, purge) answers 403 naming this setting. */
  readOnly?: boolean;
  sasl?: SaslConfig;
  tls?: TlsConfig;
  connect?: ConnectConfig[];
  schemaRegistry?: SchemaRegistryConfig;
}

export interface AppConfig {
  host: string;
  port: number;
  /** Host names (beyond loopback and the bind address) this server answers to; others get 421. */
  allowedHosts: string[];
  /** The address people use to reach this server (behind a proxy); its host name is allowed too. */
  publicUrl?: string;
  /** Empty: start the embedded local Kafka and use it as cluster `local`. */
  clusters: ClusterConfig[];
  /** How long a Kafka request may take before the API answers that the cluster is unavailable. */
  kafkaRequestTimeoutMs: number;
  /** How long a Kafka Connect request may take before the API answers that Connect is unavailable. */
  connectRequestTimeoutMs: number;
  /** How long a Schema Registry request may take before the API answers that the registry is unavailable. */
  schemaRegistryTimeoutMs: number;
  /** The local Connect worker's plugin folder (default `~/.cache/tributary/connect-plugins`). */
  connectPluginPath?: string;
  /**
   * TRIBUTARY_LOCAL_ACL: the embedded local Kafka authorizes (StandardAuthorizer, SCRAM users, ACLs) and
   * Tributary logs in to it as its super user. Only when no cluster is configured.
   */
  localAcl?: boolean;
  /** Where the built web app lives; served at `/` when present. */
  webDist?: string;
  /** Administrators may switch message export off. */
  exportEnabled: boolean;
  /** Concurrent live tails (WebSockets) this server accepts; one more gets a "limit reached" message. */
  liveTailsMax: number;
  /** The largest file a person may upload to produce from (bytes). */
  uploadMaxBytes: number;
  /** Message searches (WebSockets) running at once; one more is refused with a sentence. */
  searchesMax: number;
  /** Message exports streaming at once; one more is answered 429. */
  exportsMax: number;
  /** Administrators may allow deleting, purging, growing and reconfiguring Kafka's internal topics. */
  allowInternalTopicChanges: boolean;
  /** Lag over time: the Kafka topic that keeps samples, how often watched groups are sampled, groups always watched. */
  lagHistory: { topic: string; intervalMs: number; watched: string[] };
  /** GET /metrics asks for `Authorization: Bearer <token>` when set (see routes/health.ts). */
  metrics: { token?: string };
  /** Schedules: the Kafka topics and group that hold and share them (see kafka/schedules-store.ts). */
  schedules: {
    topic: string;
    runsTopic: string;
    group: string;
    partitions: number;
    runsRetentionMs: number;
    discoverMs: number;
  };
  /** Saved messages: the compacted Kafka topic that holds them (see kafka/templates-store.ts). */
  templates: { topic: string };
  logLevel: string;
  /** Who may log in and what they may do; `mode: 'none'` when no users are configured. */
  auth: AuthConfig;
  /** Where the audit log of changes goes besides the server log. */
  audit: AuditConfig;
}

export { ConfigError };

const HOST_PORT = /^[^\s:,]+:\d{1,5}$/;

export function parseBrokers(value: string, source: string): string[] {
  const brokers = value
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new ConfigError(`${source} is empty; expected host:port[,host:port]`);
  for (const broker of brokers) {
    if (!HOST_PORT.test(broker)) throw new ConfigError(`${source}: "${broker}" is not host:port`);
  }
  return brokers;
}

function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`${source}="${value}" is not a port number (0-65535)`);
  return port;
}

function parsePositive(value: string, source: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${source}="${value}" is not a whole number ≥ 1`);
  return n;
}

function parseHosts(value: string, source: string): string[] {
  const hosts = value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const host of hosts)
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.:_-]+)$/.test(host))
      throw new ConfigError(`${source}: "${host}" is not a host name (like tributary.example.com)`);
  return hosts;
}

function parsePublicUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${source}="${value}" is not a URL (like https://tributary.example.com)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${source}="${value}" must be an http:// or https:// URL`);
  return value;
}

function parseBoolean(value: string, source: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${source}="${value}" is not a boolean (true/false)`);
}

/** Whether `host` reaches this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function metricsConfig(env: NodeJS.ProcessEnv, file: FileConfig): AppConfig['metrics'] {
  const token = env.TRIBUTARY_METRICS_TOKEN ?? file.metrics?.token;
  if (token !== undefined && token.length < 16)
    throw new ConfigError(
      'TRIBUTARY_METRICS_TOKEN must have at least 16 characters (a guessable token protects nothing)',
    );
  return token ? { token } : {};
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const path = env.TRIBUTARY_CONFIG ?? '';
  const file: FileConfig = path ? readFileConfig(path) : {};
  const host = env.HOST ?? file.host ?? '127.0.0.1';
  const config: AppConfig = {
    host,
    port: env.PORT !== undefined ? parsePort(env.PORT, 'PORT') : (file.port ?? 8080),
    allowedHosts:
      env.TRIBUTARY_ALLOWED_HOSTS !== undefined
        ? parseHosts(env.TRIBUTARY_ALLOWED_HOSTS, 'TRIBUTARY_ALLOWED_HOSTS')
        : parseHosts((file.allowedHosts ?? []).join(','), 'allowedHosts'),
    clusters: (file.clusters ?? []).map((c, i) => clusterFromFile(c, `${path}: clusters[${i}]`)),
    kafkaRequestTimeoutMs: file.kafkaRequestTimeoutMs ?? 5000,
    connectRequestTimeoutMs: file.connectRequestTimeoutMs ?? 5000,
    schemaRegistryTimeoutMs: file.schemaRegistryTimeoutMs ?? 5000,
    exportEnabled:
      env.TRIBUTARY_EXPORT_ENABLED !== undefined
        ? parseBoolean(env.TRIBUTARY_EXPORT_ENABLED, 'TRIBUTARY_EXPORT_ENABLED')
        : (file.exportEnabled ?? true),
    liveTailsMax:
      env.TRIBUTARY_LIVE_TAILS_MAX !== undefined
        ? parsePositive(env.TRIBUTARY_LIVE_TAILS_MAX, 'TRIBUTARY_LIVE_TAILS_MAX')
        : (file.liveTailsMax ?? 50),
    searchesMax:
      env.TRIBUTARY_SEARCHES_MAX !== undefined
        ? parsePositive(env.TRIBUTARY_SEARCHES_MAX, 'TRIBUTARY_SEARCHES_MAX')
        : (file.searchesMax ?? 8),
    exportsMax:
      env.TRIBUTARY_EXPORTS_MAX !== undefined
        ? parsePositive(env.TRIBUTARY_EXPORTS_MAX, 'TRIBUTARY_EXPORTS_MAX')
        : (file.exportsMax ?? 4),
    uploadMaxBytes:
      env.TRIBUTARY_UPLOAD_MAX_BYTES !== undefined
        ? parsePositive(env.TRIBUTARY_UPLOAD_MAX_BYTES, 'TRIBUTARY_UPLOAD_MAX_BYTES')
        : (file.uploadMaxBytes ?? 64 * 2 ** 20),
    allowInternalTopicChanges:
      env.TRIBUTARY_ALLOW_INTERNAL_TOPIC_CHANGES !== undefined
        ? parseBoolean(env.TRIBUTARY_ALLOW_INTERNAL_TOPIC_CHANGES, 'TRIBUTARY_ALLOW_INTERNAL_TOPIC_CHANGES')
        : (file.allowInternalTopicChanges ?? false),
    lagHistory: {
      topic: env.TRIBUTARY_LAG_HISTORY_TOPIC ?? file.lagHistory?.topic ?? '__tributary_lag_history',
      intervalMs:
        env.TRIBUTARY_LAG_SAMPLE_MS !== undefined
          ? parsePositive(env.TRIBUTARY_LAG_SAMPLE_MS, 'TRIBUTARY_LAG_SAMPLE_MS')
          : (file.lagHistory?.intervalMs ?? 15_000),
      // "cluster/group" entries, comma-separated in the environment
      watched:
        env.TRIBUTARY_WATCHED_GROUPS?.split(',')
          .map((w) => w.trim())
          .filter(Boolean) ??
        file.lagHistory?.watched ??
        [],
    },
    metrics: metricsConfig(env, file),
    schedules: {
      topic: env.TRIBUTARY_SCHEDULES_TOPIC ?? file.schedules?.topic ?? '__tributary_schedules',
      runsTopic:
        env.TRIBUTARY_SCHEDULE_RUNS_TOPIC ?? file.schedules?.runsTopic ?? '__tributary_schedule_runs',
      group: env.TRIBUTARY_SCHEDULES_GROUP ?? file.schedules?.group ?? 'tributary-schedules',
      partitions: file.schedules?.partitions ?? 3,
      runsRetentionMs: file.schedules?.runsRetentionMs ?? 7 * 24 * 3_600_000,
      discoverMs: file.schedules?.discoverMs ?? 5000,
    },
    templates: {
      topic: env.TRIBUTARY_TEMPLATES_TOPIC ?? file.templates?.topic ?? '__tributary_templates',
    },
    // warn, not info: a console left running should not log every request it answers
    logLevel: env.LOG_LEVEL ?? 'warn',
    auth: authConfig(file, path, { mode: env.TRIBUTARY_AUTH, sessionSecret: env.TRIBUTARY_SESSION_SECRET }),
    audit: {
      ...(file.audit?.file || env.TRIBUTARY_AUDIT_FILE
        ? { file: env.TRIBUTARY_AUDIT_FILE ?? file.audit?.file }
        : {}),
      ...(file.audit?.cluster ? { cluster: file.audit.cluster } : {}),
      ...(file.audit?.topic ? { topic: file.audit.topic } : {}),
    },
    ...(env.TRIBUTARY_WEB_DIST ? { webDist: env.TRIBUTARY_WEB_DIST } : {}),
    ...((env.TRIBUTARY_PUBLIC_URL ?? file.publicUrl)
      ? {
          publicUrl: parsePublicUrl(
            (env.TRIBUTARY_PUBLIC_URL ?? file.publicUrl)!,
            env.TRIBUTARY_PUBLIC_URL ? 'TRIBUTARY_PUBLIC_URL' : 'publicUrl',
          ),
        }
      : {}),
  };
  const pluginPath = env.TRIBUTARY_CONNECT_PLUGIN_PATH ?? file.connectPluginPath;
  if (pluginPath) config.connectPluginPath = pluginPath;
  if (env.TRIBUTARY_LOCAL_ACL !== undefined && parseBoolean(env.TRIBUTARY_LOCAL_ACL, 'TRIBUTARY_LOCAL_ACL'))
    config.localAcl = true;
  if (env.KAFKA_BROKERS !== undefined) {
    const name = env.KAFKA_CLUSTER_NAME ?? 'local';
    config.clusters = [
      { name, bootstrapServers: parseBrokers(env.KAFKA_BROKERS, 'KAFKA_BROKERS') },
      ...config.clusters.filter((c) => c.name !== name),
    ];
  }
  config.clusters = envClusters(config.clusters, env, { brokers: parseBrokers, boolean: parseBoolean });
  const names = new Set<string>();
  for (const cluster of config.clusters) {
    if (names.has(cluster.name)) throw new ConfigError(`cluster name "${cluster.name}" is configured twice`);
    names.add(cluster.name);
  }
  if (config.audit.cluster && !names.has(config.audit.cluster))
    throw new ConfigError(`${path}: audit.cluster "${config.audit.cluster}" is not a configured cluster`);
  if (config.auth.sessionCluster && !names.has(config.auth.sessionCluster))
    throw new ConfigError(
      `${path}: sessionCluster "${config.auth.sessionCluster}" is not a configured cluster`,
    );
  if (config.audit.topic && !config.audit.cluster)
    throw new ConfigError(`${path}: audit.topic needs audit.cluster (the cluster that holds it)`);
  // Safe by default: with nobody to log in, only this machine may reach the server.
  if (
    !isLoopback(host) &&
    config.auth.mode === 'none' &&
    file.auth !== 'none' &&
    env.TRIBUTARY_AUTH !== 'none'
  )
    throw new ConfigError(
      `HOST=${host} would let other machines in, and no users are configured. Add users to the configuration ` +
        '(see README: Users and roles), bind to 127.0.0.1, or write `auth: none` in the configuration ' +
        '(TRIBUTARY_AUTH=none) to run without login on purpose.',
    );
  return config;
}
