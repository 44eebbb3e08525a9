// kafka-ui's environment names, so its users can bring their settings along. <i> is the position of a
// cluster in the configured list (0: KAFKA_BROKERS's cluster, else the file's first); a position just past
// the list adds a cluster. config.ts hands the environment in: it stays the only module reading it.
import type { ClusterConfig, ConnectConfig, SaslConfig, SchemaRegistryConfig } from '../config.ts';
import { ConfigError } from './errors.ts';
import { pemFile } from './file.ts';
import { parseJaas } from './jaas.ts';
import { checkConnect, checkSchemaRegistry, NAME } from './resolve.ts';

type Env = Record<string, string | undefined>;

const CLUSTER_FIELDS = [
  'NAME',
  'BOOTSTRAPSERVERS',
  'READONLY',
  'PROPERTIES_SECURITY_PROTOCOL',
  'PROPERTIES_SASL_MECHANISM',
  'PROPERTIES_SASL_JAAS_CONFIG',
  'PROPERTIES_SSL_TRUSTSTORE_LOCATION',
] as const;
type ClusterField = (typeof CLUSTER_FIELDS)[number];

const MECHANISMS: Record<string, SaslConfig['mechanism']> = {
  PLAIN: 'plain',
  'SCRAM-SHA-256': 'scram-sha-256',
  'SCRAM-SHA-512': 'scram-sha-512',
};
const PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];

