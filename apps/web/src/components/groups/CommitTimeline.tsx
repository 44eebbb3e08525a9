import { useTranslation } from 'react-i18next';
import type { CommitHistory } from '@tributary/contract';
import { formatNumber } from '../ui/format.ts';
import { Muted } from '../ui/Page.tsx';
import { Timestamp } from '../ui/Timestamp.tsx';

/** The group's offset commits as the coordinator stored them, newest first. */
export function CommitTimeline({ history }: { history: CommitHistory }) {
  const { t } = useTranslation();
  const commits = [...history.commits].reverse();
  return (
    <div>
      <Muted className="mb-2 text-xs">
        {t('group.timelineFrom', {
          partition: history.partition,
          from: formatNumber(history.scannedFromOffset),
          to: formatNumber(history.scannedToOffset),
        })}
        {history.complete ? '' : ` ${t('group.timelineIncomplete')}`} {t('group.timelineCompaction')}
      </Muted>
      {commits.length === 0 ? (
        <Muted>{t('group.noCommits')}</Muted>
      ) : (
        <ol
          aria-label={t('group.timeline')}
          className="max-h-80 overflow-auto border-l-2 border-line pl-4 text-sm"
        >
          {commits.map((c) => (
            <li key={c.logOffset} className="relative mb-2">
              <span className="absolute top-1.5 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-accent-bg" />
              <Timestamp ms={c.commitTimestamp} className="mr-2 font-mono text-xs text-muted" />
              <span className="font-medium">{c.topic}</span>-{c.partition} →{' '}
              {c.offset === null ? (
                <em>{t('group.offsetDeleted')}</em>
              ) : (
                <span className="font-mono">{c.offset}</span>
              )}
              {c.metadata && <span className="ml-2 text-xs text-muted">“{c.metadata}”</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
