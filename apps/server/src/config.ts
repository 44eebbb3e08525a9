// The only module that reads the environment. Defaults, then a JSON file (TRIBUTARY_CONFIG), then env;
// a bad value stops the start with a sentence that names it.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

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

export interface ClusterConfig {
  name: string;
  bootstrapServers: string[];
  sasl?: SaslConfig;
  connect?: ConnectConfig[];
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
  /** The local Connect worker's plugin folder (default `~/.cache/tributary/connect-plugins`). */
  connectPluginPath?: string;
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
  /** Lag over time: where samples are kept, how often watched groups are sampled, groups always watched. */
  lagHistory: { dir: string; intervalMs: number; watched: string[] };
  /** GET /metrics asks for `Authorization: Bearer <token>` when set; open without (the server binds loopback). */
  metrics: { token?: string };
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const HOST_PORT = /^[^\s:,]+:\d{1,5}$/;
const NAME = /^[A-Za-z0-9._-]+$/;

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

interface FileConfig {
  host?: string;
  port?: number;
  allowedHosts?: string[];
  publicUrl?: string;
  clusters?: ClusterConfig[];
  exportEnabled?: boolean;
  kafkaRequestTimeoutMs?: number;
  connectRequestTimeoutMs?: number;
  connectPluginPath?: string;
  liveTailsMax?: number;
  searchesMax?: number;
  exportsMax?: number;
  uploadMaxBytes?: number;
  allowInternalTopicChanges?: boolean;
  lagHistory?: { dir?: string; intervalMs?: number; watched?: string[] };
  metrics?: { token?: string };
}

const FILE_KEYS = new Set([
  'host',
  'port',
  'allowedHosts',
  'publicUrl',
  'clusters',
  'exportEnabled',
  'kafkaRequestTimeoutMs',
  'connectRequestTimeoutMs',
  'connectPluginPath',
  'liveTailsMax',
  'searchesMax',
  'exportsMax',
  'uploadMaxBytes',
  'allowInternalTopicChanges',
  'lagHistory',
  'metrics',
]);

function readFileConfig(path: string): FileConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`TRIBUTARY_CONFIG=${path} could not be read as JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new ConfigError(`${path} must hold a JSON object`);
  for (const key of Object.keys(parsed)) {
    if (!FILE_KEYS.has(key))
      throw new ConfigError(`${path}: unknown key "${key}" (known: ${[...FILE_KEYS].join(', ')})`);
  }
  const config = parsed as FileConfig;
  const token: unknown = config.metrics?.token;
  if (config.metrics !== undefined && (typeof config.metrics !== 'object' || config.metrics === null))
    throw new ConfigError(`${path}: metrics must be an object like {"token": "..."}`);
  if (token !== undefined && (typeof token !== 'string' || token.length < 16))
    throw new ConfigError(`${path}: metrics.token must be a string of at least 16 characters`);
  if (
    config.allowedHosts !== undefined &&
    (!Array.isArray(config.allowedHosts) || config.allowedHosts.some((h) => typeof h !== 'string'))
  )
    throw new ConfigError(`${path}: allowedHosts must be an array of host names`);
  for (const [i, cluster] of (config.clusters ?? []).entries()) {
    if (!cluster?.name || !NAME.test(cluster.name))
      throw new ConfigError(`${path}: clusters[${i}].name must be letters, digits, '.', '_' or '-'`);
    if (!Array.isArray(cluster.bootstrapServers))
      throw new ConfigError(`${path}: clusters[${i}].bootstrapServers must be an array of host:port`);
    parseBrokers(cluster.bootstrapServers.join(','), `${path}: clusters[${i}].bootstrapServers`);
    if (cluster.connect !== undefined && !Array.isArray(cluster.connect))
      throw new ConfigError(`${path}: clusters[${i}].connect must be an array of {name, url}`);
    if (cluster.connect)
      cluster.connect = cluster.connect.map((c, j) =>
        checkConnect(c, `${path}: clusters[${i}].connect[${j}]`),
      );
  }
  return config;
}

function checkConnect(connect: ConnectConfig, source: string): ConnectConfig {
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

/**
 * kafka-ui's names: KAFKA_CLUSTERS_<i>_KAFKACONNECT_<j>_NAME / _ADDRESS (/ _USERNAME / _PASSWORD), where
 * <i> is the position of the cluster in the configured list (0: KAFKA_BROKERS's cluster, else the file's first).
 */
function envConnects(env: NodeJS.ProcessEnv): Map<number, ConnectConfig[]> {
  const found = new Map<number, Map<number, Partial<ConnectConfig>>>();
  for (const [key, value] of Object.entries(env)) {
    const match = /^KAFKA_CLUSTERS_(\d+)_KAFKACONNECT_(\d+)_(NAME|ADDRESS|USERNAME|PASSWORD)$/.exec(key);
    if (!match || value === undefined) continue;
    const cluster = Number(match[1]);
    const index = Number(match[2]);
    const entries = found.get(cluster) ?? new Map<number, Partial<ConnectConfig>>();
    found.set(cluster, entries);
    const entry = entries.get(index) ?? {};
    entries.set(index, entry);
    const field = ({ NAME: 'name', ADDRESS: 'url', USERNAME: 'username', PASSWORD: 'password' } as const)[
      match[3] as 'NAME' | 'ADDRESS' | 'USERNAME' | 'PASSWORD'
    ];
    entry[field] = value;
  }
  const result = new Map<number, ConnectConfig[]>();
  for (const [cluster, entries] of found) {
    const list = [...entries.entries()]
      .sort(([a], [b]) => a - b)
      .map(([j, entry]) => {
        const source = `KAFKA_CLUSTERS_${cluster}_KAFKACONNECT_${j}`;
        if (!entry.url) throw new ConfigError(`${source}_ADDRESS is missing (e.g. http://connect:8083)`);
        return checkConnect({ ...entry, name: entry.name ?? `connect-${j}`, url: entry.url }, source);
      });
    result.set(cluster, list);
  }
  return result;
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
  const file = env.TRIBUTARY_CONFIG ? readFileConfig(env.TRIBUTARY_CONFIG) : {};
  const config: AppConfig = {
    host: env.HOST ?? file.host ?? '127.0.0.1',
    port: env.PORT !== undefined ? parsePort(env.PORT, 'PORT') : (file.port ?? 8080),
    allowedHosts:
      env.TRIBUTARY_ALLOWED_HOSTS !== undefined
        ? parseHosts(env.TRIBUTARY_ALLOWED_HOSTS, 'TRIBUTARY_ALLOWED_HOSTS')
        : parseHosts((file.allowedHosts ?? []).join(','), 'allowedHosts'),
    clusters: file.clusters ?? [],
    kafkaRequestTimeoutMs: file.kafkaRequestTimeoutMs ?? 5000,
    connectRequestTimeoutMs: file.connectRequestTimeoutMs ?? 5000,
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
      dir:
        env.TRIBUTARY_LAG_HISTORY_DIR ??
        file.lagHistory?.dir ??
        join(homedir(), '.cache', 'tributary', 'lag-history'),
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
    // warn, not info: a console left running should not log every request it answers
    logLevel: env.LOG_LEVEL ?? 'warn',
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
  if (env.KAFKA_BROKERS !== undefined) {
    const name = env.KAFKA_CLUSTER_NAME ?? 'local';
    config.clusters = [
      { name, bootstrapServers: parseBrokers(env.KAFKA_BROKERS, 'KAFKA_BROKERS') },
      ...config.clusters.filter((c) => c.name !== name),
    ];
  }
  for (const [index, connects] of envConnects(env)) {
    const cluster = config.clusters[index];
    if (!cluster)
      throw new ConfigError(
        `KAFKA_CLUSTERS_${index}_KAFKACONNECT_* names cluster ${index}, but ${config.clusters.length} cluster(s) are configured (KAFKA_BROKERS or TRIBUTARY_CONFIG)`,
      );
    // The environment wins over the file, as everywhere: same-named entries are replaced.
    const names = new Set(connects.map((c) => c.name));
    cluster.connect = [...connects, ...(cluster.connect ?? []).filter((c) => !names.has(c.name))];
  }
  return config;
}
