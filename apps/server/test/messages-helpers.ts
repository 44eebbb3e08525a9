import { afterAll } from 'vitest';
import {
  AssignerProtocol,
  Kafka,
  logLevel,
  type Admin,
  type Message as KafkaMessage,
  type Producer,
} from 'kafkajs';
import { sharedKafkaBrokers, uniqueName } from '@tributary/local-kafka/testing';
import type { MessagePage } from '@tributary/contract';
import type { App } from '../src/app.ts';

/** A kafkajs admin and producer on the shared broker for arranging tests, closed after the file. */
export async function kafkaTools(): Promise<{ admin: Admin; producer: Producer; kafka: Kafka }> {
  const kafka = new Kafka({ brokers: sharedKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true });
  await Promise.all([admin.connect(), producer.connect()]);
  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });
  return { admin, producer, kafka };
}

/** A new topic whose partitions all have a leader (on a busy machine metadata can lag the creation). */
export async function createTopic(admin: Admin, prefix: string, partitions = 1): Promise<string> {
  const topic = uniqueName(prefix);
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: false });
  for (let attempt = 0; ; attempt++) {
    const ready = await admin
      .fetchTopicMetadata({ topics: [topic] })
      .then(
        (m) =>
          m.topics[0]?.partitions.length === partitions && m.topics[0].partitions.every((p) => p.leader >= 0),
      )
      .catch(() => false);
    if (ready) return topic;
    if (attempt > 100) throw new Error(`Topic ${topic} has no leaders after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function send(producer: Producer, topic: string, messages: KafkaMessage[]): Promise<void> {
  await producer.send({ topic, acks: -1, messages });
}

/**
 * The consumer groups that have committed offsets on `topic` or a member assigned to it. Browsing must
 * leave this empty. (Other test files create groups on the same broker at the same time, so "no new
 * group at all" cannot be asserted; a group that browsing joined or committed would name this topic.)
 */
export async function groupsTouching(admin: Admin, topic: string): Promise<string[]> {
  const ids = (await admin.listGroups()).groups.map((g) => g.groupId);
  const touching = new Set<string>();
  for (const groupId of ids) {
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] }).catch(() => []);
    if (offsets.some((t) => t.partitions.some((p) => p.offset !== '-1'))) touching.add(groupId);
  }
  const described = await admin.describeGroups(ids).catch(() => ({ groups: [] }));
  for (const group of described.groups) {
    // Only the consumer protocol's bytes decode as an assignment (Kafka Connect's worker group is 'connect').
    if (group.protocolType !== 'consumer') continue;
    for (const member of group.members) {
      if (member.memberAssignment.length === 0) continue;
      const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      if (assignment && topic in assignment.assignment) touching.add(group.groupId);
    }
  }
  return [...touching].sort();
}

/** GET the messages page; fails the test with the server's message on a non-200. */
export async function browse(app: App, topic: string, query: Record<string, string | number | boolean> = {}) {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const res = await app.inject(`/api/clusters/local/topics/${encodeURIComponent(topic)}/messages?${qs}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
  return res.json<MessagePage>();
}

export const values = (page: MessagePage) => page.messages.map((m) => m.value?.text ?? null);
