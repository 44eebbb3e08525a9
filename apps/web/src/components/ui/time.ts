import type { Prefs } from '../../prefs.ts';
import { locale } from './format.ts';

export type Zone = Prefs['timeZone'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Intl formatters are costly to make (a Live tab formats thousands of times a second): one per locale and
 * use, made on first need.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(use: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}/${use}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale(), options)));
  return format;
}
const h23 = () => (locale() === 'fr-FR' ? { hourCycle: 'h23' as const } : {});

/** "2024-05-01 15:20:42.074Z" in UTC; in local time the locale's own form with its zone name. */
export function formatTimestamp(ms: number, zone: Zone): string {
  const d = new Date(ms);
  if (zone === 'utc') return d.toISOString().replace('T', ' ');
  return dateFormat('timestamp', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    timeZoneName: 'short',
    ...h23(),
  }).format(d);
}

/** "15:20" on a chart axis, in the chosen zone. */
export function formatClock(ms: number, zone: Zone): string {
  return dateFormat(`clock/${zone}`, {
    hour: '2-digit',
    minute: '2-digit',
    ...(zone === 'utc' ? { timeZone: 'UTC' } : {}),
    ...h23(),
  }).format(new Date(ms));
}

/** The zone's short name as labels show it: "UTC", or the browser's ("GMT+1", "UTC+1", "CET"). */
export function zoneName(zone: Zone, at = Date.now()): string {
  if (zone === 'utc') return 'UTC';
  const part = dateFormat('zone', { timeZoneName: 'short' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** An instant as a datetime-local value ("2024-05-01T15:20:42") in the chosen zone. */
export function toPickerValue(ms: number, zone: Zone): string {
  const d = new Date(ms);
  if (zone === 'utc') return d.toISOString().slice(0, 19);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A datetime-local value read in the chosen zone; NaN when empty or not a time. */
export function fromPickerValue(value: string, zone: Zone): number {
  if (!value) return NaN;
  return zone === 'utc'
    ? Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`)
    : new Date(value).getTime();
}

const AGO_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "5 seconds ago", "3 minutes ago" (fr: "il y a 5 secondes"); under 2 s "now"; a future time reads as now. */
export function formatAgo(ms: number, now = Date.now(), lang = locale()): string {
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (seconds < 2) return format.format(0, 'second');
  const [unit, size] = AGO_UNITS.find(([, size]) => seconds >= size) ?? ['second', 1];
  return format.format(-Math.floor(seconds / size), unit);
}
