import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@tributary/contract';
import { formatBytes, formatNumber } from '../ui/format.ts';
import { Timestamp } from '../ui/Timestamp.tsx';
import { useRowT } from '../../i18n/index.ts';
import { DataPreview } from './DataText.tsx';

/** The grid of a message row: Messages and Live lay out their rows alike. */
const COLUMNS = 'grid grid-cols-[4.5rem_6rem_15rem_minmax(6rem,1fr)_minmax(10rem,3fr)_5rem] gap-2 px-3';

export function MessageHeaderRow() {
  const { t } = useTranslation();
  return (
    <div
      role="row"
      className={`${COLUMNS} border-b border-line bg-surface-2 py-2 text-xs font-medium text-muted`}
    >
      <span role="columnheader">{t('topic.partition')}</span>
      <span role="columnheader">{t('messages.offset')}</span>
      <span role="columnheader">{t('messages.timestamp')}</span>
      <span role="columnheader">{t('messages.key')}</span>
      <span role="columnheader">{t('messages.value')}</span>
      <span role="columnheader">{t('topics.size')}</span>
    </div>
  );
}

/**
 * One message row — partition, offset, time, key, value, size — that opens and closes its details. The
 * details are a last, full-width cell of the same row (a table's rows hold only cells); clicks and keys
 * inside them stay there.
 */
export function MessageRow({
  message: m,
  expanded,
  onToggle,
  children,
}: {
  message: Message;
  expanded: boolean;
  onToggle: () => void;
  /** The details, shown while expanded. */
  children?: ReactNode;
}) {
  const t = useRowT();
  return (
    <div
      role="row"
      tabIndex={0}
      className={`${COLUMNS} cursor-pointer py-1.5 hover:bg-accent-soft ${expanded ? 'bg-accent-soft' : ''}`}
      onClick={onToggle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onToggle();
        }
      }}
    >
      <span role="cell" className="font-mono">
        {m.partition}
      </span>
      <span role="cell" className="font-mono">
        {formatNumber(m.offset)}
      </span>
      <span role="cell" className="font-mono text-xs leading-5 text-muted">
        <Timestamp ms={m.timestamp} />
      </span>
      <span role="cell" className="truncate">
        <DataPreview data={m.key} />
      </span>
      <span role="cell" className="truncate">
        <DataPreview data={m.value} nullLabel={t('messages.tombstone')} />
      </span>
      <span role="cell" className="text-xs leading-5 text-muted">
        {formatBytes(m.sizes.value)}
      </span>
      {expanded && (
        <div
          role="cell"
          className="col-span-full -mx-3 -mb-1.5 cursor-auto"
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
        >
          {children}
        </div>
      )}
    </div>
  );
}
