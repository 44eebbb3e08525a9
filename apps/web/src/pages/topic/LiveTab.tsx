import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { LiveFilter, Message } from '@tributary/contract';
import { parkedTail, useLiveTail } from '../../api/live.ts';
import { fetchWholeMessage } from '../../api/messages.ts';
import { ErrorBanner, Notice } from '../../components/ui/Alert.tsx';
import { formatNumber } from '../../components/ui/format.ts';
import { LiveControls } from '../../components/live/LiveControls.tsx';
import { LiveRows } from '../../components/live/LiveRows.tsx';
import { LiveStatsBar } from '../../components/live/LiveStatsBar.tsx';

/** `?partitions=0,2&q=&cs=1&filter=`: what the tail reads and keeps, in the address. */
function liveFromParams(params: URLSearchParams): { partitions: number[] | null; filter: LiveFilter } {
  const partitions = params.get('partitions');
  return {
    partitions:
      partitions === null ? null : partitions.split(',').filter(Boolean).map(Number).filter(Number.isInteger),
    filter: {
      ...(params.get('q') ? { q: params.get('q')! } : {}),
      ...(params.get('cs') === '1' ? { caseSensitive: true } : {}),
      ...(params.get('filter') ? { filter: params.get('filter')! } : {}),
    },
  };
}

/** `kafka-console-consumer` without --from-beginning, in a tab that can stay open all day. */
export function LiveTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Back from another tab: the tail kept running, so the controls show what it reads.
  const [initial] = useState(() => parkedTail(cluster, topic) ?? liveFromParams(params));
  const [bufferSize, setBufferSize] = useState(() => parkedTail(cluster, topic)?.bufferSize ?? 1000);
  const [partitions, setPartitions] = useState<number[] | null>(initial.partitions);
  const { state, tail } = useLiveTail(cluster, topic, bufferSize, initial);
  const loadWhole = useCallback((m: Message) => fetchWholeMessage(cluster, topic, m), [cluster, topic]);
  const base = `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;
  const linkTo = useCallback((m: Message) => `${base}/${m.partition}/${m.offset}`, [base]);
  const stats = state.stats;
  const partitionCount = state.subscribed?.allPartitions.length ?? 0;
  const remember = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes))
          if (v) next.set(k, v);
          else next.delete(k);
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-label={t('live.label')}>
      <LiveControls
        status={state.status}
        partitionCount={partitionCount}
        partitions={partitions}
        filter={initial.filter}
        bufferSize={bufferSize}
        onStart={(from) => tail.start(from)}
        onPause={() => tail.pause()}
        onResume={() => tail.resume()}
        onPartitions={(p) => {
          setPartitions(p);
          tail.setPartitions(p);
          remember({ partitions: p === null ? null : p.join(',') });
        }}
        onFilter={(f) => {
          tail.setFilter(f);
          remember({ q: f.q || null, cs: f.q && f.caseSensitive ? '1' : null, filter: f.filter || null });
        }}
        onBufferSize={setBufferSize}
        onClear={() => tail.clear()}
      />
      {state.error && <ErrorBanner error={new Error(state.error.message)} />}
      {state.notice && <Notice>{state.notice}</Notice>}
      <LiveStatsBar status={state.status} stats={stats} rows={state.rows.length} received={state.received} />
      {stats && stats.skipped > 0 && (
        <p role="note" className="mb-2 text-xs text-warn">
          {t('live.cannotKeepUp', {
            shown: formatNumber(Math.round(stats.sentRate)),
            total: formatNumber(Math.round(stats.topicRate)),
          })}
        </p>
      )}
      <LiveRows
        rows={state.rows}
        received={state.received}
        started={state.status !== 'idle'}
        loadWhole={loadWhole}
        linkTo={linkTo}
      />
    </section>
  );
}
