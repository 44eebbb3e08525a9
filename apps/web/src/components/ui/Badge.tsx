import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger' | 'info';

const TONES: Record<Tone, string> = {
  neutral: 'bg-surface-2 text-muted',
  accent: 'bg-accent-soft text-accent',
  ok: 'bg-ok-soft text-ok',
  warn: 'bg-warn-soft text-warn',
  danger: 'bg-danger-soft text-danger',
  info: 'bg-info-soft text-info',
};

/** A short word in a coloured pill: a state, a type, a flag. */
export function Badge({
  tone = 'neutral',
  title,
  className = '',
  children,
}: {
  tone?: Tone;
  title?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span
      title={title}
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONES[tone]} ${className}`}
    >
      {children}
    </span>
  );
}
