// V8 collects garbage only while JavaScript allocates. A server that falls quiet after a burst (a 1M-message
// search leaves some 70 MB of dead Fetch buffers behind) keeps that garbage until its next request: idle RSS
// measured 213 MB twelve seconds after a search that started from 143 MB. One full collection once the event
// loop has been quiet for a moment, and only after memory grew, gives it back (with `npm start`'s malloc
// setting, see package.json, the freed buffers go back to the system too). It needs Node's --expose-gc.
import { performance } from 'node:perf_hooks';

export interface IdleCollectorProbe {
  /** Share of the last interval the event loop was busy (0..1). */
  busy(): number;
  rss(): number;
  collect(): void;
}

export interface IdleCollectorOptions {
  /** How often to look (ms). */
  everyMs: number;
  /** Busier than this over the interval is not quiet. */
  quietBelow: number;
  /** Collect only when RSS grew this much since it settled after the last collection. */
  growthBytes: number;
}

export const IDLE_COLLECTOR_DEFAULTS: IdleCollectorOptions = {
  everyMs: 2000,
  quietBelow: 0.05,
  growthBytes: 16 << 20,
};

/** One look: collects when quiet and grown; returns the state the next look starts from. */
export function idleCollectorStep(
  probe: IdleCollectorProbe,
  options: IdleCollectorOptions,
  state: { floor: number | undefined },
): { floor: number | undefined; collected: boolean } {
  const busy = probe.busy();
  const rss = probe.rss();
  // Freed ArrayBuffers go back a moment after the collection: the floor is read one look later, if that
  // look was quiet. Work that began meanwhile (a search) left garbage in this RSS: a floor of 0 makes the
  // next quiet look collect again, as after the start.
  if (state.floor === undefined) return { floor: busy >= options.quietBelow ? 0 : rss, collected: false };
  if (busy >= options.quietBelow || rss - state.floor < options.growthBytes)
    return { floor: Math.min(state.floor, rss), collected: false };
  probe.collect();
  return { floor: undefined, collected: true };
}

/** V8's `gc()`: `npm start` and the Docker image run Node with --expose-gc; without it there is no collector. */
function exposedGc(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? () => void (gc as () => unknown)() : undefined;
}

/** Starts looking every `everyMs` (the timer never keeps the process alive); returns the stop function. */
export function startIdleCollector(options: IdleCollectorOptions = IDLE_COLLECTOR_DEFAULTS): () => void {
  const gc = exposedGc();
  if (!gc) return () => {};
  let last = performance.eventLoopUtilization();
  const probe: IdleCollectorProbe = {
    busy: () => {
      const now = performance.eventLoopUtilization();
      const { utilization } = performance.eventLoopUtilization(now, last);
      last = now;
      return utilization;
    },
    rss: () => process.memoryUsage.rss(),
    collect: gc,
  };
  // The start's own garbage counts as growth: the first quiet look collects it.
  let state: { floor: number | undefined } = { floor: 0 };
  const timer = setInterval(() => {
    state = idleCollectorStep(probe, options, state);
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
