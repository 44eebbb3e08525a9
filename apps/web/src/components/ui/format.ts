import { i18n } from '../../i18n/index.ts';

/** The locale of numbers and dates follows the interface language. */
export const locale = () => (i18n.language === 'fr' ? 'fr-FR' : 'en-US');

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(maximumFractionDigits = 0): Intl.NumberFormat {
  const key = `${locale()}/${maximumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale(), { maximumFractionDigits })));
  return f;
}

/** 1234567 → "1,234,567" (fr: "1 234 567"); int64 strings keep their precision; null → "—". */
export function formatNumber(value: number | string | bigint | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return /^-?\d+$/.test(value) ? numberFormat().format(BigInt(value)) : value;
  return numberFormat().format(value);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → "1.5 KiB"; null (unknown) → "—". Binary units, like `du -h` and Kafka's own docs. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${formatNumber(value)} B`;
  const digits = Number.isInteger(value) || value >= 10 ? 0 : 1;
  return `${numberFormat(digits).format(value)} ${UNITS[unit]}`;
}

const DURATIONS: [number, string, string][] = [
  [86_400_000, 'd', 'j'],
  [3_600_000, 'h', 'h'],
  [60_000, 'min', 'min'],
  [1_000, 's', 's'],
  [1, 'ms', 'ms'],
];

/** 604800000 → "7 d", 90000 → "1.5 min": the largest unit the value reaches. */
export function formatDuration(ms: number): string {
  const [size, en, fr] = DURATIONS.find(([s]) => Math.abs(ms) >= s) ?? DURATIONS[DURATIONS.length - 1]!;
  return `${numberFormat(1).format(ms / size)} ${i18n.language === 'fr' ? fr : en}`;
}

/** Long.MAX_VALUE: how Kafka writes "no limit" in many configs. */
const LONG_MAX = '9223372036854775807';
const INT_MAX = '2147483647';

/**
 * A config value in human units, chosen by the config's name: `*.ms` → duration, `*bytes*` → bytes;
 * Long.MAX (and -1 for retention) → "unlimited". Returns null when the raw value reads best as it is.
 */
export function humanConfigValue(name: string, value: string | null, unlimited: string): string | null {
  if (value === null || !/^-?\d+$/.test(value)) return null;
  if (value === LONG_MAX || (value === INT_MAX && /\.ms$|bytes/.test(name))) return unlimited;
  if (value === '-1' && /^(log\.)?retention\.(ms|bytes)$|local\.retention/.test(name)) return unlimited;
  const n = Number(value);
  if (n < 0) return null;
  if (/\.ms$/.test(name)) return n === 0 ? null : formatDuration(n);
  if (/\.hours$/.test(name)) return formatDuration(n * 3_600_000);
  if (/\.minutes$/.test(name)) return formatDuration(n * 60_000);
  if (/bytes/.test(name)) return n < 1024 ? null : formatBytes(n);
  return null;
}
