import { Kafka, logLevel } from 'kafkajs';
import { runKafkaTool } from '@tributary/local-kafka';
import { sharedKafkaBrokers } from '@tributary/local-kafka/testing';
import type { App } from '../src/app.ts';

export const base = '/api/clusters/local/topics';
export const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/** Arranging helpers shared by the topic test files: create through the API, produce and check with real clients. */
export function topicHelpers(app: App) {
  const kafka = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING });
  return {
    create: (body: Record<string, unknown>) => app.inject({ method: 'POST', url: base, ...json(body) }),
    async produce(topic: string, messages: { partition: number; value: string }[]) {
      // Idempotent: a retry after a just-created topic's first NOT_LEADER answer must not write twice.
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      await producer.send({ topic, messages });
      await producer.disconnect();
    },
    /** `kafka-topics --describe --topic <topic>` output. */
    async describeWithTool(topic: string): Promise<string> {
      const out = await runKafkaTool('kafka-topics', [
        '--bootstrap-server',
        sharedKafkaBrokers()[0]!,
        '--describe',
        '--topic',
        topic,
      ]);
      return out.stdout;
    },
  };
}
