import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@tributary/contract';
import { MessageDetails } from './MessageDetails.tsx';
import { VirtualList } from './VirtualList.tsx';
import { MessageHeaderRow, MessageRow } from './MessageCells.tsx';

const rowId = (m: Message) => `${m.partition}:${m.offset}`;

/** Messages as a virtualised table; a click on a row expands its details. Says "Loading…" until it knows. */
export function MessageTable({
  messages,
  loading = false,
  loadWhole,
  onEndReached,
  initiallyOpen,
  linkTo,
  height = 560,
}: {
  messages: Message[];
  loading?: boolean;
  loadWhole?: (m: Message) => Promise<Message>;
  onEndReached?: () => void;
  /** `partition:offset` of a row to show expanded (a deep link to one message). */
  initiallyOpen?: string | undefined;
  /** The address of one message, for its "Copy link". */
  linkTo?: (m: Message) => string;
  height?: number;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(() => new Set(initiallyOpen ? [initiallyOpen] : []));
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
    <div className="overflow-x-auto rounded-lg border border-line bg-surface text-sm shadow-sm">
      <div
        role="table"
        aria-label={t('messages.tableLabel')}
        aria-rowcount={messages.length}
        className="min-w-[46rem]"
      >
        <MessageHeaderRow />
        {messages.length > 0 && (
          <VirtualList
            label={t('messages.rowsLabel')}
            items={messages}
            getKey={rowId}
            estimate={33}
            height={height}
            {...(onEndReached ? { onEndReached } : {})}
            render={(m) => {
              const id = rowId(m);
              const expanded = open.has(id);
              return (
                <div className="border-b border-line">
                  <MessageRow message={m} expanded={expanded} onToggle={() => toggle(id)}>
                    <MessageDetails
                      message={m}
                      {...(loadWhole ? { loadWhole: () => loadWhole(m) } : {})}
                      {...(linkTo ? { link: linkTo(m) } : {})}
                    />
                  </MessageRow>
                </div>
              );
            }}
          />
        )}
      </div>
      {messages.length === 0 && (
        <p className="px-3 py-6 text-center text-muted">
          {loading ? t('common.loading') : t('messages.none')}
        </p>
      )}
    </div>
  );
}
