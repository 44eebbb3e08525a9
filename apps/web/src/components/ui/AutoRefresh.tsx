import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.ts';

const EVERY_MS = 10_000;
const KEY = 'tributary.autoRefresh';

/** Auto-refresh every 10 s unless paused; the pause is remembered across pages and visits. */
export function useAutoRefresh() {
  const [paused, setPaused] = useState(() => localStorage.getItem(KEY) === 'paused');
  const toggle = () =>
    setPaused((p) => {
      localStorage.setItem(KEY, p ? 'on' : 'paused');
      return !p;
    });
  return { interval: paused ? (false as const) : EVERY_MS, paused, toggle };
}

/** "Updated 3 s ago", ticking, with the pause control next to it. */
export function RefreshStatus({
  updatedAt,
  fetching,
  paused,
  onToggle,
}: {
  updatedAt: number;
  fetching: boolean;
  paused: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  return (
    <span className="inline-flex items-center gap-2 text-xs text-muted">
      <span aria-live="off">
        {fetching
          ? t('refresh.refreshing')
          : updatedAt
            ? t('refresh.updated', { seconds: formatNumber(seconds) })
            : ''}
        {paused && ` · ${t('refresh.paused')}`}
      </span>
      <button
        type="button"
        onClick={onToggle}
        aria-pressed={paused}
        className="rounded border border-line-strong px-2 py-0.5 hover:bg-surface-2"
      >
        {paused ? t('refresh.resume') : t('refresh.pause')}
      </button>
    </span>
  );
}

/** A list's refresh status at the end of its toolbar; the first load shows as loading, not as refreshing. */
export function ListRefreshStatus({
  updatedAt,
  fetching,
  loading,
  refresh,
}: {
  updatedAt: number;
  fetching: boolean;
  loading: boolean;
  refresh: { paused: boolean; toggle: () => void };
}) {
  return (
    <span className="sm:ml-auto">
      <RefreshStatus
        updatedAt={updatedAt}
        fetching={fetching && !loading}
        paused={refresh.paused}
        onToggle={refresh.toggle}
      />
    </span>
  );
}
