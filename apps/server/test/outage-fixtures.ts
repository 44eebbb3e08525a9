import { Kafka, logLevel, type ITopicConfig, type Message } from 'kafkajs';
import type { LocalKafka } from '@tributary/local-kafka';

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
  await admin.createTopics({ topics: [topic], waitForLeaders: true });
  const producer = client.producer();
  await producer.connect();
  await producer.send({ topic: topic.topic, messages });
  await producer.disconnect();
  await admin.setOffsets({ groupId: group, topic: topic.topic, partitions: [{ partition: 0, offset: '1' }] });
  await admin.disconnect();
}
