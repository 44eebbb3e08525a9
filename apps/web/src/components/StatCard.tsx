import type { ReactNode } from 'react';

/** One number on a dashboard; `tone` draws attention when something needs it. */
export function StatCard({
  label,
  value,
  hint,
  tone = 'normal',
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'normal' | 'good' | 'warn' | 'bad';
}) {
  const tones = {
    normal: 'border-slate-200',
    good: 'border-green-300',
    warn: 'border-amber-400 bg-amber-50',
    bad: 'border-red-400 bg-red-50',
  };
  return (
    <section aria-label={label} className={`rounded-lg border bg-white p-4 shadow-sm ${tones[tone]}`}>
      <h2 className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</h2>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </section>
  );
}
