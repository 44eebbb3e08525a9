// Lag samples in a Kafka topic instead of a server's disk: every server reads the same chart, and it
// survives the loss of a server's machine. One record per sample, keyed by group (so one group's samples
// share a partition), in a topic that Kafka itself trims by retention.
import type { LagSample } from '../domain/consumer-groups/lag-history-store.ts';
import { DomainError } from '../domain/errors.ts';
import { murmur2 } from '../domain/messages/produce.ts';
import type { ClusterConnection } from './cluster-connection.ts';
import { partitionReader } from './partition-reader.ts';
import { recordsBetween } from './records-between.ts';
import { producerGateway } from './producer-gateway.ts';
import { topicsGateway } from './topics-gateway.ts';

const PARTITIONS = 3;

export class KafkaLagHistory {
  /** Per cluster: the topic's partition count once it is known to exist. */
  private readonly partitions = new Map<string, Promise<number>>();

  constructor(
    private readonly connectionOf: (cluster: string) => ClusterConnection,
    private readonly topic: string,
    private readonly retentionMs: number,
  ) {}

  async append(cluster: string, group: string, sample: LagSample): Promise<void> {
    const count = await this.ensure(cluster);
    await producerGateway(this.connectionOf(cluster)).send(this.topic, [
      {
        key: Buffer.from(group),
        value: Buffer.from(JSON.stringify(sample)),
        headers: [],
        partition: (murmur2(Buffer.from(group)) & 0x7fffffff) % count,
      },
    ]);
  }

  /** The group's samples from `since` on, oldest first ([] while no server has written one). */
  async since(cluster: string, group: string, since: number): Promise<LagSample[]> {
    const count = await this.existing(cluster);
    if (count === null) return [];
    const connection = this.connectionOf(cluster);
    const reader = partitionReader(connection);
    const partition = (murmur2(Buffer.from(group)) & 0x7fffffff) % count;
    const [starts, bounds] = await Promise.all([
      reader.offsetsForTime(this.topic, since),
      reader.offsets(this.topic),
    ]);
    const from = starts.find((s) => s.partition === partition)?.offset ?? '0';
    const high = bounds.find((b) => b.partition === partition)?.high ?? '0';
    const samples: LagSample[] = [];
    for await (const r of recordsBetween(reader, this.topic, partition, from, high)) {
      if (r.key?.toString('utf8') !== group || !r.value) continue;
      const sample = JSON.parse(r.value.toString('utf8')) as LagSample;
      if (sample.t >= since) samples.push(sample);
    }
    return samples.sort((a, b) => a.t - b.t);
  }

  /** The partition count, or null while the topic does not exist (reading never creates it). */
  private async existing(cluster: string): Promise<number | null> {
    const known = this.partitions.get(cluster);
    if (known) return known;
    try {
      const metadata = await topicsGateway(this.connectionOf(cluster)).topic(this.topic);
      const count = Promise.resolve(metadata.partitions.length);
      this.partitions.set(cluster, count);
      return count;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private ensure(cluster: string): Promise<number> {
    let ready = this.partitions.get(cluster);
    if (!ready) {
      ready = this.create(cluster).catch((error: unknown) => {
        this.partitions.delete(cluster);
        throw error;
      });
      this.partitions.set(cluster, ready);
    }
    return ready;
  }

  private async create(cluster: string): Promise<number> {
    const gateway = topicsGateway(this.connectionOf(cluster));
    await gateway
      .createTopic({
        name: this.topic,
        partitions: PARTITIONS,
        replicationFactor: -1,
        configs: { 'cleanup.policy': 'delete', 'retention.ms': String(this.retentionMs) },
      })
      .catch((error: unknown) => {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      });
    return (await gateway.topic(this.topic)).partitions.length;
  }
}
