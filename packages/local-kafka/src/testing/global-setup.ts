import type { TestProject } from 'vitest/node';
import { startKafka } from '../local-kafka.ts';
import { createConnectWorker } from '../connect-worker.ts';

/**
 * Vitest global setup: one real single-node Kafka for every integration test file of the run, and one
 * Kafka Connect worker on it. The worker starts in the background (tests that need it wait through
 * `sharedConnect()`), so files that do not use Connect do not wait for it.
 */
export default async function setup(project: TestProject) {
  const kafka = await startKafka({ log: (line) => console.log(line) });
  project.provide('kafkaBrokers', kafka.bootstrapServers);
  const connect = await createConnectWorker({ bootstrapServers: kafka.bootstrapServers });
  project.provide('connectUrl', connect.url);
  connect.start().catch((error: unknown) => console.error(`Kafka Connect did not start: ${String(error)}`));
  return async () => {
    await connect.stop();
    await kafka.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    connectUrl: string;
  }
}
