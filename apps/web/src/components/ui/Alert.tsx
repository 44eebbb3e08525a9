import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

const TONES = {
  info: 'border-accent bg-accent-soft text-fg',
  warn: 'border-warn bg-warn-soft text-fg',
  ok: 'border-ok bg-ok-soft text-fg',
  danger: 'border-danger bg-danger-soft text-fg',
};

/** A boxed sentence: `note` for something to know, `status` for an outcome (read out politely). */
export function Notice({
  tone = 'info',
  role = 'note',
  children,
  className = '',
}: {
  tone?: keyof typeof TONES;
  role?: 'note' | 'status' | 'alert';
  children: ReactNode;
  className?: string;
}) {
  return (
    <div role={role} className={`my-3 rounded border-l-4 px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}

/**
 * An API or Kafka error as the sentence the server sent. The server speaks English; for the common codes
 * a translated lead-in comes first when the interface is in another language.
 */
export function ErrorBanner({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : undefined;
  const lead = code && i18n.language !== 'en' && i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : null;
  return (
    <Notice tone="danger" role="alert">
      {lead && <strong className="mr-1">{lead}</strong>}
      {message}
    </Notice>
  );
}
