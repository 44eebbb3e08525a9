import { useState } from 'react';
import type { SearchState } from '../../api/messages.ts';
import { formatNumber } from '../format.ts';

export interface SearchScope {
  scope: 'all' | 'time' | 'last';
  from: string;
  to: string;
  lastN: number;
  maxMatches: number;
}

const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** Scope of a server-side scan, its Start/Stop buttons and its progress. */
export function SearchPanel({
  state,
  onStart,
  onStop,
}: {
  state: SearchState;
  onStart: (scope: SearchScope) => void;
  onStop: () => void;
}) {
  const [scope, setScope] = useState<SearchScope>({
    scope: 'all',
    from: '',
    to: '',
    lastN: 1000,
    maxMatches: 1000,
  });
  const set = <K extends keyof SearchScope>(k: K, v: SearchScope[K]) => setScope((s) => ({ ...s, [k]: v }));
  const p = state.progress;
  const percent =
    p && p.toScan > 0 ? Math.floor((p.scanned / p.toScan) * 100) : state.status === 'done' ? 100 : 0;
  return (
    <section
      aria-label="Search"
      className="mb-3 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
    >
      <label className="flex flex-col text-xs text-slate-600">
        Search scope
        <select
          className={input}
          value={scope.scope}
          onChange={(e) => set('scope', e.target.value as SearchScope['scope'])}
        >
          <option value="all">Whole topic</option>
          <option value="time">Time window</option>
          <option value="last">Last N per partition</option>
        </select>
      </label>
      {scope.scope === 'time' && (
        <>
          <label className="flex flex-col text-xs text-slate-600">
            From
            <input
              type="datetime-local"
              step="1"
              className={input}
              value={scope.from}
              onChange={(e) => set('from', e.target.value)}
            />
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            To
            <input
              type="datetime-local"
              step="1"
              className={input}
              value={scope.to}
              onChange={(e) => set('to', e.target.value)}
            />
          </label>
        </>
      )}
      {scope.scope === 'last' && (
        <label className="flex flex-col text-xs text-slate-600">
          N per partition
          <input
            type="number"
            min={1}
            className={`${input} w-28`}
            value={scope.lastN}
            onChange={(e) => set('lastN', Number(e.target.value))}
          />
        </label>
      )}
      <label className="flex flex-col text-xs text-slate-600">
        Stop after matches
        <input
          type="number"
          min={1}
          max={10000}
          className={`${input} w-24`}
          value={scope.maxMatches}
          onChange={(e) => set('maxMatches', Number(e.target.value))}
        />
      </label>
      {state.status === 'running' ? (
        <button type="button" onClick={onStop} className="rounded bg-red-600 px-3 py-1.5 text-sm text-white">
          Stop search
        </button>
      ) : (
        <button
          type="button"
          onClick={() => onStart(scope)}
          className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white"
        >
          Search on the server
        </button>
      )}
      {state.status !== 'idle' && (
        <div className="flex items-center gap-2">
          <div
            role="progressbar"
            aria-label="Search progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-48 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-slate-800" style={{ width: `${percent}%` }} />
          </div>
          <span role="status" className="text-xs text-slate-600">
            {p
              ? `Scanned ${formatNumber(p.scanned)} / ${formatNumber(p.toScan)} · ${formatNumber(state.messages.length)} matches · ${(p.elapsedMs / 1000).toFixed(1)} s`
              : 'Starting…'}
            {state.status === 'done' &&
              ` · ${state.reason === 'completed' ? 'done' : state.reason === 'stopped' ? 'stopped' : 'match limit reached'}`}
          </span>
        </div>
      )}
      {state.error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.error}
        </p>
      )}
    </section>
  );
}
