import { memo, useCallback, useRef, useState } from 'react';
import type { Message } from '@tributary/contract';
import type { LiveRow } from '../../api/live.ts';
import { formatNumber } from '../format.ts';
import { MessageDetails } from '../messages/MessageDetails.tsx';
import { MESSAGE_COLUMNS as COLUMNS, MessageCells, MessageHeaderRow } from '../messages/MessageCells.tsx';

const OFFSCREEN_CHEAP = { contentVisibility: 'auto', containIntrinsicSize: 'auto 33px' } as const;

/**
 * Newest on top. While the user reads (scrolled down or a row open) the list holds still, and a pill
 * counts what arrived meanwhile; back at the top it follows the stream again.
 */
export function LiveRows({
  rows,
  received,
  loadWhole,
  height = 560,
}: {
  rows: LiveRow[];
  received: number;
  loadWhole: (m: Message) => Promise<Message>;
  height?: number;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrolledAway, setScrolledAway] = useState(false);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [held, setHeld] = useState<{ rows: LiveRow[]; received: number } | null>(null);
  const reading = scrolledAway || open.size > 0;
  // Freeze on the first render where the user is reading; thaw when they are back at the top.
  if (reading && !held) setHeld({ rows, received });
  if (!reading && held) setHeld(null);
  const shown = held?.rows ?? rows;
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
    <div
      role="table"
      aria-label="Live messages"
      className="relative rounded border border-slate-200 bg-white text-sm"
    >
      <MessageHeaderRow />
      {newer > 0 && (
        <button
          type="button"
          onClick={backToTop}
          className="absolute top-10 left-1/2 z-10 -translate-x-1/2 rounded-full bg-blue-600 px-3 py-1 text-xs text-white shadow"
        >
          ↑ {formatNumber(newer)} new {newer === 1 ? 'message' : 'messages'}
        </button>
      )}
      <div
        ref={scroller}
        role="rowgroup"
        aria-label="Live message rows"
        style={{ height, overflowAnchor: 'none' }}
        className="overflow-y-auto"
        onScroll={(e) => setScrolledAway(e.currentTarget.scrollTop > 4)}
      >
        {shown.length === 0 ? (
          <p className="px-3 py-6 text-center text-slate-500">Waiting for messages…</p>
        ) : (
          shown.map((row) => (
            <LiveRowView
              key={row.id}
              row={row}
              expanded={open.has(row.id)}
              toggle={toggle}
              loadWhole={loadWhole}
            />
          ))
        )}
      </div>
    </div>
  );
}

const LiveRowView = memo(function LiveRowView({
  row,
  expanded,
  toggle,
  loadWhole,
}: {
  row: LiveRow;
  expanded: boolean;
  toggle: (id: string) => void;
  loadWhole: (m: Message) => Promise<Message>;
}) {
  const m = row.message;
  return (
    // Rows out of view skip layout and paint: a full buffer costs the page little per new row.
    <div className="border-b border-slate-100" style={expanded ? undefined : OFFSCREEN_CHEAP}>
      <div
        role="row"
        aria-expanded={expanded}
        tabIndex={0}
        className={`${COLUMNS} cursor-pointer py-1.5 hover:bg-blue-50 ${expanded ? 'bg-blue-50' : ''}`}
        onClick={() => toggle(row.id)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggle(row.id);
          }
        }}
      >
        <MessageCells message={m} />
      </div>
      {expanded && <MessageDetails message={m} loadWhole={() => loadWhole(m)} />}
    </div>
  );
});
