// Bootstrap: read config, start the embedded Kafka when no cluster is configured, serve, stop cleanly.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnectWorker,
  createSchemaRegistry,
  startKafka,
  LocalKafkaError,
  type ConnectWorker,
  type LocalKafka,
  type SchemaRegistry,
} from '@tributary/local-kafka';
import { buildApp } from './app.ts';
import { ConfigError, isLoopback, loadConfig, type AppConfig } from './config.ts';
import { startIdleCollector } from './idle-gc.ts';

/** Who can reach the server and whether they log in, said on the start line. */
function accessLine(config: AppConfig): string {
  const { auth } = config;
  if (auth.mode === 'local') return `login required: ${auth.users.length} user(s) configured`;
  if (isLoopback(config.host))
    return 'no users configured: no login, so it listens on this machine only; see README: Users and roles';
  return 'auth: none: no login, anyone who can reach it may change everything';
}

const DEFAULT_WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

async function main() {
  const config = loadConfig();
  config.webDist ??= DEFAULT_WEB_DIST;
  let kafka: LocalKafka | undefined;
  let connect: ConnectWorker | undefined;
  let registry: SchemaRegistry | undefined;
  if (config.clusters.length === 0) {
    console.log('No cluster configured (KAFKA_BROKERS is unset): starting a local Apache Kafka ...');
    kafka = await startKafka({ authorizer: config.localAcl ?? false, log: (line) => console.log(line) });
    // Kafka Connect beside it, started in the background: the app answers at once and the Connect
    // pages say "starting" until the worker is ready.
    connect = await createConnectWorker({
      bootstrapServers: kafka.bootstrapServers,
      ...(config.connectPluginPath ? { pluginPath: config.connectPluginPath } : {}),
      log: (line) => console.log(line),
    });
    // The Schema Registry too (built on first use, which takes minutes): its pages say "starting" meanwhile.
    registry = await createSchemaRegistry({ log: (line) => console.log(line) });
    // With an authorizer, Tributary logs in as the super user on the SASL listener (the loopback PLAINTEXT
    // listener, a super user too, stays for the Connect worker).
    const admin = kafka.superUser;
    config.clusters = [
      {
        name: 'local',
        ...(admin
          ? {
              bootstrapServers: kafka.saslBootstrapServers,
              sasl: { mechanism: 'scram-sha-512' as const, ...admin },
            }
          : { bootstrapServers: kafka.bootstrapServers }),
        connect: [{ name: 'local', url: connect.url, pluginPath: connect.pluginPath }],
        schemaRegistry: { url: registry.url },
      },
    ];
    console.log(`Local Kafka is ready at ${kafka.bootstrapServers.join(',')}`);
  }
  const worker = connect;
  const localRegistry = registry;
  const app = await buildApp(
    config,
    {},
    {
      ...(worker
        ? {
            connectLaunches: new Map([
              ['local/local', { state: () => worker.state, error: () => worker.error }],
            ]),
          }
        : {}),
      ...(localRegistry
        ? {
            schemaRegistryLaunches: new Map([
              ['local', { state: () => localRegistry.state, error: () => localRegistry.error }],
            ]),
          }
        : {}),
    },
  );
  worker?.start().catch((error: unknown) => {
    console.error(`Kafka Connect did not start (the rest of Tributary works): ${(error as Error).message}`);
  });
  localRegistry?.start().catch((error: unknown) => {
    console.error(
      `The Schema Registry did not start (the rest of Tributary works): ${(error as Error).message}`,
    );
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Tributary${kafka ? ' and the local Kafka' : ''} ...`);
    await app.close().catch(() => {});
    await registry?.stop();
    await connect?.stop();
    await kafka?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await registry?.stop();
    await connect?.stop();
    await kafka?.stop();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Tributary is running: http://${config.host}:${port} (${accessLine(config)})`);
  startIdleCollector();
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof LocalKafkaError;
  console.error(known ? `Cannot start Tributary: ${(error as Error).message}` : error);
  process.exit(1);
});
