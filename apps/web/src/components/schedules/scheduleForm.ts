import type { ScheduleInput } from '@tributary/contract';

/** What the form holds: text fields as typed. */
export interface ScheduleFormState {
  name: string;
  topic: string;
  key: string;
  partition: string;
  value: string;
  /** one: the value as is; lines: one value per line, in turn or at random. */
  mode: 'one' | 'in-turn' | 'random';
  kind: 'every' | 'at' | 'cron';
  every: string;
  count: string;
  until: string;
  at: string;
  cron: string;
  timezone: string;
}

export const emptyForm = (topic = ''): ScheduleFormState => ({
  name: '',
  topic,
  key: '',
  partition: '',
  value: '',
  mode: 'one',
  kind: 'every',
  every: '1s',
  count: '',
  until: '',
  at: '',
  cron: '',
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});

/** A `datetime-local` value (the browser's zone) as an ISO time; the text as is when it does not parse. */
const iso = (local: string) => {
  const ms = new Date(local).getTime();
  return Number.isNaN(ms) ? local : new Date(ms).toISOString();
};

/** The request body; the server checks the rest and names the field it refuses. */
export function toScheduleInput(f: ScheduleFormState): ScheduleInput {
  const trigger: ScheduleInput['trigger'] =
    f.kind === 'every'
      ? {
          every: f.every.trim(),
          ...(f.count.trim() ? { count: Number(f.count) } : {}),
          ...(f.until ? { until: iso(f.until) } : {}),
        }
      : f.kind === 'at'
        ? { at: iso(f.at) }
        : { cron: f.cron.trim(), ...(f.timezone.trim() ? { timezone: f.timezone.trim() } : {}) };
  const values = f.value.split('\n').filter((line) => line.trim() !== '');
  return {
    name: f.name.trim(),
    topic: f.topic.trim(),
    ...(f.key ? { key: f.key } : {}),
    ...(f.partition.trim() ? { partition: Number(f.partition) } : {}),
    ...(f.mode === 'one' ? { value: f.value } : { values, pick: f.mode }),
    trigger,
  };
}
