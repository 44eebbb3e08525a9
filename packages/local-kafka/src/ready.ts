import { Kafka, logLevel, type SASLOptions } from 'kafkajs';

export interface ReadyOptions {
  brokers: string[];
  expectedBrokers: number;
  timeoutMs: number;
  /** Rejects early when the process dies, with a reason. */
  failed: () => string | undefined;
  sasl?: SASLOptions;
}

/** Waits until the cluster really serves: metadata answers and lists every expected broker. */
export async function waitUntilServing(options: ReadyOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const kafka = new Kafka({
    clientId: 'tributary-local-kafka-probe',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
    ...(options.sasl ? { sasl: options.sasl } : {}),
  });
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    const failure = options.failed();
    if (failure) throw new Error(failure);
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length >= options.expectedBrokers) return;
      lastError = `${cluster.brokers.length} of ${options.expectedBrokers} brokers registered`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Kafka did not become ready within ${options.timeoutMs} ms: ${lastError}`);
}
