import { memo, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@tributary/contract';
import type { LiveRow } from '../../api/live.ts';
import { formatNumber } from '../ui/format.ts';
import { MessageDetails } from '../messages/MessageDetails.tsx';
import { MessageHeaderRow, MessageRow } from '../messages/MessageCells.tsx';
import { FOLLOWING_ROWS } from './following-rows.ts';

const OFFSCREEN_CHEAP = { contentVisibility: 'auto', containIntrinsicSize: 'auto 33px' } as const;

/**
 * Newest on top. While the user reads (scrolled down or a row open) the list holds still, and a pill
 * counts what arrived meanwhile; back at the top it follows the stream again.
 */
export function LiveRows({
  rows,
  received,
  started,
  loadWhole,
  linkTo,
  height = 560,
}: {
  rows: LiveRow[];
  received: number;
  /** Before Start there is nothing to wait for. */
  started: boolean;
  loadWhole: (m: Message) => Promise<Message>;
  linkTo: (m: Message) => string;
  height?: number;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrolledAway, setScrolledAway] = useState(false);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [held, setHeld] = useState<{ rows: LiveRow[]; received: number } | null>(null);
  const reading = scrolledAway || open.size > 0;
  // Freeze on the first render where the user is reading; thaw when they are back at the top.
  if (reading && !held) setHeld({ rows, received });
  if (!reading && held) setHeld(null);
  const shown = held?.rows ?? rows.slice(0, FOLLOWING_ROWS);
  const newer = held ? received - held.received : 0;

  const toggle = useCallback(
    (id: string) =>
      setOpen((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const backToTop = () => {
    setOpen(new Set());
    scroller.current?.scrollTo({ top: 0 });
    setScrolledAway(false);
  };

  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface text-sm shadow-sm">
      {newer > 0 && (
        <button
          type="button"
          onClick={backToTop}
          className="absolute top-10 left-1/2 z-10 -translate-x-1/2 rounded-full bg-accent-bg px-3 py-1 text-xs text-on-accent shadow"
        >
          ↑ {t('live.newer', { count: newer, n: formatNumber(newer) })}
        </button>
      )}
      <div role="table" aria-label={t('live.tableLabel')} className="min-w-[46rem]">
        <MessageHeaderRow />
        <div
          ref={scroller}
          role="rowgroup"
          aria-label={t('live.rowsLabel')}
          style={{ height: shown.length === 0 ? undefined : height, overflowAnchor: 'none' }}
          className="overflow-y-auto"
          onScroll={(e) => setScrolledAway(e.currentTarget.scrollTop > 4)}
        >
          {shown.map((row, slot) => (
            <LiveRowView
              // Keyed by place, not by message: while following, a busy topic replaces every row on each
              // paint, and rows keyed by message made React and the DOM build and drop FOLLOWING_ROWS rows
              // of nodes each time (the tab's memory grew with that churn in the 10-minute soak). By place,
              // the same nodes take the new text. Nothing is open while following, so no row state moves to
              // another message.
              key={slot}
              row={row}
              expanded={open.has(row.id)}
              toggle={toggle}
              loadWhole={loadWhole}
              linkTo={linkTo}
            />
          ))}
        </div>
      </div>
      {shown.length === 0 && (
        <p className="px-3 py-6 text-center text-muted">
          {started ? t('live.waiting') : t('live.notStarted')}
        </p>
      )}
    </div>
  );
}

const LiveRowView = memo(function LiveRowView({
  row,
  expanded,
  toggle,
  loadWhole,
  linkTo,
}: {
  row: LiveRow;
  expanded: boolean;
  toggle: (id: string) => void;
  loadWhole: (m: Message) => Promise<Message>;
  linkTo: (m: Message) => string;
}) {
  const m = row.message;
  return (
    // Rows out of view skip layout and paint: a full buffer costs the page little per new row.
    <div className="border-b border-line" style={expanded ? undefined : OFFSCREEN_CHEAP}>
      <MessageRow message={m} expanded={expanded} onToggle={() => toggle(row.id)}>
        <MessageDetails message={m} loadWhole={() => loadWhole(m)} link={linkTo(m)} />
      </MessageRow>
    </div>
  );
});
