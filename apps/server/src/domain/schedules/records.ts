// What a schedule is once stored in Kafka: its definition (written by whichever server answers the request)
// and its progress (written by the server that runs it), both in the compacted schedules topic.
import type { Schedule, ScheduleInput, ScheduleRun } from '@tributary/contract';
import { compileTrigger, cronAfter, type Trigger } from './trigger.ts';

export interface ScheduleDef extends ScheduleInput {
  id: string;
  cluster: string;
  createdAt: number;
  /** Where the trigger starts counting: creation, a trigger change, or a resume (the pause is not a gap). */
  anchorAt: number;
  paused: boolean;
  pausedReason?: string;
}

export interface ScheduleState {
  /** The definition's anchorAt this progress belongs to; another anchor starts the trigger afresh. */
  anchorAt: number;
  sent: number;
  failures: number;
  lastRunAt?: number;
  /** The next tick not yet run; null when the trigger has no more. */
  nextDueAt?: number | null;
  runner?: string;
}

export const emptyState = (def: ScheduleDef): ScheduleState => ({
  anchorAt: def.anchorAt,
  sent: 0,
  failures: 0,
});

/** Progress that belongs to the current anchor, or a fresh one (keeping the counters). */
export function currentState(def: ScheduleDef, state: ScheduleState | undefined): ScheduleState {
  if (!state) return emptyState(def);
  if (state.anchorAt === def.anchorAt) return state;
  const { nextDueAt: _stale, ...rest } = state;
  return { ...rest, anchorAt: def.anchorAt };
}

export function triggerOf(def: ScheduleDef): Trigger {
  const trigger = compileTrigger(def.trigger);
  if ('field' in trigger) throw new Error(`stored schedule ${def.id}: ${trigger.problem}`);
  return trigger;
}

/** The first tick of the progress: the stored next one, else the trigger's first from the anchor. */
export function firstDue(def: ScheduleDef, trigger: Trigger, state: ScheduleState): number | null {
  if (state.nextDueAt !== undefined) return state.nextDueAt;
  switch (trigger.kind) {
    case 'every':
      return trigger.until !== undefined && def.anchorAt > trigger.until ? null : def.anchorAt;
    case 'at':
      return state.sent > 0 ? null : trigger.at;
    case 'cron':
      return cronAfter(trigger.cron, def.anchorAt - 1);
  }
}

/** The tick after `due`, given `sent` messages so far; null when the trigger is done. */
export function following(trigger: Trigger, due: number, sent: number): number | null {
  switch (trigger.kind) {
    case 'every': {
      if (trigger.count !== undefined && sent >= trigger.count) return null;
      const next = due + trigger.intervalMs;
      return trigger.until !== undefined && next > trigger.until ? null : next;
    }
    case 'at':
      return null;
    case 'cron':
      return cronAfter(trigger.cron, due);
  }
}

/** The API's view: definition, progress and the next few ticks. */
export function toSchedule(def: ScheduleDef, stored: ScheduleState | undefined): Schedule {
  const state = currentState(def, stored);
  const trigger = triggerOf(def);
  const nextRuns: number[] = [];
  let due = firstDue(def, trigger, state);
  const done = due === null;
  if (!def.paused)
    for (let sent = state.sent; due !== null && nextRuns.length < 5; sent++) {
      nextRuns.push(due);
      due = following(trigger, due, sent + 1);
    }
  const { anchorAt: _anchor, paused, pausedReason, ...input } = def;
  return {
    ...input,
    status: paused ? 'paused' : done ? 'done' : 'active',
    ...(pausedReason && paused ? { pausedReason } : {}),
    sent: state.sent,
    failures: state.failures,
    ...(state.lastRunAt !== undefined ? { lastRunAt: state.lastRunAt } : {}),
    ...(state.runner ? { runner: state.runner } : {}),
    nextRuns,
  };
}

export type { ScheduleRun };
