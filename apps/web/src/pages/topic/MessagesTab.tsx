import { useMay } from '../../api/auth.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
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
import { usePrefs } from '../../prefs.ts';
import { ErrorBanner, Notice } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { inputClass } from '../../components/ui/Field.tsx';
import { formatNumber } from '../../components/ui/format.ts';
import { linkClass } from '../../components/ui/Page.tsx';
import { BrowseControls } from '../../components/messages/BrowseControls.tsx';
import {
  formFromParams,
  formToParams,
  toQuery,
  type BrowseForm,
} from '../../components/messages/browseForm.ts';
import { MessageTable } from '../../components/messages/MessageTable.tsx';
import { Warnings } from '../../components/topics/Warnings.tsx';
import { ProducePanel } from '../../components/messages/ProducePanel.tsx';
import {
  SearchPanel,
  scopeFromParams,
  scopeToParams,
  type SearchScope,
} from '../../components/messages/SearchPanel.tsx';

const byTime = (a: Message, b: Message) =>
  a.timestamp - b.timestamp || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset));

const searchWhere = (scope: SearchScope): ExportScope => ({
  scope: scope.scope,
  ...(scope.scope === 'time' && scope.from ? { from: scope.from } : {}),
  ...(scope.scope === 'time' && scope.to ? { to: scope.to } : {}),
  ...(scope.scope === 'last' ? { lastN: scope.lastN } : {}),
});

/** The filters of a query, without where it starts (a search has its own scope). */
function filtersOf(query: MessagesQuery) {
  const { seek: _s, offset: _o, timestamp: _t, limit: _l, order: _r, ...filters } = query;
  return filters;
}

/**
 * Browse (seek, filter, pages), search the whole topic on the server, produce and export. Everything that
 * decides what is shown is in the address: `?seek=&partitions=&filter=…`, `search=1` with its scope, and
 * `/messages/:partition/:offset` for one message, opened.
 */
