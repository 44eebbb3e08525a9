// When a schedule's trigger fires: intervals ("200ms", "1s", "5m"), one time, or a cron expression in a
// time zone (croner). Pure functions of the trigger and the time, so they are tested with any clock.
import { Cron } from 'croner';
import type { ScheduleTrigger } from '@tributary/contract';

export const MIN_INTERVAL_MS = 10;
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "200ms" → 200; null when it is not a number followed by ms, s, m, h or d. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  return match ? Math.round(Number(match[1]) * UNITS[match[2]!]!) : null;
}

/** A trigger checked by validate.ts, in the form the runner uses. */
export type Trigger =
  | { kind: 'every'; intervalMs: number; count?: number; until?: number }
  | { kind: 'at'; at: number }
  | { kind: 'cron'; cron: Cron };

/** The checked form of a trigger, or the field and the reason it is refused. */
export function compileTrigger(t: ScheduleTrigger): Trigger | { field: string; problem: string } {
  const kinds = (['every', 'at', 'cron'] as const).filter((k) => t[k] !== undefined);
  if (kinds.length !== 1)
    return {
      field: 'trigger',
      problem: `give exactly one of "every", "at" or "cron" (got ${kinds.length === 0 ? 'none' : kinds.join(' and ')})`,
    };
  const misplaced = (field: keyof ScheduleTrigger, owner: string) =>
    t[field] !== undefined ? { field: `trigger.${field}`, problem: `goes only with "${owner}"` } : null;
  if (t.every !== undefined) {
    const wrong = misplaced('timezone', 'cron');
    if (wrong) return wrong;
    const intervalMs = parseDuration(t.every);
    if (intervalMs === null)
      return {
        field: 'trigger.every',
        problem: `"${t.every}" is not a duration such as 200ms, 1s, 5m, 2h or 1d`,
      };
    if (intervalMs < MIN_INTERVAL_MS)
      return { field: 'trigger.every', problem: `must be at least ${MIN_INTERVAL_MS}ms (got ${t.every})` };
    if (t.count !== undefined && t.count < 1)
      return { field: 'trigger.count', problem: `must be at least 1 (got ${t.count})` };
    let until: number | undefined;
    if (t.until !== undefined) {
      until = Date.parse(t.until);
      if (Number.isNaN(until))
        return {
          field: 'trigger.until',
          problem: `"${t.until}" is not an ISO time such as 2026-12-01T10:00:00Z`,
        };
    }
    return {
      kind: 'every',
      intervalMs,
      ...(t.count !== undefined ? { count: t.count } : {}),
      ...(until !== undefined ? { until } : {}),
    };
  }
  const wrong = misplaced('count', 'every') ?? misplaced('until', 'every');
  if (wrong) return wrong;
  if (t.at !== undefined) {
    const extra = misplaced('timezone', 'cron');
    if (extra) return extra;
    const at = Date.parse(t.at);
    if (Number.isNaN(at))
      return { field: 'trigger.at', problem: `"${t.at}" is not an ISO time such as 2026-12-01T10:00:00Z` };
    return { kind: 'at', at };
  }
  let cron: Cron;
  try {
    cron = new Cron(t.cron!, { paused: true, ...(t.timezone ? { timezone: t.timezone } : {}) });
  } catch (error) {
    return { field: 'trigger.cron', problem: `"${t.cron}" does not parse: ${(error as Error).message}` };
  }
  try {
    cron.nextRun(new Date(0));
  } catch {
    return {
      field: 'trigger.timezone',
      problem: `"${t.timezone}" is not an IANA time zone such as Europe/Paris`,
    };
  }
  return { kind: 'cron', cron };
}

/** The first cron time strictly after `after`, or null when there is none. */
export function cronAfter(cron: Cron, after: number): number | null {
  return cron.nextRun(new Date(after))?.getTime() ?? null;
}
