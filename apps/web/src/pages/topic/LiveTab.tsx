import { useCallback, useState } from 'react';
import type { Message } from '@tributary/contract';
import { useLiveTail } from '../../api/live.ts';
import { fetchWholeMessage } from '../../api/messages.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { formatNumber } from '../../components/format.ts';
import { LiveControls } from '../../components/live/LiveControls.tsx';
import { LiveRows } from '../../components/live/LiveRows.tsx';
import { LiveStatsBar } from '../../components/live/LiveStatsBar.tsx';

/** `kafka-console-consumer` without --from-beginning, in a tab that can stay open all day. */
export function LiveTab({ cluster, topic }: { cluster: string; topic: string }) {
  const [bufferSize, setBufferSize] = useState(1000);
  const [partitions, setPartitions] = useState<number[] | null>(null);
  const { state, tail } = useLiveTail(cluster, topic, bufferSize, { partitions: null, filter: {} });
  const loadWhole = useCallback((m: Message) => fetchWholeMessage(cluster, topic, m), [cluster, topic]);
  const stats = state.stats;
  const partitionCount = state.subscribed?.allPartitions.length ?? 0;

  return (
    <section aria-label="Live tail">
      <LiveControls
        status={state.status}
        partitionCount={partitionCount}
        partitions={partitions}
        bufferSize={bufferSize}
        onStart={(from) => tail.start(from)}
        onPause={() => tail.pause()}
        onResume={() => tail.resume()}
        onPartitions={(p) => {
          setPartitions(p);
          tail.setPartitions(p);
        }}
        onFilter={(f) => tail.setFilter(f)}
        onBufferSize={setBufferSize}
        onClear={() => tail.clear()}
      />
      {state.error && <ErrorBanner error={new Error(state.error.message)} />}
      {state.notice && (
        <p
          role="note"
          className="my-2 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900"
        >
          {state.notice}
        </p>
      )}
      <LiveStatsBar status={state.status} stats={stats} rows={state.rows.length} />
      {stats && stats.skipped > 0 && (
        <p role="note" className="mb-2 text-xs text-amber-800">
          This tab cannot keep up: it shows {formatNumber(Math.round(stats.sentRate))} of{' '}
          {formatNumber(Math.round(stats.topicRate))} messages per second; the server samples the rest away.
        </p>
      )}
      <LiveRows rows={state.rows} received={state.received} loadWhole={loadWhole} />
    </section>
  );
}
