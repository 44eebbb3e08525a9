import { useTranslation } from 'react-i18next';
import type { TopicConsumerGroups } from '@tributary/contract';
import { useTopicConsumerGroups } from '../../api/consumer-groups.ts';
import { DataTable, type Column } from '../../components/ui/DataTable.tsx';
import { groupColumns } from '../../components/groups/columns.tsx';
import { formatNumber } from '../../components/ui/format.ts';

type Row = TopicConsumerGroups[number];

/** The groups that read this topic, with their lag on it, partition by partition. */
export function ConsumersTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useTopicConsumerGroups(cluster, topic);
  const columns: Column<Row>[] = [
    ...groupColumns<Row>(t, cluster),
    {
      key: 'lag',
      header: t('groups.lag'),
      numeric: true,
      className: 'font-semibold',
      cell: (g) => formatNumber(g.lag),
    },
    {
      key: 'partitions',
      header: t('topic.perPartition'),
      className: 'font-mono text-xs',
      cell: (g) =>
        g.partitions.map((p) => (
          <span key={p.partition} className="mr-3 inline-block">
            {p.partition}: {p.currentOffset ?? '-'}/{p.logEndOffset}
          </span>
        )),
    },
  ];
  return (
    <DataTable
      label={t('topic.groupsOfTopic')}
      dense
      columns={columns}
      rows={data}
      rowKey={(g) => g.groupId}
      loading={isLoading}
      error={error}
      empty={t('topic.noGroups', { topic })}
    />
  );
}
