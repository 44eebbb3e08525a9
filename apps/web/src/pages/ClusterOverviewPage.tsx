import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useClusterOverview } from '../api/brokers.ts';
import { ErrorBanner } from '../components/ui/Alert.tsx';
import { RefreshStatus, useAutoRefresh } from '../components/ui/AutoRefresh.tsx';
import { formatNumber } from '../components/ui/format.ts';
import { linkClass, Muted, PageHeader } from '../components/ui/Page.tsx';
import { Stat, StatGrid } from '../components/ui/Stat.tsx';
import { Warnings } from '../components/topics/Warnings.tsx';

export function ClusterOverviewPage() {
  const { t } = useTranslation();
  const { cluster = '' } = useParams();
  const refresh = useAutoRefresh();
  const { data, error, isLoading, isFetching, dataUpdatedAt } = useClusterOverview(cluster, refresh.interval);
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  const unreachable = data?.brokers.unreachable ?? [];
  return (
    <section>
      <PageHeader
        title={cluster}
        subtitle={data?.clusterId ? t('overview.subtitleId', { id: data.clusterId }) : t('overview.subtitle')}
        actions={
          <RefreshStatus
            updatedAt={dataUpdatedAt}
            fetching={isFetching}
            paused={refresh.paused}
            onToggle={refresh.toggle}
          />
        }
      />
      <ErrorBanner error={error} />
      {isLoading && <Muted>{t('overview.loading')}</Muted>}
      {data && (
        <Warnings
          warnings={data.warnings}
          lead={unreachable.length ? t('overview.unreachableLead', { count: unreachable.length }) : undefined}
        />
      )}
      {data && (
        <StatGrid>
          <Stat
            label={t('overview.brokersOnline')}
            value={`${data.brokers.online} / ${data.brokers.total}`}
            tone={data.brokers.online < data.brokers.total || unreachable.length ? 'bad' : 'good'}
            hint={
              <>
                {unreachable.length > 0 && (
                  <span className="font-medium text-danger">
                    {t('overview.unreachable', { count: unreachable.length, ids: unreachable.join(', ') })}
                    {' · '}
                  </span>
                )}
                <Link className={linkClass} to={`${base}/brokers`}>
                  {t('nav.brokers')}
                </Link>
              </>
            }
          />
          <Stat
            label={t('overview.controller')}
            value={data.controllerId ?? '—'}
            hint={t('overview.controllerHint')}
          />
          <Stat
            label={t('overview.topics')}
            value={formatNumber(data.topicCount - data.internalTopicCount)}
            hint={
              <>
                <Link className={linkClass} to={`${base}/topics`}>
                  {t('nav.topics')}
                </Link>{' '}
                · {t('overview.internal', { count: data.internalTopicCount })}
              </>
            }
          />
          <Stat
            label={t('overview.partitions')}
            value={formatNumber(data.partitionCount)}
            hint={t('overview.partitionsHint')}
          />
          <Stat
            label={t('overview.underReplicated')}
            value={formatNumber(data.underReplicatedPartitions)}
            tone={data.underReplicatedPartitions > 0 ? 'warn' : 'good'}
            hint={t('overview.underReplicatedHint')}
          />
          <Stat
            label={t('overview.offline')}
            value={formatNumber(data.offlinePartitions)}
            tone={data.offlinePartitions > 0 ? 'bad' : 'good'}
            hint={t('overview.offlineHint')}
          />
          <Stat
            label={t('overview.metadataVersion')}
            value={data.kafkaVersion ?? t('common.unknown')}
            hint="kafka-features describe"
          />
        </StatGrid>
      )}
    </section>
  );
}
