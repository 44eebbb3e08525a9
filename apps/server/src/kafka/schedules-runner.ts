// Which server runs which schedule: every server joins Tributary's own consumer group on the schedules
// topic and runs the schedules of the partitions it is assigned, so each runs on exactly one server and
// another takes over within a rebalance. (A user topic is never read through a group: this is our topic.)
// On each assignment, a partition is read from its start (nothing is ever committed) up to the high
// watermark seen then, so a new owner starts from the last progress the previous one wrote.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Consumer, EachBatchPayload } from 'kafkajs';
import { ScheduleRunner, type Clock, type RunnerDeps } from '../domain/schedules/runner.ts';
import { sendScheduled, stopsForGood } from '../domain/schedules/send.ts';
import type { ClusterConnection } from './cluster-connection.ts';
import { partitionReader } from './partition-reader.ts';
import { producerGateway } from './producer-gateway.ts';
import { applyRecord, type ScheduleStore, type StoredSchedules } from './schedules-store.ts';
import { ResponderRunner } from './responder-runner.ts';
import { isResponder, type ResponderState } from '../domain/responders/records.ts';
import type { ScheduleState } from '../domain/schedules/records.ts';

interface OwnedPartition {
  stored: StoredSchedules;
  /** The high watermark at assignment; the partition is loaded once read up to it. */
  target: bigint | undefined;
  readUpTo: bigint;
  loaded: boolean;
  runners: Map<string, ScheduleRunner | ResponderRunner>;
}

export interface CoordinatorOptions {
  clock: Clock;
  /** How often a server looks for the schedules topic until one exists. */
  discoverMs: number;
  log(message: string, error?: unknown): void;
}

export class ScheduleCoordinator {
  readonly runnerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private consumer: Consumer | undefined;
  private joining: Promise<void> | undefined;
  private owned = new Map<number, OwnedPartition>();
  private work: Promise<void> = Promise.resolve();
  private discoverTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly connection: ClusterConnection,
    private readonly store: ScheduleStore,
    private readonly options: CoordinatorOptions,
  ) {}

  /** Joins once the schedules topic exists (looking again every discoverMs until then). */
  start(): void {
    const look = async () => {
      if (this.closed || this.consumer) return;
      const exists = await this.store.exists().catch(() => false);
      if (exists) await this.join().catch((e) => this.options.log('joining the schedules group', e));
      if (!this.consumer && !this.closed) this.discoverTimer = setTimeout(look, this.options.discoverMs);
    };
    void look();
  }

  /** A schedule was just created here: the topic exists now, no need to wait for the next look. */
  kick(): void {
    if (!this.consumer && !this.closed)
      void this.join().catch((e) => this.options.log('joining the schedules group', e));
  }

  private join(): Promise<void> {
    this.joining ??= this.doJoin().finally(() => (this.joining = undefined));
    return this.joining;
  }

  private async doJoin(): Promise<void> {
    if (this.consumer || this.closed) return;
    clearTimeout(this.discoverTimer);
    const { topic, group } = this.store.topics;
    const consumer = this.connection.kafka.consumer({
      groupId: group,
      sessionTimeout: 10_000,
      rebalanceTimeout: 10_000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 250,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.REBALANCING, () => this.queue(() => this.releaseAll()));
    consumer.on(consumer.events.CRASH, () => this.queue(() => this.releaseAll()));
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      const partitions = event.payload.memberAssignment[topic] ?? [];
      this.queue(() => this.assign(partitions));
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ autoCommit: false, eachBatch: (payload) => this.onBatch(payload) });
    } catch (error) {
      this.consumer = undefined;
      await consumer.disconnect().catch(() => {});
      throw error;
    }
  }

  /** Runner changes happen one after another, never inside kafkajs's fetch loop (heartbeats go on). */
  private queue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((e) => this.options.log('schedules runner', e));
  }

  private async releaseAll(): Promise<void> {
    const partitions = [...this.owned.values()];
    this.owned.clear();
    await Promise.all(partitions.flatMap((p) => [...p.runners.values()].map((r) => r.stop())));
  }

  private async assign(partitions: number[]): Promise<void> {
    await this.releaseAll();
    for (const partition of partitions)
      this.owned.set(partition, {
        stored: { defs: new Map(), states: new Map() },
        target: undefined,
        readUpTo: 0n,
        loaded: false,
        runners: new Map(),
      });
    if (partitions.length === 0) return;
    const bounds = await partitionReader(this.connection).offsets(this.store.topics.topic);
    for (const b of bounds) {
      const owned = this.owned.get(b.partition);
      if (!owned) continue;
      owned.target = BigInt(b.high);
      this.checkLoaded(owned);
    }
  }

  private async onBatch({ batch }: EachBatchPayload): Promise<void> {
    const { partition, messages } = batch;
    const records = messages.map((m) => ({ key: m.key?.toString('utf8'), value: m.value, offset: m.offset }));
    this.queue(async () => {
      const owned = this.owned.get(partition);
      if (!owned) return;
      for (const r of records) {
        owned.readUpTo = BigInt(r.offset) + 1n;
        if (!r.key) continue;
        const id = applyRecord(owned.stored, r.key, r.value);
        if (owned.loaded && !r.key.endsWith('/state')) this.reconcile(owned, id);
      }
      this.checkLoaded(owned);
    });
  }

  private checkLoaded(owned: OwnedPartition): void {
    if (owned.loaded || owned.target === undefined || owned.readUpTo < owned.target) return;
    owned.loaded = true;
    for (const id of owned.stored.defs.keys()) this.reconcile(owned, id);
  }

  /** Starts, updates or stops the runner of one schedule after its definition changed. */
  private reconcile(owned: OwnedPartition, id: string): void {
    const def = owned.stored.defs.get(id);
    const runner = owned.runners.get(id);
    if (!def) {
      owned.runners.delete(id);
      void runner?.stop();
      return;
    }
    // A runner of the other kind cannot take the definition (a reused id): replace it.
    if (runner instanceof ResponderRunner && isResponder(def)) return void runner.update(def);
    if (runner instanceof ScheduleRunner && !isResponder(def)) return void runner.update(def);
    void runner?.stop();
    const state = owned.stored.states.get(id);
    const created = isResponder(def)
      ? new ResponderRunner(def, state as ResponderState | undefined, this.connection, {
          runnerId: this.runnerId,
          save: (d, s) => this.store.putState(d.id, s),
          log: this.options.log,
        })
      : new ScheduleRunner(def, state as ScheduleState | undefined, this.deps());
    owned.runners.set(id, created);
    created.start();
  }

  private deps(): RunnerDeps {
    const producer = producerGateway(this.connection);
    return {
      clock: this.options.clock,
      runnerId: this.runnerId,
      send: (def, seq, now) => sendScheduled(producer, def, seq, now),
      record: async (def, run, state) => {
        if (run) await this.store.putRun(def.id, run);
        await this.store.putState(def.id, state);
      },
      stopsForGood,
      pause: (def, reason) => this.store.putDefinition({ ...def, paused: true, pausedReason: reason }),
      log: this.options.log,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.discoverTimer);
    await this.joining?.catch(() => {});
    const consumer = this.consumer;
    this.consumer = undefined;
    this.queue(() => this.releaseAll());
    await this.work;
    await consumer?.disconnect().catch(() => {});
  }
}
