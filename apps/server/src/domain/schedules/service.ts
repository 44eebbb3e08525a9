// The schedules API without HTTP: plain objects in and out, state read from and written to Kafka.
import { randomUUID } from 'node:crypto';
import type { Schedule, ScheduleInput, ScheduleRun } from '@tributary/contract';
import type { ScheduleStore } from '../../kafka/schedules-store.ts';
import type { ProducerGateway } from '../../kafka/producer-gateway.ts';
import { notFound } from '../errors.ts';
import { isResponder } from '../responders/records.ts';
import { currentState, toSchedule, type ScheduleDef, type ScheduleState } from './records.ts';
import { sendScheduled } from './send.ts';
import { validateScheduleInput } from './validate.ts';

export async function listSchedules(store: ScheduleStore): Promise<Schedule[]> {
  const { defs, states } = await store.read();
  return [...defs.values()]
    .filter((def): def is ScheduleDef => !isResponder(def))
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((def) => toSchedule(def, states.get(def.id) as ScheduleState | undefined));
}

async function load(store: ScheduleStore, id: string) {
  const { defs, states } = await store.read(store.partitionOf(id));
  const def = defs.get(id);
  if (!def || isResponder(def)) throw notFound(`No schedule with id "${id}" in cluster "${store.cluster}".`);
  return { def, state: states.get(id) as ScheduleState | undefined };
}

export async function getSchedule(store: ScheduleStore, id: string): Promise<Schedule> {
  const { def, state } = await load(store, id);
  return toSchedule(def, state);
}

export async function createSchedule(
  store: ScheduleStore,
  producer: ProducerGateway,
  input: ScheduleInput,
  now = Date.now(),
): Promise<Schedule> {
  validateScheduleInput(input, now);
  await producer.partitionCount(input.topic); // 404 naming the topic, before anything is stored
  await store.ensureTopics();
  const def: ScheduleDef = {
    ...input,
    id: randomUUID(),
    cluster: store.cluster,
    createdAt: now,
    anchorAt: now,
    paused: false,
  };
  await store.putDefinition(def);
  return toSchedule(def, undefined);
}

export async function replaceSchedule(
  store: ScheduleStore,
  producer: ProducerGateway,
  id: string,
  input: ScheduleInput,
  now = Date.now(),
): Promise<Schedule> {
  const { def: old, state } = await load(store, id);
  validateScheduleInput(input, now);
  await producer.partitionCount(input.topic);
  const triggerChanged = JSON.stringify(old.trigger) !== JSON.stringify(input.trigger);
  const def: ScheduleDef = {
    ...input,
    id,
    cluster: old.cluster,
    createdAt: old.createdAt,
    anchorAt: triggerChanged ? now : old.anchorAt,
    paused: old.paused,
    ...(old.pausedReason ? { pausedReason: old.pausedReason } : {}),
  };
  await store.putDefinition(def);
  return toSchedule(def, state);
}

export async function deleteSchedule(store: ScheduleStore, id: string): Promise<void> {
  await load(store, id);
  await store.remove(id);
}

/** Pause stops the trigger; resume starts it afresh from now (the pause is not reported as missed runs). */
export async function setPaused(
  store: ScheduleStore,
  id: string,
  paused: boolean,
  now = Date.now(),
): Promise<Schedule> {
  const { def: old, state } = await load(store, id);
  const { pausedReason: _reason, ...rest } = old;
  const def: ScheduleDef = { ...rest, paused, anchorAt: paused ? old.anchorAt : now };
  await store.putDefinition(def);
  return toSchedule(def, state);
}

/** Sends one message now, outside the trigger: {{seq}} is the next number, which the trigger keeps. */
export async function runNow(
  store: ScheduleStore,
  producer: ProducerGateway,
  id: string,
  now = Date.now(),
): Promise<ScheduleRun> {
  const { def, state } = await load(store, id);
  const seq = currentState(def, state).sent + 1;
  let run: ScheduleRun;
  try {
    const where = await sendScheduled(producer, def, seq, now);
    run = { time: now, seq, partition: where.partition, offset: where.offset, manual: true };
  } catch (error) {
    await store.putRun(id, { time: now, seq, error: (error as Error).message, manual: true });
    throw error;
  }
  await store.putRun(id, run);
  return run;
}

export async function scheduleRuns(store: ScheduleStore, id: string, limit: number): Promise<ScheduleRun[]> {
  await load(store, id);
  return store.runs(id, limit);
}
