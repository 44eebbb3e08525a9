import { Kafka, logLevel, type SASLOptions } from 'kafkajs';

export interface ReadyOptions {
  brokers: string[];
  expectedBrokers: number;
  timeoutMs: number;
  /** Rejects early when the process dies, with a reason. */
  failed: () => string | undefined;
  sasl?: SASLOptions;
}

/**
 * Waits until the cluster really serves: every given broker answers metadata that lists every expected
 * broker. Each broker has its own metadata cache, so one broker listing all is not enough: a client whose
 * bootstrap lands on another broker could still see a smaller cluster (seen on a loaded machine).
 */
export async function waitUntilServing(options: ReadyOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'no answer yet';
  const pending = [...options.brokers];
  while (Date.now() < deadline) {
    const failure = options.failed();
    if (failure) throw new Error(failure);
    const broker = pending[0];
    if (broker === undefined) return;
    const answer = await registeredBrokers(broker, options.sasl);
    if (typeof answer === 'number' && answer >= options.expectedBrokers) {
      pending.shift();
      continue;
    }
    lastError =
      typeof answer === 'number'
        ? `${broker} lists ${answer} of ${options.expectedBrokers} brokers`
        : `${broker}: ${answer.error}`;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Kafka did not become ready within ${options.timeoutMs} ms: ${lastError}`);
}

/** How many brokers this one broker's metadata lists (asked of it alone), or why it did not answer. */
async function registeredBrokers(broker: string, sasl?: SASLOptions): Promise<number | { error: string }> {
  const kafka = new Kafka({
    clientId: 'tributary-local-kafka-probe',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
    ...(sasl ? { sasl } : {}),
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    return (await admin.describeCluster()).brokers.length;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
