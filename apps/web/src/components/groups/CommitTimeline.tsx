import type { CommitHistory } from '@tributary/contract';
import { formatNumber } from '../format.ts';

/** The group's offset commits as the coordinator stored them, newest first. */
export function CommitTimeline({ history }: { history: CommitHistory }) {
  const commits = [...history.commits].reverse();
  return (
    <div>
      <p className="mb-2 text-xs text-slate-500">
        From <span className="font-mono">__consumer_offsets</span> partition {history.partition}, offsets{' '}
        {formatNumber(history.scannedFromOffset)}–{formatNumber(history.scannedToOffset)}
        {history.complete ? '' : ' (older commits were not scanned)'}. Compaction keeps only the latest commit
        per partition in the long run.
      </p>
      {commits.length === 0 ? (
        <p className="text-sm text-slate-500">No commits found.</p>
      ) : (
        <ol
          aria-label="Commit timeline"
          className="max-h-80 overflow-auto border-l-2 border-slate-200 pl-4 text-sm"
        >
          {commits.map((c) => (
            <li key={c.logOffset} className="relative mb-2">
              <span className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-blue-500" />
              <time
                className="mr-2 font-mono text-xs text-slate-500"
                dateTime={new Date(c.commitTimestamp).toISOString()}
              >
                {new Date(c.commitTimestamp).toLocaleString()}
              </time>
              <span className="font-medium">{c.topic}</span>-{c.partition} →{' '}
              {c.offset === null ? <em>offset deleted</em> : <span className="font-mono">{c.offset}</span>}
              {c.metadata && <span className="ml-2 text-xs text-slate-500">“{c.metadata}”</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