function connectsOf(env: Env): Map<number, ConnectConfig[]> {
  const found = new Map<number, Map<number, Partial<ConnectConfig>>>();
  for (const [key, value] of Object.entries(env)) {
    const match = /^KAFKA_CLUSTERS_(\d+)_KAFKACONNECT_(\d+)_(NAME|ADDRESS|USERNAME|PASSWORD)$/.exec(key);
    if (!match || value === undefined) continue;
    const entries = found.get(Number(match[1])) ?? new Map<number, Partial<ConnectConfig>>();
    found.set(Number(match[1]), entries);
    const entry = entries.get(Number(match[2])) ?? {};
    entries.set(Number(match[2]), entry);
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

/** KAFKA_CLUSTERS_<i>_SCHEMAREGISTRY (the URL) and _SCHEMAREGISTRYAUTH_USERNAME / _PASSWORD. */
function schemaRegistriesOf(env: Env): Map<number, Partial<SchemaRegistryConfig>> {
  const found = new Map<number, Partial<SchemaRegistryConfig>>();
  for (const [key, value] of Object.entries(env)) {
    const match = /^KAFKA_CLUSTERS_(\d+)_SCHEMAREGISTRY(|AUTH_USERNAME|AUTH_PASSWORD)$/.exec(key);
    if (!match || value === undefined) continue;
    const entry = found.get(Number(match[1])) ?? {};
    found.set(Number(match[1]), entry);
    const field = ({ '': 'url', AUTH_USERNAME: 'username', AUTH_PASSWORD: 'password' } as const)[
      match[2] as '' | 'AUTH_USERNAME' | 'AUTH_PASSWORD'
    ];
    entry[field] = value;
  }
  return found;
}

function clusterFieldsOf(env: Env): Map<number, Partial<Record<ClusterField, string>>> {
  const found = new Map<number, Partial<Record<ClusterField, string>>>();
  const pattern = new RegExp(`^KAFKA_CLUSTERS_(\\d+)_(${CLUSTER_FIELDS.join('|')})$`);
  for (const [key, value] of Object.entries(env)) {
    const match = pattern.exec(key);
    if (!match || value === undefined) continue;
    const fields = found.get(Number(match[1])) ?? {};
    found.set(Number(match[1]), fields);
    fields[match[2] as ClusterField] = value;
  }
  return found;
}

/** Applies one cluster's KAFKA_CLUSTERS_<i>_* values over `base` (or makes a cluster of them). */
function applyFields(
  base: ClusterConfig | undefined,
  fields: Partial<Record<ClusterField, string>>,
  i: number,
  parsers: { brokers: (v: string, s: string) => string[]; boolean: (v: string, s: string) => boolean },
): ClusterConfig {
  const src = (field: ClusterField) => `KAFKA_CLUSTERS_${i}_${field}`;
  const name = fields.NAME ?? base?.name;
  if (name === undefined) throw new ConfigError(`${src('NAME')} is missing (a name like prod)`);
  if (!NAME.test(name))
    throw new ConfigError(`${src('NAME')}="${name}" must be letters, digits, '.', '_' or '-'`);
  const brokers =
    fields.BOOTSTRAPSERVERS !== undefined
      ? parsers.brokers(fields.BOOTSTRAPSERVERS, src('BOOTSTRAPSERVERS'))
      : base?.bootstrapServers;
  if (!brokers) throw new ConfigError(`${src('BOOTSTRAPSERVERS')} is missing (host:port[,host:port])`);
  const cluster: ClusterConfig = { ...base, name, bootstrapServers: brokers };
  if (fields.READONLY !== undefined) cluster.readOnly = parsers.boolean(fields.READONLY, src('READONLY'));
  const protocol = fields.PROPERTIES_SECURITY_PROTOCOL?.toUpperCase();
  if (protocol !== undefined && !PROTOCOLS.includes(protocol))
    throw new ConfigError(
      `${src('PROPERTIES_SECURITY_PROTOCOL')}="${protocol}" must be one of ${PROTOCOLS.join(', ')}`,
    );
  if (protocol === 'SSL' || protocol === 'SASL_SSL') cluster.tls = { ...cluster.tls };
  if (protocol === 'PLAINTEXT' || protocol === 'SASL_PLAINTEXT') delete cluster.tls;
  if (fields.PROPERTIES_SSL_TRUSTSTORE_LOCATION !== undefined)
    cluster.tls = {
      ...cluster.tls,
      ca: pemFile(fields.PROPERTIES_SSL_TRUSTSTORE_LOCATION, src('PROPERTIES_SSL_TRUSTSTORE_LOCATION')),
    };
  const wantsSasl = protocol?.startsWith('SASL_') || fields.PROPERTIES_SASL_JAAS_CONFIG !== undefined;
  if (wantsSasl) {
    const raw = (fields.PROPERTIES_SASL_MECHANISM ?? base?.sasl?.mechanism ?? 'PLAIN').toUpperCase();
    const mechanism = MECHANISMS[raw];
    if (!mechanism)
      throw new ConfigError(
        `${src('PROPERTIES_SASL_MECHANISM')}="${raw}" must be one of ${Object.keys(MECHANISMS).join(', ')}`,
      );
    const jaas = fields.PROPERTIES_SASL_JAAS_CONFIG;
    const credentials = jaas !== undefined ? parseJaas(jaas, src('PROPERTIES_SASL_JAAS_CONFIG')) : base?.sasl;
    if (!credentials)
      throw new ConfigError(`${src('PROPERTIES_SASL_JAAS_CONFIG')} is missing (username and password)`);
    cluster.sasl = { mechanism, username: credentials.username, password: credentials.password };
  }
  return cluster;
}

/** The clusters after kafka-ui's variables: same position → overridden, next position → added. */
export function envClusters(
  clusters: ClusterConfig[],
  env: Env,
  parsers: { brokers: (v: string, s: string) => string[]; boolean: (v: string, s: string) => boolean },
): ClusterConfig[] {
  const result = [...clusters];
  for (const [i, fields] of [...clusterFieldsOf(env)].sort(([a], [b]) => a - b)) {
    if (i > result.length)
      throw new ConfigError(
        `KAFKA_CLUSTERS_${i}_* skips a position: ${result.length} cluster(s) are configured, so the next is KAFKA_CLUSTERS_${result.length}_*`,
      );
    result[i] = applyFields(result[i], fields, i, parsers);
  }
  for (const [index, connects] of connectsOf(env)) {
    const cluster = result[index];
    if (!cluster)
      throw new ConfigError(
        `KAFKA_CLUSTERS_${index}_KAFKACONNECT_* names cluster ${index}, but ${result.length} cluster(s) are configured (KAFKA_BROKERS or TRIBUTARY_CONFIG)`,
      );
    // The environment wins over the file, as everywhere: same-named entries are replaced.
    const names = new Set(connects.map((c) => c.name));
    result[index] = {
      ...cluster,
      connect: [...connects, ...(cluster.connect ?? []).filter((c) => !names.has(c.name))],
    };
  }
  for (const [index, entry] of schemaRegistriesOf(env)) {
    const cluster = result[index];
    const source = `KAFKA_CLUSTERS_${index}_SCHEMAREGISTRY`;
    if (!cluster)
      throw new ConfigError(
        `${source}* names cluster ${index}, but ${result.length} cluster(s) are configured (KAFKA_BROKERS or TRIBUTARY_CONFIG)`,
      );
    // The environment wins over the file, field by field (a password alone may come from a secret).
    const merged = { ...cluster.schemaRegistry, ...entry };
    if (!merged.url) throw new ConfigError(`${source} is missing (e.g. http://schema-registry:8081)`);
    result[index] = {
      ...cluster,
      schemaRegistry: checkSchemaRegistry({ ...merged, url: merged.url }, source),
    };
  }
  return result;
}
