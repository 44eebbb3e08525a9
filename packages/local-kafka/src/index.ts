export {
  startKafka,
  LocalKafka,
  DEFAULT_SASL_USERS,
  clusterIdOf,
  type StartKafkaOptions,
} from './local-kafka.ts';
export { runKafkaTool, KAFKA_TOOLS, type KafkaTool } from './tools.ts';
export { resolveKafkaJars, kafkaVersion, cacheRoot, type KafkaClasspath } from './jars.ts';
export { checkJava, checkMaven, parseJavaMajor } from './prerequisites.ts';
export { LocalKafkaError } from './errors.ts';
export { SUPER_USER, type SaslOptions, type SaslUser } from './properties.ts';
export type { TlsClient } from './tls.ts';
export {
  ConnectWorker,
  createConnectWorker,
  startConnectWorker,
  defaultConnectPluginPath,
  type ConnectWorkerState,
  type StartConnectOptions,
} from './connect-worker.ts';
export { resolveConnectJars } from './connect-jars.ts';
export { CONNECT_GROUP_ID, connectTopics } from './connect-properties.ts';
export {
  SchemaRegistry,
  createSchemaRegistry,
  startSchemaRegistry,
  waitForSchemaRegistry,
  CCOMPAT_PATH,
  type SchemaRegistryState,
  type StartSchemaRegistryOptions,
} from './schema-registry.ts';
export {
  resolveSchemaRegistry,
  schemaRegistryBuilt,
  schemaRegistryDir,
  apicurioSourceDir,
  APICURIO_VERSION,
} from './schema-registry-build.ts';
