import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TopicConsumerGroups } from '@tributary/contract';
import { useTopicConsumerGroups } from '../../api/consumer-groups.ts';
import { DataTable, type Column } from '../../components/ui/DataTable.tsx';
import { formatNumber } from '../../components/ui/format.ts';
import { linkClass } from '../../components/ui/Page.tsx';
import { StateBadge, TypeBadge } from '../../components/groups/StateBadge.tsx';

type Row = TopicConsumerGroups[number];

/** The groups that read this topic, with their lag on it, partition by partition. */
export function ConsumersTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useTopicConsumerGroups(cluster, topic);
  const columns: Column<Row>[] = [
    {
      key: 'group',
      header: t('groups.group'),
      className: 'font-medium break-all',
      cell: (g) => (
        <Link
          className={linkClass}
          to={`/clusters/${encodeURIComponent(cluster)}/consumer-groups/${encodeURIComponent(g.groupId)}`}
        >
          {g.groupId}
        </Link>
      ),
    },
    { key: 'state', header: t('groups.state'), cell: (g) => <StateBadge state={g.state} /> },
    { key: 'type', header: t('groups.type'), cell: (g) => <TypeBadge type={g.type} /> },
    { key: 'members', header: t('groups.members'), numeric: true, cell: (g) => formatNumber(g.members) },
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
