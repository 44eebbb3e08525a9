import { Link, useParams } from 'react-router-dom';
import { useClusterOverview } from '../api/brokers.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatNumber } from '../components/format.ts';
import { StatCard } from '../components/StatCard.tsx';
import { Warnings } from '../components/topics/Warnings.tsx';

export function ClusterOverviewPage() {
  const { cluster = '' } = useParams();
  const { data, error, isLoading } = useClusterOverview(cluster);
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <section>
      <h1 className="mb-1 text-2xl font-semibold">{cluster}</h1>
      <p className="mb-4 text-sm text-slate-500">
        Cluster overview{data?.clusterId ? ` · cluster id ${data.clusterId}` : ''}
      </p>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Asking the cluster…</p>}
      {data && <Warnings warnings={data.warnings} />}
      {data && (
        <div className="grid max-w-5xl grid-cols-2 gap-4 md:grid-cols-4">
          <StatCard
            label="Brokers online"
            value={`${data.brokers.online} / ${data.brokers.total}`}
            tone={
              data.brokers.online < data.brokers.total || data.brokers.unreachable?.length ? 'bad' : 'good'
            }
            hint={
              <>
                {data.brokers.unreachable?.length ? (
                  <span className="text-red-700">
                    Not answering us: broker {data.brokers.unreachable.join(', ')} ·{' '}
                  </span>
                ) : null}
                <Link className="text-blue-700 hover:underline" to={`${base}/brokers`}>
                  Brokers
                </Link>
              </>
            }
          />
          <StatCard label="Active controller" value={data.controllerId ?? '—'} hint="KRaft quorum leader" />
          <StatCard
            label="Topics"
            value={formatNumber(data.topicCount - data.internalTopicCount)}
            hint={
              <>
                <Link className="text-blue-700 hover:underline" to={`${base}/topics`}>
                  Topics
                </Link>{' '}
                · plus {data.internalTopicCount} internal
              </>
            }
          />
          <StatCard
            label="Partitions"
            value={formatNumber(data.partitionCount)}
            hint="all topics, internal included"
          />
          <StatCard
            label="Under-replicated partitions"
            value={formatNumber(data.underReplicatedPartitions)}
            tone={data.underReplicatedPartitions > 0 ? 'warn' : 'good'}
            hint="in-sync replicas fewer than replicas"
          />
          <StatCard
            label="Offline partitions"
            value={formatNumber(data.offlinePartitions)}
            tone={data.offlinePartitions > 0 ? 'bad' : 'good'}
            hint="no leader: cannot be read or written"
          />
          <StatCard
            label="Metadata version"
            value={data.kafkaVersion ?? 'unknown'}
            hint="kafka-features describe"
          />
        </div>
      )}
    </section>
  );
}
