import type { TestProject } from 'vitest/node';
import { startKafka } from '../local-kafka.ts';

/** Vitest global setup: one real single-node Kafka for every integration test file of the run. */
export default async function setup(project: TestProject) {
  const kafka = await startKafka({ log: (line) => console.log(line) });
  project.provide('kafkaBrokers', kafka.bootstrapServers);
  return () => kafka.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
  }
}
