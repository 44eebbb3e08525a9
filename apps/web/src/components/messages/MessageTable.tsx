import { useCallback, useState } from 'react';
import type { Message } from '@tributary/contract';
import { MessageDetails } from './MessageDetails.tsx';
import { VirtualList } from './VirtualList.tsx';
import { MESSAGE_COLUMNS as COLUMNS, MessageCells, MessageHeaderRow } from './MessageCells.tsx';

const rowId = (m: Message) => `${m.partition}:${m.offset}`;

/** Messages as a virtualised table; a click on a row expands its details. */
export function MessageTable({
  messages,
  loadWhole,
  onEndReached,
  height = 560,
}: {
  messages: Message[];
  loadWhole?: (m: Message) => Promise<Message>;
  onEndReached?: () => void;
  height?: number;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
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
  return (
    <div
      role="table"
      aria-label="Messages"
      aria-rowcount={messages.length}
      className="rounded border border-slate-200 bg-white text-sm"
    >
      <MessageHeaderRow />
      {messages.length === 0 ? (
        <p className="px-3 py-6 text-center text-slate-500">No messages.</p>
      ) : (
        <VirtualList
          label="Message rows"
          items={messages}
          getKey={rowId}
          estimate={33}
          height={height}
          {...(onEndReached ? { onEndReached } : {})}
          render={(m) => {
            const id = rowId(m);
            const expanded = open.has(id);
            return (
              <div className="border-b border-slate-100">
                <div
                  role="row"
                  aria-expanded={expanded}
                  tabIndex={0}
                  className={`${COLUMNS} cursor-pointer py-1.5 hover:bg-blue-50 ${expanded ? 'bg-blue-50' : ''}`}
                  onClick={() => toggle(id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      toggle(id);
                    }
                  }}
                >
                  <MessageCells message={m} />
                </div>
                {expanded && (
                  <MessageDetails message={m} {...(loadWhole ? { loadWhole: () => loadWhole(m) } : {})} />
                )}
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
