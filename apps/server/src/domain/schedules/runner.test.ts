import { describe, expect, it } from 'vitest';
import type { ScheduleRun, ScheduleTrigger } from '@tributary/contract';
import type { ScheduleDef, ScheduleState } from './records.ts';
import { ScheduleRunner, type Clock, type RunnerDeps } from './runner.ts';

/** A clock whose time moves only when the test says so; timers fire in order as it passes them. */
class FakeClock implements Clock {
  private timers: { at: number; fn: () => void }[] = [];
  constructor(public time: number) {}
  now = () => this.time;
  setTimer = (ms: number, fn: () => void) => {
    const timer = { at: this.time + ms, fn };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  };
  async advanceTo(time: number): Promise<void> {
    for (;;) {
      await settle();
      const next = this.timers.sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > time) break;
      this.timers.shift();
      this.time = next.at;
      next.fn();
    }
    this.time = time;
    await settle();
  }
}
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

function harness(trigger: ScheduleTrigger, start: number, extra: Partial<ScheduleDef> = {}) {
  const clock = new FakeClock(start);
  const sends: { seq: number; at: number }[] = [];
  const runs: ScheduleRun[] = [];
  const states: ScheduleState[] = [];
  const paused: string[] = [];
  let fail: Error | undefined;
  const deps: RunnerDeps = {
    clock,
    runnerId: 'test',
    send: async (_def, seq, now) => {
      if (fail) throw fail;
      sends.push({ seq, at: now });
      return { partition: 0, offset: String(seq - 1) };
    },
    record: async (_def, run, state) => {
      if (run) runs.push(run);
      states.push(state);
    },
    stopsForGood: (_def, error) => ((error as Error).message.includes('gone') ? 'topic gone' : null),
    pause: async (_def, reason) => void paused.push(reason),
    log: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  };
  const def: ScheduleDef = {
    id: 's1',
    cluster: 'c',
    name: 'n',
    topic: 't',
    value: 'v',
    trigger,
    createdAt: start,
    anchorAt: start,
    paused: false,
    ...extra,
  };
  return {
    clock,
    sends,
    runs,
    states,
    paused,
    def,
    failWith: (e: Error) => (fail = e),
    runner: (state?: ScheduleState) => new ScheduleRunner(def, state, deps),
  };
}

const t = (iso: string) => Date.parse(iso);

describe('schedule runner', () => {
  it('fires a cron trigger at its times in its time zone (injected clock, no waiting)', async () => {
    // Friday 2026-12-04 08:00 UTC; 10:00 in Paris is 09:00 UTC in December.
    const h = harness({ cron: '0 10 * * 1-5', timezone: 'Europe/Paris' }, t('2026-12-04T08:00:00Z'));
    const runner = h.runner();
    runner.start();
    await h.clock.advanceTo(t('2026-12-08T12:00:00Z'));
    await runner.stop();
    expect(h.sends.map((s) => new Date(s.at).toISOString())).toEqual([
      '2026-12-04T09:00:00.000Z',
      '2026-12-07T09:00:00.000Z',
      '2026-12-08T09:00:00.000Z',
    ]);
    expect(h.sends.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(h.states.at(-1)).toMatchObject({ sent: 3, nextDueAt: t('2026-12-09T09:00:00Z') });
  });

  it('sends `count` messages every interval, then is done', async () => {
    const h = harness({ every: '200ms', count: 3 }, 1000);
    const runner = h.runner();
    runner.start();
    await h.clock.advanceTo(5000);
    expect(h.sends).toEqual([
      { seq: 1, at: 1000 },
      { seq: 2, at: 1200 },
      { seq: 3, at: 1400 },
    ]);
    expect(h.states.at(-1)).toMatchObject({ sent: 3, nextDueAt: null });
  });

  it('fires `at` once', async () => {
    const h = harness({ at: new Date(60_000).toISOString() }, 1000);
    h.runner().start();
    await h.clock.advanceTo(600_000);
    expect(h.sends).toEqual([{ seq: 1, at: 60_000 }]);
  });

  it('reports ticks missed while no server ran it, sends the last one late, and keeps to the grid', async () => {
    const h = harness({ every: '1s' }, 0);
    // The previous owner ran up to tick 10 000 and vanished; we take over at 70 500.
    h.clock.time = 70_500;
    const runner = h.runner({ anchorAt: 0, sent: 10, failures: 0, nextDueAt: 10_000 });
    runner.start();
    await h.clock.advanceTo(72_000);
    await runner.stop();
    expect(h.runs[0]).toEqual({ time: 70_500, missed: { count: 60, from: 10_000, to: 69_000 } });
    expect(h.sends).toEqual([
      { seq: 11, at: 70_500 },
      { seq: 12, at: 71_000 },
      { seq: 13, at: 72_000 },
    ]);
  });

  it('with catchUp, sends the missed ticks instead', async () => {
    const h = harness({ every: '1s' }, 0, { catchUp: true });
    h.clock.time = 3_500;
    const runner = h.runner({ anchorAt: 0, sent: 1, failures: 0, nextDueAt: 1000 });
    runner.start();
    await h.clock.advanceTo(3_600);
    await runner.stop();
    expect(h.sends.map((s) => s.seq)).toEqual([2, 3, 4]);
    expect(h.runs.some((r) => r.missed)).toBe(false);
  });

  it('pauses itself with the reason when its topic is gone', async () => {
    const h = harness({ every: '1s' }, 0);
    h.failWith(new Error('Topic "t" is gone'));
    h.runner().start();
    await h.clock.advanceTo(5000);
    expect(h.paused).toEqual(['topic gone']);
    expect(h.runs).toEqual([{ time: 0, seq: 1, error: 'Topic "t" is gone' }]);
    expect(h.states.at(-1)).toMatchObject({ sent: 0, failures: 1 });
  });
});
