import type { LiveStats } from '@tributary/contract';
import type { LiveStatus } from '../../api/live.ts';
import { formatNumber } from '../format.ts';

const STATUS: Record<LiveStatus, { label: string; className: string }> = {
  idle: { label: 'Not started', className: 'bg-slate-100 text-slate-600' },
  connecting: { label: 'Connecting…', className: 'bg-amber-100 text-amber-800' },
  live: { label: 'Live', className: 'bg-green-100 text-green-800' },
  paused: { label: 'Paused', className: 'bg-slate-200 text-slate-700' },
  reconnecting: { label: 'Reconnecting…', className: 'bg-amber-100 text-amber-800' },
  ended: { label: 'Ended', className: 'bg-slate-100 text-slate-600' },
};

const rate = (n: number | undefined) => `${formatNumber(Math.round(n ?? 0))}/s`;

/** The `stats` event of the last second: what the topic produces, what this tab gets, what it missed. */
export function LiveStatsBar({
  status,
  stats,
  rows,
}: {
  status: LiveStatus;
  stats: LiveStats | undefined;
  rows: number;
}) {
  const s = STATUS[status];
  return (
    <div
      role="status"
      aria-label="Live tail statistics"
      className="mb-2 flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-slate-600"
    >
      <span className={`rounded px-2 py-0.5 font-medium ${s.className}`}>{s.label}</span>
      <span>
        Topic <b className="font-mono text-slate-900">{rate(stats?.topicRate)}</b>
      </span>
      <span>
        Shown <b className="font-mono text-slate-900">{rate(stats?.sentRate)}</b>
      </span>
      <span title="Matching messages this tab could not keep up with (sampled away by the server)">
        Skipped <b className="font-mono text-slate-900">{formatNumber(stats?.skipped ?? 0)}</b> in the last
        second ({formatNumber(stats?.skippedTotal ?? 0)} in all)
      </span>
      <span>
        Filtered out <b className="font-mono text-slate-900">{rate(stats?.filtered)}</b>
      </span>
      <span title="Messages behind the log end of the tailed partitions">
        Lag <b className="font-mono text-slate-900">{formatNumber(stats?.lag ?? 0)}</b>
      </span>
      <span>
        Rows <b className="font-mono text-slate-900">{formatNumber(rows)}</b>
      </span>
    </div>
  );
}
