// The Kafka gateway for writing: the cluster's idempotent kafkajs producer (acks=all), so a retry never
// writes a message twice. domain/messages/* see only this and OutgoingRecord.
import type { Producer } from 'kafkajs';
import { perConnection, type ClusterConnection } from './cluster-connection.ts';
import { toDomainError } from './errors.ts';
import { topicsGateway, type PartitionMetadata } from './topics-gateway.ts';
import { brokerHealth, describeContact, type BrokerContact } from './broker-health.ts';

export type { BrokerContact, PartitionMetadata };
export { describeContact };

export interface OutgoingRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  partition: number;
}

const LEADER_MOVING = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
]);

export class ProducerGateway {
  constructor(private readonly connection: ClusterConnection) {}

  get cluster(): string {
    return this.connection.name;
  }

  /**
   * The topic's partition count (404 when it does not exist, so producing never auto-creates a topic), from
   * Metadata alone: a partition whose leader is down does not keep the others from taking messages.
   */
  async partitionCount(topic: string): Promise<number> {
    return (await this.partitions(topic)).length;
  }

  /** Leaders and in-sync replicas of the topic's partitions (404 when it does not exist). */
  async partitions(topic: string): Promise<PartitionMetadata[]> {
    return (await topicsGateway(this.connection).topic(topic)).partitions;
  }

  /** Our own contact with each broker (asked at most once a second): a leader Kafka still lists may be gone. */
  contacts(maxAgeMs?: number): Promise<Map<number, BrokerContact>> {
    return brokerHealth(this.connection).probe(maxAgeMs);
  }

  /** The topic's min.insync.replicas (acks=all needs that many in-sync replicas); null when unknown. */
  async minInsyncReplicas(topic: string): Promise<number | null> {
    const configs = await topicsGateway(this.connection).configs({ kind: 'topic', name: topic });
    const value = configs.find((c) => c.name === 'min.insync.replicas')?.value;
    return value ? Number(value) : null;
  }

  /** Sends records of one partition as one request: it is written whole or not at all. */
  async send(topic: string, records: OutgoingRecord[]): Promise<{ baseOffset: string; timestamp: number }> {
    const producer = await this.connection.producer();
    const timestamp = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendOnce(producer, topic, records, timestamp);
      } catch (error) {
        // Right after a topic is created or a leader moves, the broker says so; nothing was written: try again.
        const type =
          (error as { type?: string }).type ?? (error as { cause?: { type?: string } }).cause?.type;
        if (attempt < 5 && type && LEADER_MOVING.has(type)) {
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
          continue;
        }
        throw toDomainError(error, { cluster: this.connection.name, topic });
      }
    }
  }
}

async function sendOnce(
  producer: Producer,
  topic: string,
  records: OutgoingRecord[],
  timestamp: number,
): Promise<{ baseOffset: string; timestamp: number }> {
  const [result] = await producer.send({
    topic,
    acks: -1,
    messages: records.map((r) => ({
      key: r.key,
      value: r.value,
      partition: r.partition,
      timestamp: String(timestamp),
      headers: Object.fromEntries(
        groupHeaders(r.headers).map(([k, values]) => [k, values.length === 1 ? values[0]! : values] as const),
      ) as Record<string, Buffer>,
    })),
  });
  const appended = Number(result?.logAppendTime ?? -1);
  return { baseOffset: String(result?.baseOffset ?? '-1'), timestamp: appended > 0 ? appended : timestamp };
}

function groupHeaders(headers: OutgoingRecord['headers']): [string, (Buffer | null)[]][] {
  const grouped = new Map<string, (Buffer | null)[]>();
  for (const h of headers) grouped.set(h.key, [...(grouped.get(h.key) ?? []), h.value]);
  return [...grouped];
}

/** The producer gateway of one cluster connection. */
export const producerGateway = perConnection((connection) => new ProducerGateway(connection));
