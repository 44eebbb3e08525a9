// Schedules live in Kafka, not on a server's disk: definitions and progress in one compacted topic (key
// `id` and `id/state`, the same partition), runs in a topic with a retention, written to the schedule's
// partition there too. Any server reads them group-free; the owner of a partition (schedules-runner.ts)
// is the only one that runs its schedules.
import type { ScheduleRun } from '@tributary/contract';
import { DomainError } from '../domain/errors.ts';
import { murmur2 } from '../domain/messages/produce.ts';
import type { ScheduleDef, ScheduleState } from '../domain/schedules/records.ts';
import type { ResponderDef, ResponderState } from '../domain/responders/records.ts';
import type { ClusterConnection } from './cluster-connection.ts';
import { partitionReader } from './partition-reader.ts';
import { recordsBetween } from './records-between.ts';
import { producerGateway } from './producer-gateway.ts';
import { topicsGateway } from './topics-gateway.ts';

export interface ScheduleTopics {
  topic: string;
  runsTopic: string;
  group: string;
  partitions: number;
  runsRetentionMs: number;
}

/** What the schedules topic holds: schedules and responders, each with its progress. */
export type StoredDef = ScheduleDef | ResponderDef;
export interface StoredSchedules {
  defs: Map<string, StoredDef>;
  states: Map<string, ScheduleState | ResponderState>;
}

const STATE_SUFFIX = '/state';

/** Applies one record of the schedules topic (a definition, a progress, or a tombstone of either). */
export function applyRecord(into: StoredSchedules, key: string, value: Buffer | null): string {
  const isState = key.endsWith(STATE_SUFFIX);
  const id = isState ? key.slice(0, -STATE_SUFFIX.length) : key;
  const map = isState ? into.states : into.defs;
  if (value === null) map.delete(id);
  else (map as Map<string, unknown>).set(id, JSON.parse(value.toString('utf8')));
  return id;
}

export class ScheduleStore {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly connection: ClusterConnection,
    readonly topics: ScheduleTopics,
  ) {}

  get cluster(): string {
    return this.connection.name;
  }

  /** Whether any server created the schedules topic yet (no topic: nothing to run). */
  async exists(): Promise<boolean> {
    return topicsGateway(this.connection)
      .topic(this.topics.topic)
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') return false;
          throw error;
        },
      );
  }

  /** Creates both topics the first time a schedule is written (another server may race: fine). */
  ensureTopics(): Promise<void> {
    this.ready ??= this.createTopics().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async createTopics(): Promise<void> {
    const gateway = topicsGateway(this.connection);
    const wanted: { name: string; configs: Record<string, string> }[] = [
      { name: this.topics.topic, configs: { 'cleanup.policy': 'compact' } },
      {
        name: this.topics.runsTopic,
        configs: { 'cleanup.policy': 'delete', 'retention.ms': String(this.topics.runsRetentionMs) },
      },
    ];
    for (const { name, configs } of wanted) {
      await gateway
        .createTopic({ name, partitions: this.topics.partitions, replicationFactor: -1, configs })
        .catch((error: unknown) => {
          if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
        });
    }
  }

  /** The partition of a schedule in both topics (Kafka's murmur2 of the id). */
  partitionOf(id: string): number {
    return (murmur2(Buffer.from(id)) & 0x7fffffff) % this.topics.partitions;
  }

  async putDefinition(def: StoredDef): Promise<void> {
    await this.write(this.topics.topic, def.id, def.id, def);
  }

  async putState(id: string, state: ScheduleState | ResponderState): Promise<void> {
    await this.write(this.topics.topic, id, id + STATE_SUFFIX, state);
  }

  /** Tombstones for the definition and the progress: compaction then forgets the schedule. */
  async remove(id: string): Promise<void> {
    await this.write(this.topics.topic, id, id, null);
    await this.write(this.topics.topic, id, id + STATE_SUFFIX, null);
  }

  async putRun(id: string, run: ScheduleRun): Promise<void> {
    await this.write(this.topics.runsTopic, id, id, run);
  }

  private async write(topic: string, id: string, key: string, value: object | null): Promise<void> {
    await producerGateway(this.connection).send(topic, [
      {
        key: Buffer.from(key),
        value: value === null ? null : Buffer.from(JSON.stringify(value)),
        headers: [],
        partition: this.partitionOf(id),
      },
    ]);
  }

  /** Every schedule (or those of one partition), read group-free up to the high watermark. */
  async read(partition?: number): Promise<StoredSchedules> {
    const into: StoredSchedules = { defs: new Map(), states: new Map() };
    if (!(await this.exists())) return into;
    const bounds = await partitionReader(this.connection).offsets(this.topics.topic);
    for (const b of bounds) {
      if (partition !== undefined && b.partition !== partition) continue;
      for await (const r of this.records(this.topics.topic, b.partition, b.low, b.high))
        if (r.key) applyRecord(into, r.key.toString('utf8'), r.value);
    }
    return into;
  }

  /** The newest runs of a schedule, newest first (among the last `scan` records of its partition). */
  async runs(id: string, limit: number, scan = 5000): Promise<ScheduleRun[]> {
    if (!(await this.exists())) return [];
    const partition = this.partitionOf(id);
    const bounds = await partitionReader(this.connection).offsets(this.topics.runsTopic);
    const b = bounds.find((x) => x.partition === partition);
    if (!b) return [];
    const from =
      BigInt(b.high) - BigInt(scan) > BigInt(b.low) ? String(BigInt(b.high) - BigInt(scan)) : b.low;
    const runs: ScheduleRun[] = [];
    for await (const r of this.records(this.topics.runsTopic, partition, from, b.high))
      if (r.key?.toString('utf8') === id && r.value) runs.push(JSON.parse(r.value.toString('utf8')));
    return runs.reverse().slice(0, limit);
  }

  private records(topic: string, partition: number, low: string, high: string) {
    return recordsBetween(partitionReader(this.connection), topic, partition, low, high);
  }
}
