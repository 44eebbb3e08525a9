// Saved messages live in Kafka, not on a server's disk: one compacted topic, key `cluster/id`, a tombstone
// on delete. Every list reads the topic group-free up to its high watermark, so any server behind a load
// balancer answers with what another one just wrote (its write was acknowledged by all replicas).
import type { Template } from '@tributary/contract';
import { DomainError } from '../domain/errors.ts';
import type { ClusterConnection } from './cluster-connection.ts';
import { partitionReader } from './partition-reader.ts';
import { recordsBetween } from './records-between.ts';
import { producerGateway } from './producer-gateway.ts';
import { topicsGateway } from './topics-gateway.ts';

export class TemplateStore {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly connection: ClusterConnection,
    readonly topic: string,
  ) {}

  get cluster(): string {
    return this.connection.name;
  }

  private keyOf(id: string): string {
    return `${this.cluster}/${id}`;
  }

  /** Creates the topic the first time a template is written (another server may race: fine). */
  private ensureTopic(): Promise<void> {
    this.ready ??= this.createTopic().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async createTopic(): Promise<void> {
    await topicsGateway(this.connection)
      .createTopic({
        name: this.topic,
        partitions: 1, // one partition: one order for every server's writes
        replicationFactor: -1,
        configs: { 'cleanup.policy': 'compact' },
      })
      .catch((error: unknown) => {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      });
  }

  async put(template: Template): Promise<void> {
    await this.write(template.id, template);
  }

  async remove(id: string): Promise<void> {
    await this.write(id, null);
  }

  private async write(id: string, value: Template | null): Promise<void> {
    await this.ensureTopic();
    await producerGateway(this.connection).send(this.topic, [
      {
        key: Buffer.from(this.keyOf(id)),
        value: value === null ? null : Buffer.from(JSON.stringify(value)),
        headers: [],
        partition: 0,
      },
    ]);
  }

  /** This cluster's templates, by id, read group-free (no topic yet: none). */
  async read(): Promise<Map<string, Template>> {
    const found = new Map<string, Template>();
    const prefix = `${this.cluster}/`;
    const reader = partitionReader(this.connection);
    const bounds = await reader.offsets(this.topic).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return [];
      throw error;
    });
    for (const { partition, low, high } of bounds)
      for await (const r of recordsBetween(reader, this.topic, partition, low, high)) {
        const key = r.key?.toString('utf8');
        if (!key?.startsWith(prefix)) continue;
        const id = key.slice(prefix.length);
        if (r.value === null) found.delete(id);
        else found.set(id, JSON.parse(r.value.toString('utf8')) as Template);
      }
    return found;
  }
}
