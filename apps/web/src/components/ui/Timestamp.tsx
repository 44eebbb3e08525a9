import { useRowT } from '../../i18n/index.ts';
import { usePrefs } from '../../prefs.ts';
import { formatTimestamp } from './time.ts';

/** A time in the one clock the header sets (local or UTC), labelled with its zone; the other on hover. */
export function Timestamp({ ms, className = '' }: { ms: number; className?: string }) {
  useRowT(); // re-render when the language (and so the date format) changes
  const { timeZone } = usePrefs();
  const other = timeZone === 'utc' ? 'local' : 'utc';
  return (
    <time
      dateTime={new Date(ms).toISOString()}
      title={formatTimestamp(ms, other)}
      className={`tabular-nums ${className}`}
    >
      {formatTimestamp(ms, timeZone)}
    </time>
  );
}
