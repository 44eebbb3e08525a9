import type { TestProject } from 'vitest/node';
import { startKafka } from '../local-kafka.ts';
import { createConnectWorker } from '../connect-worker.ts';
import { createSchemaRegistry } from '../schema-registry.ts';

/**
 * Vitest global setup: one real single-node Kafka for every integration test file of the run, and one
 * Kafka Connect worker and one Schema Registry beside it. Both start in the background (tests that need
 * them wait through `sharedConnect()` / `sharedSchemaRegistry()`), so other files do not wait for them.
 */
export default async function setup(project: TestProject) {
  const kafka = await startKafka({ log: (line) => console.log(line) });
  project.provide('kafkaBrokers', kafka.bootstrapServers);
  const connect = await createConnectWorker({ bootstrapServers: kafka.bootstrapServers });
  project.provide('connectUrl', connect.url);
  connect.start().catch((error: unknown) => console.error(`Kafka Connect did not start: ${String(error)}`));
  const registry = await createSchemaRegistry();
  project.provide('schemaRegistryUrl', registry.url);
  registry
    .start()
    .catch((error: unknown) => console.error(`The Schema Registry did not start: ${String(error)}`));
  return async () => {
    await registry.stop();
    await connect.stop();
    await kafka.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    connectUrl: string;
    /** The shared Schema Registry's Confluent-compatible API (`.../apis/ccompat/v7`). */
    schemaRegistryUrl: string;
  }
}
