import { useTopic } from '../../api/topics.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { formatBytes, formatNumber } from '../../components/format.ts';
import { StatCard } from '../../components/StatCard.tsx';
import { Warnings } from '../../components/topics/Warnings.tsx';

/** `kafka-topics --describe` plus offsets and sizes: one row per partition. */
export function OverviewTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isLoading } = useTopic(cluster, topic);
  if (error) return <ErrorBanner error={error} />;
  if (isLoading || !data) return <p className="text-slate-500">Loading partitions…</p>;
  const unknown = 'unknown: a partition has no leader or a broker did not answer';
  return (
    <div>
      <Warnings warnings={data.warnings} />
      <div className="mb-5 grid max-w-5xl grid-cols-2 gap-3 md:grid-cols-5">
        <StatCard label="Partitions" value={formatNumber(data.partitionCount)} />
        <StatCard label="Replication factor" value={formatNumber(data.replicationFactor)} />
        <StatCard
          label="Under-replicated"
          value={formatNumber(data.underReplicatedPartitions)}
          tone={data.underReplicatedPartitions > 0 ? 'warn' : 'normal'}
        />
        <StatCard
          label="Messages"
          value={formatNumber(data.messageCount)}
          hint={data.messageCount === null ? unknown : 'end - start offsets'}
        />
        <StatCard
          label="Size"
          value={formatBytes(data.sizeBytes)}
          hint={data.sizeBytes === null ? unknown : 'one replica of each partition'}
        />
      </div>
      <table
        aria-label="Partitions"
        className="w-full max-w-5xl border-collapse rounded bg-white text-left text-sm shadow"
      >
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th className="px-3 py-2">Partition</th>
            <th className="px-3 py-2">Leader</th>
            <th className="px-3 py-2">Replicas</th>
            <th className="px-3 py-2">In-sync replicas</th>
            <th className="px-3 py-2 text-right">Start offset</th>
            <th className="px-3 py-2 text-right">End offset</th>
            <th className="px-3 py-2 text-right">Messages</th>
            <th className="px-3 py-2 text-right">Size</th>
          </tr>
        </thead>
        <tbody>
          {data.partitions.map((p) => {
            const under = p.isr.length < p.replicas.length;
            const count =
              p.startOffset !== null && p.endOffset !== null
                ? (BigInt(p.endOffset) - BigInt(p.startOffset)).toString()
                : null;
            return (
              <tr key={p.partition} className={`border-t border-slate-100 ${under ? 'bg-amber-50' : ''}`}>
                <td className="px-3 py-2 font-medium tabular-nums">{p.partition}</td>
                <td className="px-3 py-2">
                  {p.leader ?? <span className="font-semibold text-red-700">none (offline)</span>}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{p.replicas.join(', ')}</td>
                <td className={`px-3 py-2 font-mono text-xs ${under ? 'font-semibold text-amber-800' : ''}`}>
                  {p.isr.join(', ') || '—'}
                  {under && <span className="ml-2 font-sans">under-replicated</span>}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(p.startOffset)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(p.endOffset)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(count)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatBytes(p.sizeBytes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
