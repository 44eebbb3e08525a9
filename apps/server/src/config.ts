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

export interface ClusterConfig {
  name: string;
  bootstrapServers: string[];
  sasl?: SaslConfig;
}

export interface AppConfig {
  host: string;
  port: number;
  /** Empty: start the embedded local Kafka and use it as cluster `local`. */
  clusters: ClusterConfig[];
  /** How long a Kafka request may take before the API answers that the cluster is unavailable. */
  kafkaRequestTimeoutMs: number;
  /** Where the built web app lives; served at `/` when present. */
  webDist?: string;
  /** Administrators may switch message export off. */
  exportEnabled: boolean;
  /** Concurrent live tails (WebSockets) this server accepts; one more gets a "limit reached" message. */
  liveTailsMax: number;
  /** Lag over time: where samples are kept, how often watched groups are sampled, groups always watched. */
  lagHistory: { dir: string; intervalMs: number; watched: string[] };
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

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

function parseBoolean(value: string, source: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${source}="${value}" is not a boolean (true/false)`);
}

interface FileConfig {
  host?: string;
  port?: number;
  clusters?: ClusterConfig[];
  exportEnabled?: boolean;
  kafkaRequestTimeoutMs?: number;
  liveTailsMax?: number;
  lagHistory?: { dir?: string; intervalMs?: number; watched?: string[] };
}

const FILE_KEYS = new Set([
  'host',
  'port',
  'clusters',
  'exportEnabled',
  'kafkaRequestTimeoutMs',
  'liveTailsMax',
  'lagHistory',
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
  for (const [i, cluster] of (config.clusters ?? []).entries()) {
    if (!cluster?.name || !/^[A-Za-z0-9._-]+$/.test(cluster.name))
      throw new ConfigError(`${path}: clusters[${i}].name must be letters, digits, '.', '_' or '-'`);
    if (!Array.isArray(cluster.bootstrapServers))
      throw new ConfigError(`${path}: clusters[${i}].bootstrapServers must be an array of host:port`);
    parseBrokers(cluster.bootstrapServers.join(','), `${path}: clusters[${i}].bootstrapServers`);
  }
  return config;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const file = env.TRIBUTARY_CONFIG ? readFileConfig(env.TRIBUTARY_CONFIG) : {};
  const config: AppConfig = {
    host: env.HOST ?? file.host ?? '127.0.0.1',
    port: env.PORT !== undefined ? parsePort(env.PORT, 'PORT') : (file.port ?? 8080),
    clusters: file.clusters ?? [],
    kafkaRequestTimeoutMs: file.kafkaRequestTimeoutMs ?? 5000,
    exportEnabled:
      env.TRIBUTARY_EXPORT_ENABLED !== undefined
        ? parseBoolean(env.TRIBUTARY_EXPORT_ENABLED, 'TRIBUTARY_EXPORT_ENABLED')
        : (file.exportEnabled ?? true),
    liveTailsMax:
      env.TRIBUTARY_LIVE_TAILS_MAX !== undefined
        ? parsePositive(env.TRIBUTARY_LIVE_TAILS_MAX, 'TRIBUTARY_LIVE_TAILS_MAX')
        : (file.liveTailsMax ?? 50),
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
    // warn, not info: a console left running should not log every request it answers
    logLevel: env.LOG_LEVEL ?? 'warn',
    ...(env.TRIBUTARY_WEB_DIST ? { webDist: env.TRIBUTARY_WEB_DIST } : {}),
  };
  if (env.KAFKA_BROKERS !== undefined) {
    const name = env.KAFKA_CLUSTER_NAME ?? 'local';
    config.clusters = [
      { name, bootstrapServers: parseBrokers(env.KAFKA_BROKERS, 'KAFKA_BROKERS') },
      ...config.clusters.filter((c) => c.name !== name),
    ];
  }
  return config;
}