export function MessagesTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const { timeZone } = usePrefs();
  const { partition: oneP, offset: oneO } = useParams();
  const may = useMay(cluster);
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState<SearchState>(idleSearch);
  const [exportLimit, setExportLimit] = useState(10_000);
  const form = useMemo(() => formFromParams(params, timeZone), [params, timeZone]);
  const formKey = formToParams(form, timeZone, new URLSearchParams()).toString();
  const scope = useMemo(() => scopeFromParams(params), [params]);
  const scopeKey = scopeToParams(scope, new URLSearchParams()).toString();
  const searching = params.get('search') === '1';
  const single = useMemo(
    () => (oneP !== undefined && oneO !== undefined ? { partition: Number(oneP), offset: oneO } : null),
    [oneP, oneO],
  );
  // What the boxes hold now: a search uses it without Apply.
  const draft = useRef<BrowseForm>(form);
  const onDraft = useCallback((f: BrowseForm) => {
    draft.current = f;
  }, []);

  const query = useMemo<MessagesQuery>(
    () =>
      single
        ? {
            ...toQuery(form, timeZone),
            seek: 'offset',
            offset: `${single.partition}:${single.offset}`,
            partitions: String(single.partition),
            limit: 1,
          }
        : toQuery(form, timeZone),
    [form, timeZone, single],
  );
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
  const rows = searching ? search.messages : single ? browsed.slice(0, 1) : browsed;
  const loadWhole = useCallback((m: Message) => fetchWholeMessage(cluster, topic, m), [cluster, topic]);
  const loadMore = useCallback(() => {
    if (!searching && !single && pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
  }, [searching, single, pages]);

  // One scan at a time: a new one stops the old, whose late messages are ignored; leaving the tab stops it.
  const stop = useRef<(() => void) | null>(null);
  const generation = useRef(0);
  const started = useRef('');
  useEffect(
    () => () => {
      generation.current++;
      stop.current?.();
    },
    [],
  );
  const runScan = useCallback(() => {
    stop.current?.();
    const mine = ++generation.current;
    started.current = `${formKey}|${scopeKey}`;
    stop.current = startSearch(
      cluster,
      topic,
      { ...filtersOf(toQuery(form, timeZone)), ...searchWhere(scope), maxMatches: scope.maxMatches },
      (update) => {
        if (generation.current === mine) setSearch(update);
      },
    );
  }, [cluster, topic, form, timeZone, scope, formKey, scopeKey]);
  // The address asks for a search (a link, reload, back/forward): run it once per set of parameters.
  useEffect(() => {
    if (searching && started.current !== `${formKey}|${scopeKey}`) runScan();
  }, [searching, formKey, scopeKey, runScan]);

  const startScan = (chosen: SearchScope) => {
    const next = scopeToParams(chosen, formToParams(draft.current, timeZone, params));
    next.set('search', '1');
    const nextForm = formToParams(draft.current, timeZone, new URLSearchParams()).toString();
    const nextScope = scopeToParams(chosen, new URLSearchParams()).toString();
    if (searching && started.current === `${nextForm}|${nextScope}`) runScan(); // the same search again
    setParams(next);
  };
  const apply = (f: BrowseForm) => {
    const next = formToParams(f, timeZone, params);
    next.delete('search');
    setParams(next);
  };
  const backToBrowsing = () => {
    stop.current?.();
    const next = new URLSearchParams(params);
    next.delete('search');
    setParams(next);
  };

  // The export follows what the table shows: the search's scope, or the browse seek.
  const exportScope = searching ? searchWhere(scope) : undefined;
  const exportEnabled = first?.exportEnabled ?? true;
  const base = `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;

  return (
    <div>
      {params.get('produce') === '1' && may('operator') && (
        <ProducePanel cluster={cluster} topic={topic} partitionCount={partitionCount} />
      )}
      {single ? (
        <Notice>
          {t('messages.single', { partition: single.partition, offset: formatNumber(single.offset) })}{' '}
          <Link className={linkClass} to={base}>
            {t('messages.browseAll')}
          </Link>
        </Notice>
      ) : (
        <>
          <BrowseControls
            key={`browse?${timeZone}&${formKey}`}
            initial={form}
            onChange={onDraft}
            partitionCount={partitionCount}
            onApply={apply}
          />
          <SearchPanel
            key={`search?${scopeKey}`}
            initial={scope}
            state={search}
            onStart={startScan}
            onStop={() => stop.current?.()}
          />
        </>
      )}
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        {exportEnabled ? (
          <>
            <label className="flex items-center gap-1 text-xs text-muted">
              {t('messages.exportAtMost')}
              <input
                type="number"
                min={1}
                max={1000000}
                className={`${inputClass} w-24`}
                value={exportLimit}
                onChange={(e) => setExportLimit(Number(e.target.value))}
              />
            </label>
            <a
              className={linkClass}
              href={exportUrl(cluster, topic, query, 'jsonl', exportLimit, exportScope)}
              download
            >
              {t('messages.exportJsonl')}
            </a>
            <a
              className={linkClass}
              href={exportUrl(cluster, topic, query, 'csv', exportLimit, exportScope)}
              download
            >
              {t('messages.exportCsv')}
            </a>
          </>
        ) : (
          <span className="text-xs text-muted">{t('messages.exportOff')}</span>
        )}
        {searching && (
          <Button variant="ghost" size="sm" onClick={backToBrowsing}>
            {t('messages.backToBrowsing')}
          </Button>
        )}
        <span className="text-xs text-muted sm:ml-auto" role="status" aria-label={t('messages.summaryLabel')}>
          {searching
            ? t('messages.searchSummary', { n: formatNumber(search.messages.length) })
            : pages.isFetching && !pages.isFetchingNextPage
              ? t('common.loading')
              : [
                  t('common.messages', { count: browsed.length, n: formatNumber(browsed.length) }),
                  last ? t('messages.scanned', { n: formatNumber(last.scanned) }) : '',
                  last?.partial ? t('messages.partial') : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
        </span>
      </div>
      <ErrorBanner error={searching ? undefined : pages.error} />
      {!searching && <Warnings warnings={last?.warnings} lead={t('messages.partitionsNotRead')} />}
      <MessageTable
        key={single ? `${single.partition}:${single.offset}` : 'browse'}
        messages={rows}
        loading={
          searching
            ? search.status === 'running' && rows.length === 0
            : pages.isLoading || (pages.isFetching && !pages.isFetchingNextPage && rows.length === 0)
        }
        loadWhole={loadWhole}
        onEndReached={loadMore}
        initiallyOpen={single ? `${single.partition}:${single.offset}` : undefined}
        linkTo={(m) => `${base}/${m.partition}/${m.offset}`}
      />
      {!searching && !single && pages.hasNextPage && (
        <Button
          className="mt-2"
          busy={pages.isFetchingNextPage}
          busyLabel={t('common.loading')}
          onClick={() => void pages.fetchNextPage()}
        >
          {t('messages.loadMore')}
        </Button>
      )}
    </div>
  );
}
