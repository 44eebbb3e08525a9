import { Kafka, logLevel, type ITopicConfig, type Message } from 'kafkajs';
import { expect } from 'vitest';
import type { LocalKafka } from '@tributary/local-kafka';
import { LiveClient } from './live-ws-client.ts';
import type { ServerProcess } from './server-process.ts';

/** The pages the outage tests poll: the cluster overview, the topic, the groups list. */
export function outagePages(topic: string): string[] {
  return [
    '/api/clusters/local',
    `/api/clusters/local/topics/${topic}`,
    '/api/clusters/local/consumer-groups',
  ];
}

/** Creates the topic, writes the messages and commits offset 1 of partition 0 for `group`, so every page has data. */
export async function seedOutageTopic(
  kafka: LocalKafka,
  topic: ITopicConfig,
  group: string,
  messages: Message[],
): Promise<void> {
  const client = new Kafka({ brokers: kafka.bootstrapServers, logLevel: logLevel.NOTHING });
  const admin = client.admin();
  await admin.connect();
  // kafkajs's own wait for leaders gives up ("does not host this topic-partition") when a busy 3-broker
  // cluster takes a while to spread the new topic's metadata: wait here, longer.
  await admin.createTopics({ topics: [topic], waitForLeaders: false });
  for (let attempt = 1; ; attempt++) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic.topic] });
      const partitions = topics[0]?.partitions ?? [];
      if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) break;
    } catch (error) {
      if (attempt >= 60) throw error;
    }
    if (attempt >= 60) throw new Error(`Topic ${topic.topic} has no leader for every partition after 60 s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const producer = client.producer();
  await producer.connect();
  // Right after creation a broker may not know the topic yet ("does not host this topic-partition") on a
  // busy machine, longer than kafkajs's own retries wait: try again for up to 30 s.
  for (let attempt = 1; ; attempt++) {
    try {
      await producer.send({ topic: topic.topic, messages, acks: -1 });
      break;
    } catch (error) {
      if (attempt >= 30) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await producer.disconnect();
  await admin.setOffsets({ groupId: group, topic: topic.topic, partitions: [{ partition: 0, offset: '1' }] });
  await admin.disconnect();
}

/** A tab whose live tail reconnects every second, as the load did; call the result to stop it. */
export function reconnectingTail(server: ServerProcess, topic: string): () => Promise<void> {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const tail = await LiveClient.open(server.url, topic);
        tail.send({ type: 'start', from: { mode: 'now' } });
        await new Promise((r) => setTimeout(r, 1000));
        await tail.close();
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

/**
 * kafkajs unref()ed a failed socket on every disconnect of its connection, one more 'connect' listener each
 * time (MaxListenersExceededWarning after each outage; strict-listeners.mjs makes it show at the 4th).
 */
export function expectNoSocketListenerPileUp(server: ServerProcess): void {
  const warning = /MaxListenersExceededWarning.*listeners added to \[(Socket|TLSSocket)\].*/.exec(
    server.output,
  );
  expect(warning?.[0]).toBeUndefined();
}
