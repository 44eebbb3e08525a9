import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { idleCollectorStep, startIdleCollector, type IdleCollectorOptions } from './idle-gc.ts';

const MB = 1 << 20;
const options: IdleCollectorOptions = { everyMs: 1000, quietBelow: 0.05, growthBytes: 16 * MB };

/** Runs the steps over a series of (busy, rss) looks and says which ones collected. */
function run(looks: [busy: number, rssMb: number][], floor: number | undefined = 100 * MB): boolean[] {
  let state: { floor: number | undefined } = { floor };
  return looks.map(([busy, rssMb]) => {
    let collected = false;
    const probe = { busy: () => busy, rss: () => rssMb * MB, collect: () => (collected = true) };
    state = idleCollectorStep(probe, options, state);
    return collected;
  });
}

describe('idle collector', () => {
  it('collects once the server is quiet after memory grew, then waits for more growth', () => {
    // A search (busy, growing), then quiet: one collection; the floor is read one look later.
    expect(
      run([
        [0.9, 180],
        [0.9, 240],
        [0.01, 240],
        [0.01, 150],
        [0.01, 150],
        [0.01, 160],
      ]),
    ).toEqual([false, false, true, false, false, false]);
  });

  it('never collects while the event loop is busy, however much memory grew', () => {
    expect(
      run([
        [0.5, 300],
        [0.2, 400],
        [0.06, 500],
      ]),
    ).toEqual([false, false, false]);
  });

  it('does not collect when quiet without growth', () => {
    expect(
      run([
        [0, 105],
        [0, 110],
        [0, 100],
      ]),
    ).toEqual([false, false, false]);
  });

  it('collects the start-up garbage at the first quiet look (the floor starts at zero)', () => {
    expect(
      run(
        [
          [0.5, 140],
          [0.01, 140],
        ],
        0,
      ),
    ).toEqual([false, true]);
  });

  it('really runs V8 garbage collection on a quiet process', async () => {
    let garbage: { payload: number[] } | undefined = { payload: new Array<number>(100_000).fill(1) };
    const ref = new WeakRef(garbage);
    // Old garbage, as a search's leftovers are: a young object would go with the next minor collection anyway.
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    garbage = undefined;
    const stop = startIdleCollector({ everyMs: 20, quietBelow: 1.01, growthBytes: 0 });
    try {
      // A boolean, not the object: a failed expectation would keep what it received alive.
      await vi.waitFor(() => expect(ref.deref() === undefined).toBe(true), { timeout: 5000, interval: 50 });
    } finally {
      stop();
    }
  });
});
