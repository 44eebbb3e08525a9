import type { ConnectorState } from '@tributary/contract';

const COLORS: Partial<Record<ConnectorState, string>> = {
  RUNNING: 'bg-green-100 text-green-800',
  PAUSED: 'bg-amber-100 text-amber-800',
  STOPPED: 'bg-slate-200 text-slate-700',
  FAILED: 'bg-red-100 text-red-800',
  RESTARTING: 'bg-sky-100 text-sky-800',
};

export function ConnectorStateBadge({ state }: { state: ConnectorState }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs ${COLORS[state] ?? 'bg-slate-100 text-slate-600'}`}>
      {state}
    </span>
  );
}

/** The simple name reads better in a table; the full class is in the tooltip. */
export function ClassName({ cls }: { cls: string }) {
  return (
    <span title={cls} className="font-mono text-xs">
      {cls.slice(cls.lastIndexOf('.') + 1)}
    </span>
  );
}
