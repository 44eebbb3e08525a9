import { useTranslation } from 'react-i18next';
import type { PartitionInfo } from '@tributary/contract';
import { useBrokers } from '../../api/brokers.ts';
import { useTopic } from '../../api/topics.ts';
import { ErrorBanner } from '../../components/ui/Alert.tsx';
import { DataTable, type Column } from '../../components/ui/DataTable.tsx';
import { formatBytes, formatNumber } from '../../components/ui/format.ts';
import { Muted } from '../../components/ui/Page.tsx';
import { Stat, StatGrid } from '../../components/ui/Stat.tsx';
import { Warnings } from '../../components/topics/Warnings.tsx';
import { partitionMessages } from '../../components/topics/PurgeDialog.tsx';
import { PartitionSkew } from '../../components/topics/PartitionSkew.tsx';
import { ReassignPanel } from '../../components/topics/ReassignPanel.tsx';
import { TopicSubjects } from '../../components/topics/TopicSubjects.tsx';

const under = (p: PartitionInfo) => p.isr.length < p.replicas.length;

/** `kafka-topics --describe` plus offsets and sizes: one row per partition. */
export function OverviewTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useTopic(cluster, topic);
  const brokers = useBrokers(cluster);
  if (error) return <ErrorBanner error={error} />;
  if (isLoading || !data) return <Muted>{t('topic.loadingPartitions')}</Muted>;
  const unknown = t('topic.unknownHint');
  const columns: Column<PartitionInfo>[] = [
    {
      key: 'partition',
      header: t('topic.partition'),
      className: 'font-medium tabular-nums',
      cell: (p) => p.partition,
    },
    {
      key: 'leader',
      header: t('topic.leader'),
      cell: (p) => p.leader ?? <span className="font-semibold text-danger">{t('topic.noLeader')}</span>,
    },
    {
      key: 'replicas',
      header: t('topic.replicas'),
      className: 'font-mono text-xs',
      cell: (p) => p.replicas.join(', '),
    },
    {
      key: 'isr',
      header: t('topic.isr'),
      className: 'font-mono text-xs',
      cellClass: (p) => (under(p) ? 'font-semibold text-warn' : ''),
      cell: (p) => (
        <>
          {p.isr.join(', ') || '—'}
          {under(p) && <span className="ml-2 font-sans">{t('topic.underReplicated')}</span>}
        </>
      ),
    },
    { key: 'start', header: t('topic.startOffset'), numeric: true, cell: (p) => formatNumber(p.startOffset) },
    { key: 'end', header: t('topic.endOffset'), numeric: true, cell: (p) => formatNumber(p.endOffset) },
    {
      key: 'messages',
      header: t('topics.messages'),
      numeric: true,
      cell: (p) => formatNumber(partitionMessages(p)),
    },
    { key: 'size', header: t('topics.size'), numeric: true, cell: (p) => formatBytes(p.sizeBytes) },
  ];
  return (
    <div>
      <Warnings warnings={data.warnings} />
      <StatGrid columns={5}>
        <Stat label={t('topics.partitions')} value={formatNumber(data.partitionCount)} />
        <Stat label={t('topic.replicationFactor')} value={formatNumber(data.replicationFactor)} />
        <Stat
          label={t('topics.underReplicated')}
          value={formatNumber(data.underReplicatedPartitions)}
          tone={data.underReplicatedPartitions > 0 ? 'warn' : 'normal'}
        />
        <Stat
          label={t('topics.messages')}
          value={formatNumber(data.messageCount)}
          hint={data.messageCount === null ? unknown : t('topic.messagesHint')}
        />
        <Stat
          label={t('topics.size')}
          value={formatBytes(data.sizeBytes)}
          hint={data.sizeBytes === null ? unknown : t('topic.sizeHint')}
        />
      </StatGrid>
      <DataTable
        label={t('common.partitionsTitle')}
        className="max-w-5xl"
        columns={columns}
        rows={data.partitions}
        rowKey={(p) => String(p.partition)}
        rowClass={(p) => (under(p) ? 'bg-warn-soft' : '')}
      />
      <PartitionSkew detail={data} brokers={brokers.data} />
      <ReassignPanel cluster={cluster} topic={topic} partitions={data.partitions} />
      <div className="mt-6">
        <TopicSubjects cluster={cluster} topic={topic} />
      </div>
    </div>
  );
}
