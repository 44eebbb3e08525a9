import type { ReactNode } from 'react';

const TONES = {
  normal: 'border-line',
  good: 'border-ok',
  warn: 'border-warn bg-warn-soft',
  bad: 'border-danger bg-danger-soft',
};

/** One number on a dashboard, a region named by its label; `tone` draws attention when needed. */
export function Stat({
  label,
  value,
  hint,
  tone = 'normal',
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: keyof typeof TONES;
}) {
  return (
    <section aria-label={label} className={`rounded-lg border bg-surface p-4 shadow-sm ${TONES[tone]}`}>
      <h2 className="text-xs font-medium tracking-wide text-muted uppercase">{label}</h2>
      <p className="mt-1 text-2xl font-semibold break-words text-fg">{value}</p>
      {hint && <p className="mt-1 text-xs text-muted">{hint}</p>}
    </section>
  );
}

/** The grid Stats sit in: two columns on a phone (short numbers), more on wider screens. */
export function StatGrid({ children, columns = 4 }: { children: ReactNode; columns?: 4 | 5 }) {
  return (
    <div
      className={`mb-5 grid max-w-5xl grid-cols-2 gap-3 ${columns === 5 ? 'md:grid-cols-5' : 'md:grid-cols-4'}`}
    >
      {children}
    </div>
  );
}
