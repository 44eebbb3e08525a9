import { useTranslation } from 'react-i18next';
import type { LiveStats } from '@tributary/contract';
import type { LiveStatus } from '../../api/live.ts';
import { Badge, type Tone } from '../ui/Badge.tsx';
import { formatNumber } from '../ui/format.ts';

const TONE: Record<LiveStatus, Tone> = {
  idle: 'neutral',
  connecting: 'warn',
  live: 'ok',
  paused: 'neutral',
  reconnecting: 'warn',
  ended: 'neutral',
};

/** The `stats` event of the last second: what the topic produces, what this tab gets, what it missed. */
export function LiveStatsBar({
  status,
  stats,
  rows,
  received,
}: {
  status: LiveStatus;
  stats: LiveStats | undefined;
  rows: number;
  /** Messages this tab has got since it opened (the list keeps the newest `rows`). */
  received: number;
}) {
  const { t } = useTranslation();
  const rate = (n: number | undefined) => t('live.perSecond', { n: formatNumber(Math.round(n ?? 0)) });
  const num = (text: string) => <b className="font-mono text-fg">{text}</b>;
  return (
    <div
      role="status"
      aria-label={t('live.statsLabel')}
      className="mb-2 flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-muted"
    >
      <Badge tone={TONE[status]}>{t(`live.status.${status}`)}</Badge>
      <span>
        {t('live.topic')} {num(rate(stats?.topicRate))}
      </span>
      <span>
        {t('live.shown')} {num(rate(stats?.sentRate))}
      </span>
      <span title={t('live.skippedTitle')}>
        {t('live.skipped')} {num(formatNumber(stats?.skipped ?? 0))}{' '}
        {t('live.skippedTail', { n: formatNumber(stats?.skippedTotal ?? 0) })}
      </span>
      <span>
        {t('live.filtered')} {num(rate(stats?.filtered))}
      </span>
      <span title={t('live.lagTitle')}>
        {t('groups.lag')} {num(formatNumber(stats?.lag ?? 0))}
      </span>
      <span>
        {t('live.rows')} {num(formatNumber(rows))}
      </span>
      <span title={t('live.receivedTitle')}>
        {t('live.received')} {num(formatNumber(received))}
      </span>
    </div>
  );
}
