// Runs one schedule on the server that owns it: waits for each tick, sends, records the run and the progress.
// Time comes from an injected clock, so a cron trigger is tested without waiting for the minute.
import type { ScheduleRun } from '@tributary/contract';
import {
  currentState,
  firstDue,
  following,
  triggerOf,
  type ScheduleDef,
  type ScheduleState,
} from './records.ts';
import type { Trigger } from './trigger.ts';

export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; the returned function cancels it. */
  setTimer(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (ms, fn) => {
    const timer = setTimeout(fn, Math.min(ms, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  },
};

export interface RunnerDeps {
  clock: Clock;
  runnerId: string;
  /** Sends message number `seq` of the schedule; where it went. */
  send(def: ScheduleDef, seq: number, now: number): Promise<{ partition: number; offset: string }>;
  /** Stores a run and the progress after it. */
  record(def: ScheduleDef, run: ScheduleRun | null, state: ScheduleState): Promise<void>;
  /** The send failed in a way that running again cannot fix (its topic is gone): pause with the reason. */
  stopsForGood(def: ScheduleDef, error: unknown): string | null;
  pause(def: ScheduleDef, reason: string): Promise<void>;
  log(message: string, error?: unknown): void;
}

/**
 * When a server takes a schedule up, the ticks that fell due while none ran it are reported as missed (the
 * last one is sent late if it is at most this late), unless the schedule says catchUp. Running on, ticks
 * delayed by slow sends are sent late, unless they are later than this.
 */
export const LATE_MS = 30_000;

export class ScheduleRunner {
  private state: ScheduleState;
  private trigger: Trigger;
  private cancelTimer: (() => void) | undefined;
  private stopped = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private def: ScheduleDef,
    state: ScheduleState | undefined,
    private readonly deps: RunnerDeps,
  ) {
    this.state = currentState(def, state);
    this.trigger = triggerOf(def);
  }

  get progress(): ScheduleState {
    return this.state;
  }

  start(): void {
    this.stopped = false;
    this.running = this.running.then(() => this.loop()).catch((e) => this.deps.log('schedule runner', e));
  }

  /** Stops waiting; a send under way finishes (awaited by the promise). */
  stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    return this.running;
  }

  /** A new definition (PUT, pause, resume): a changed anchor starts the trigger afresh. */
  async update(def: ScheduleDef): Promise<void> {
    await this.stop();
    this.def = def;
    this.trigger = triggerOf(def);
    this.state = currentState(def, this.state);
    this.start();
  }

  private async loop(): Promise<void> {
    let atStart = true;
    while (!this.stopped && !this.def.paused) {
      let due = firstDue(this.def, this.trigger, this.state);
      if (due === null) {
        if (this.state.nextDueAt !== null) await this.save(null, { nextDueAt: null });
        return;
      }
      // A new interval starts when a server first picks it up (joining the group takes seconds).
      if (this.trigger.kind === 'every' && this.state.nextDueAt === undefined && this.state.sent === 0)
        due = Math.max(due, this.deps.clock.now());
      // Running on, a slow send only delays the next ticks; a gap (no server ran it) is reported.
      if (atStart || this.deps.clock.now() - due > LATE_MS) due = await this.skipMissed(due);
      atStart = false;
      if (due === null || this.stopped) return;
      const wait = due - this.deps.clock.now();
      if (wait > 0) {
        const woke = await new Promise<boolean>((resolve) => {
          this.cancelTimer = this.deps.clock.setTimer(wait, () => resolve(true));
          if (this.stopped) resolve(false);
          const cancel = this.cancelTimer;
          this.cancelTimer = () => {
            cancel();
            resolve(false);
          };
        });
        if (!woke || this.stopped) return;
      }
      await this.fire(due);
    }
  }

  /** Ticks overdue beyond the last one (or the last, when later than LATE_MS) are reported, not sent. */
  private async skipMissed(due: number): Promise<number | null> {
    const now = this.deps.clock.now();
    if (due >= now || this.def.catchUp) return due;
    if (this.trigger.kind === 'every') {
      const { intervalMs: step, until } = this.trigger;
      let n = Math.floor((now - due) / step) + 1;
      if (until !== undefined) n = Math.min(n, Math.floor((until - due) / step) + 1);
      return this.report(n, due, due + (n - 1) * step, now);
    }
    // Counting cron ticks one by one: bounded, a week of a per-minute cron is ~10k.
    let t: number | null = due;
    let count = 0;
    let last = due;
    while (t !== null && t <= now && count < 1_000_000) {
      count++;
      last = t;
      t = following(this.trigger, t, this.state.sent);
    }
    return this.report(count, due, last, now);
  }

  private async report(count: number, from: number, last: number, now: number): Promise<number | null> {
    const sendLast = now - last <= LATE_MS;
    const missed = sendLast ? count - 1 : count;
    if (missed === 0) return last;
    const to = sendLast ? this.before(last, from, missed) : last;
    const next = sendLast ? last : following(this.trigger, last, this.state.sent);
    await this.save({ time: now, missed: { count: missed, from, to } }, { nextDueAt: next });
    return next;
  }

  /** The tick before `last` among `missed` ticks starting at `from` (for the report's `to`). */
  private before(last: number, from: number, missed: number): number {
    if (this.trigger.kind === 'every') return from + (missed - 1) * this.trigger.intervalMs;
    let t: number | null = from;
    for (let i = 1; i < missed && t !== null; i++) t = following(this.trigger, t, this.state.sent);
    return t ?? last;
  }

  private async fire(due: number): Promise<void> {
    const now = this.deps.clock.now();
    const seq = this.state.sent + 1;
    let run: ScheduleRun;
    let sent = this.state.sent;
    let failures = this.state.failures;
    let pauseReason: string | null = null;
    try {
      const where = await this.deps.send(this.def, seq, now);
      sent = seq;
      run = { time: now, seq, partition: where.partition, offset: where.offset };
    } catch (error) {
      failures++;
      run = { time: now, seq, error: (error as Error).message };
      pauseReason = this.deps.stopsForGood(this.def, error);
    }
    const nextDueAt = following(this.trigger, due, sent);
    await this.save(run, { sent, failures, lastRunAt: now, nextDueAt });
    if (pauseReason) {
      this.stopped = true;
      await this.deps.pause(this.def, pauseReason).catch((e) => this.deps.log('pausing a schedule', e));
    }
  }

  private async save(run: ScheduleRun | null, change: Partial<ScheduleState>): Promise<void> {
    this.state = { ...this.state, ...change, runner: this.deps.runnerId };
    await this.deps
      .record(this.def, run, this.state)
      .catch((e) => this.deps.log(`recording a run of schedule ${this.def.id}`, e));
  }
}
