import type { GroupState, GroupType } from '@tributary/contract';

const COLORS: Partial<Record<GroupState, string>> = {
  Stable: 'bg-green-100 text-green-800',
  Empty: 'bg-slate-200 text-slate-700',
  Dead: 'bg-red-100 text-red-800',
  PreparingRebalance: 'bg-amber-100 text-amber-800',
  CompletingRebalance: 'bg-amber-100 text-amber-800',
  Assigning: 'bg-amber-100 text-amber-800',
  Reconciling: 'bg-amber-100 text-amber-800',
};

export function StateBadge({ state }: { state: GroupState }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs ${COLORS[state] ?? 'bg-slate-100 text-slate-600'}`}>
      {state}
    </span>
  );
}

/** `consumer` is the KIP-848 protocol; say so where the word alone would puzzle. */
export function TypeBadge({ type }: { type: GroupType }) {
  return (
    <span
      title={type === 'consumer' ? 'New consumer group protocol (KIP-848)' : 'Classic group protocol'}
      className={`rounded px-2 py-0.5 text-xs ${type === 'consumer' ? 'bg-violet-100 text-violet-800' : 'bg-sky-100 text-sky-800'}`}
    >
      {type}
    </span>
  );
}
