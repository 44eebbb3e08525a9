import { useState, type FormEvent } from 'react';
import type { LiveFilter, LiveFrom } from '@tributary/contract';
import type { LiveStatus } from '../../api/live.ts';
import { PartitionPicker } from '../messages/PartitionPicker.tsx';

const input = 'rounded border border-slate-300 px-2 py-1 text-sm';
const button = 'rounded px-3 py-1.5 text-sm font-medium disabled:opacity-50';

export const BUFFER_SIZES = [100, 500, 1000, 5000] as const;

/** Start/pause, where to start, partitions, filter and how many rows the tab keeps. */
export function LiveControls({
  status,
  partitionCount,
  partitions,
  bufferSize,
  onStart,
  onPause,
  onResume,
  onPartitions,
  onFilter,
  onBufferSize,
  onClear,
}: {
  status: LiveStatus;
  partitionCount: number;
  partitions: number[] | null;
  bufferSize: number;
  onStart: (from: LiveFrom) => void;
  onPause: () => void;
  onResume: () => void;
  onPartitions: (partitions: number[] | null) => void;
  onFilter: (filter: LiveFilter) => void;
  onBufferSize: (size: number) => void;
  onClear: () => void;
}) {
  const [fromMode, setFromMode] = useState<'now' | 'last'>('now');
  const [lastN, setLastN] = useState(100);
  const [q, setQ] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [expression, setExpression] = useState('');
  const from: LiveFrom = fromMode === 'now' ? { mode: 'now' } : { mode: 'last', count: Math.max(1, lastN) };
  const running =
    status === 'live' || status === 'paused' || status === 'connecting' || status === 'reconnecting';

  const applyFilter = (e: FormEvent) => {
    e.preventDefault();
    onFilter({ q, caseSensitive, filter: expression });
  };

  return (
    <div className="mb-3 space-y-2 rounded border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        {!running && (
          <button type="button" className={`${button} bg-blue-600 text-white`} onClick={() => onStart(from)}>
            Start
          </button>
        )}
        {status === 'live' && (
          <button type="button" className={`${button} bg-slate-800 text-white`} onClick={onPause}>
            Pause
          </button>
        )}
        {status === 'paused' && (
          <button type="button" className={`${button} bg-blue-600 text-white`} onClick={onResume}>
            Resume
          </button>
        )}
        <label className="flex flex-col text-xs text-slate-600">
          Start from
          <select
            className={input}
            value={fromMode}
            onChange={(e) => setFromMode(e.target.value as 'now' | 'last')}
          >
            <option value="now">Now (new messages only)</option>
            <option value="last">The last N of each partition</option>
          </select>
        </label>
        {fromMode === 'last' && (
          <label className="flex flex-col text-xs text-slate-600">
            N per partition
            <input
              type="number"
              min={1}
              max={10000}
              className={`${input} w-24`}
              value={lastN}
              onChange={(e) => setLastN(Number(e.target.value))}
            />
          </label>
        )}
        {running && (
          <button
            type="button"
            className={`${button} border border-slate-300 text-slate-700`}
            onClick={() => onStart(from)}
          >
            Restart from there
          </button>
        )}
        {partitionCount > 0 && (
          <PartitionPicker count={partitionCount} value={partitions} onChange={onPartitions} />
        )}
        <label className="flex flex-col text-xs text-slate-600">
          Rows kept
          <select className={input} value={bufferSize} onChange={(e) => onBufferSize(Number(e.target.value))}>
            {BUFFER_SIZES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={`${button} border border-slate-300 text-slate-700`}
          onClick={onClear}
        >
          Clear rows
        </button>
      </div>
      <form className="flex flex-wrap items-end gap-3" onSubmit={applyFilter} aria-label="Live filter">
        <label className="flex flex-col text-xs text-slate-600">
          Contains
          <input
            className={`${input} w-48`}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="text in key, value or headers"
          />
        </label>
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input
            type="checkbox"
            checked={caseSensitive}
            onChange={(e) => setCaseSensitive(e.target.checked)}
          />
          Case-sensitive
        </label>
        <label className="flex flex-1 flex-col text-xs text-slate-600">
          Filter expression
          <input
            className={`${input} font-mono`}
            value={expression}
            onChange={(e) => setExpression(e.target.value)}
            placeholder='value.user.age > 30 && headers.source == "kcat"'
          />
        </label>
        <button type="submit" className={`${button} border border-slate-300 text-slate-700`}>
          Apply filter
        </button>
      </form>
    </div>
  );
}
