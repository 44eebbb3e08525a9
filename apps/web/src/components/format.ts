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
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567"; int64 strings keep their precision; null → "—". */
export function formatNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return /^-?\d+$/.test(value) ? numberFormat.format(BigInt(value)) : value;
  return numberFormat.format(value);
}

/** "1 partition", "3 partitions". */
export const plural = (count: number, word: string) =>
  `${formatNumber(count)} ${word}${count === 1 ? '' : 's'}`;
