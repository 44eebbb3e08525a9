import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Message, MessageOrder, MessagesQuery } from '@tributary/contract';
import {
  exportUrl,
  fetchWholeMessage,
  type ExportScope,
  idleSearch,
  startSearch,
  useMessages,
  usePartitions,
  type SearchState,
} from '../../api/messages.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { formatNumber } from '../../components/format.ts';
import {
  BrowseControls,
  initialForm,
  toQuery,
  type BrowseForm,
} from '../../components/messages/BrowseControls.tsx';
import { MessageTable } from '../../components/messages/MessageTable.tsx';
import { Warnings } from '../../components/topics/Warnings.tsx';
import { ProducePanel } from '../../components/messages/ProducePanel.tsx';
import { SearchPanel, type SearchScope } from '../../components/messages/SearchPanel.tsx';

const byTime = (a: Message, b: Message) =>
  a.timestamp - b.timestamp || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset));

/** Browse (seek, filter, pages), search the whole topic on the server, produce and export. */
export function MessagesTab({ cluster, topic }: { cluster: string; topic: string }) {
  const [form, setForm] = useState<BrowseForm>(initialForm);
  const [mode, setMode] = useState<'browse' | 'search'>('browse');
  const [search, setSearch] = useState<SearchState>(idleSearch);
  const [showProduce, setShowProduce] = useState(false);
  const [exportLimit, setExportLimit] = useState(10_000);
  // What the boxes hold now (a search uses it without Apply), and what the last search ran with (for export).
  const [draft, setDraft] = useState<BrowseForm>(initialForm);
  const [searched, setSearched] = useState<{ query: MessagesQuery; scope: ExportScope }>({
    query: toQuery(initialForm),
    scope: { scope: 'all' },
  });
  const stop = useRef<(() => void) | null>(null);
  const query = useMemo(() => toQuery(form), [form]);
  const pages = useMessages(cluster, topic, query);

  const order: MessageOrder = form.order || (form.seek === 'newest' ? 'newest-first' : 'oldest-first');
  const browsed = useMemo(() => {
    const all = pages.data?.pages.flatMap((p) => p.messages) ?? [];
    const sorted = [...all].sort(byTime);
    return order === 'newest-first' ? sorted.reverse() : sorted;
  }, [pages.data, order]);
  const first = pages.data?.pages[0];
  const last = pages.data?.pages.at(-1);
  const partitionCount = usePartitions(cluster, topic).data?.length ?? first?.partitions.length ?? 0;
  const rows = mode === 'search' ? search.messages : browsed;
  const loadWhole = useCallback((m: Message) => fetchWholeMessage(cluster, topic, m), [cluster, topic]);
  const loadMore = useCallback(() => {
    if (mode === 'browse' && pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
  }, [mode, pages]);

  // A scan still running when the tab closes is stopped; a new scan ignores what an older one still sends.
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current++;
      stop.current?.();
    },
    [],
  );
  const startScan = (scope: SearchScope) => {
    stop.current?.();
    const mine = ++generation.current;
    setMode('search');
    const typed = toQuery(draft);
    const {
      seek: _seek,
      offset: _offset,
      timestamp: _timestamp,
      limit: _limit,
      order: _order,
      ...filters
    } = typed;
    const where: ExportScope = {
      scope: scope.scope,
      ...(scope.scope === 'time' && scope.from ? { from: new Date(scope.from).toISOString() } : {}),
      ...(scope.scope === 'time' && scope.to ? { to: new Date(scope.to).toISOString() } : {}),
      ...(scope.scope === 'last' ? { lastN: scope.lastN } : {}),
    };
    setSearched({ query: typed, scope: where });
    stop.current = startSearch(
      cluster,
      topic,
      { ...filters, ...where, maxMatches: scope.maxMatches },
      (update) => {
        if (generation.current === mine) setSearch(update);
      },
    );
  };
  // The export follows what the table shows: the search's scope, or the browse seek.
  const [exportQuery, exportScope] =
    mode === 'search' ? [searched.query, searched.scope] : [query, undefined];
  const exportEnabled = first?.exportEnabled ?? true;

  return (
    <div>
      <BrowseControls
        onChange={setDraft}
        partitionCount={partitionCount}
        onApply={(f) => {
          setMode('browse');
          setForm(f);
        }}
      />
      <SearchPanel state={search} onStart={startScan} onStop={() => stop.current?.()} />
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1"
          onClick={() => setShowProduce((s) => !s)}
          aria-expanded={showProduce}
        >
          {showProduce ? 'Hide produce' : 'Produce'}
        </button>
        {exportEnabled ? (
          <>
            <label className="flex items-center gap-1 text-xs text-slate-600">
              Export at most
              <input
                type="number"
                min={1}
                max={1000000}
                className="w-24 rounded border border-slate-300 px-2 py-0.5"
                value={exportLimit}
                onChange={(e) => setExportLimit(Number(e.target.value))}
              />
            </label>
            <a
              className="text-blue-700 hover:underline"
              href={exportUrl(cluster, topic, exportQuery, 'jsonl', exportLimit, exportScope)}
              download
            >
              Export JSON Lines
            </a>
            <a
              className="text-blue-700 hover:underline"
              href={exportUrl(cluster, topic, exportQuery, 'csv', exportLimit, exportScope)}
              download
            >
              Export CSV
            </a>
          </>
        ) : (
          <span className="text-xs text-slate-500">
            Export is switched off on this server by its administrator.
          </span>
        )}
        {mode === 'search' && (
          <button type="button" className="text-blue-700 hover:underline" onClick={() => setMode('browse')}>
            Back to browsing
          </button>
        )}
        <span className="ml-auto text-xs text-slate-500" role="status" aria-label="Result summary">
          {mode === 'search'
            ? `${formatNumber(search.messages.length)} matches from the server-side search`
            : pages.isFetching && !pages.isFetchingNextPage
              ? 'Loading…'
              : `${formatNumber(browsed.length)} messages${last ? ` · scanned ${formatNumber(last.scanned)} in the last page` : ''}${last?.partial ? ' · page ended early (scan or size budget); load more to continue' : ''}`}
        </span>
      </div>
      {showProduce && <ProducePanel cluster={cluster} topic={topic} partitionCount={partitionCount} />}
      <ErrorBanner error={mode === 'browse' ? pages.error : undefined} />
      {mode === 'browse' && <Warnings warnings={last?.warnings} />}
      <MessageTable messages={rows} loadWhole={loadWhole} onEndReached={loadMore} />
      {mode === 'browse' && pages.hasNextPage && (
        <button
          type="button"
          className="mt-2 rounded border border-slate-300 px-3 py-1 text-sm"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {pages.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
