import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TopicSortField, TopicSummary } from '@tributary/contract';
import { Badge } from '../ui/Badge.tsx';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatBytes, formatNumber } from '../ui/format.ts';
import { linkClass } from '../ui/Page.tsx';

/** The topic list; column headers sort on the server (`aria-sort` tells which and how). */
export function TopicsTable({
  cluster,
  topics,
  sortBy,
  order,
  onSort,
  empty,
  selection,
}: {
  cluster: string;
  topics: TopicSummary[];
  sortBy: TopicSortField;
  order: 'asc' | 'desc';
  onSort: (field: TopicSortField) => void;
  empty: string;
  /** With it, a checkbox per row (and one for the page) picks topics for the bulk actions. */
  selection?: { selected: ReadonlySet<string>; onChange: (names: string[], on: boolean) => void };
}) {
  const { t } = useTranslation();
  const allOn = topics.length > 0 && topics.every((x) => selection?.selected.has(x.name));
  const columns: Column<TopicSummary>[] = [
    {
      key: 'name',
      sortKey: 'name',
      header: t('topics.name'),
      className: 'min-w-48 font-medium break-all',
      cell: (topic) => (
        <>
          <Link
            className={linkClass}
            to={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic.name)}`}
          >
            {topic.name}
          </Link>
          {topic.internal && <Badge className="ml-2">{t('topics.internal')}</Badge>}
        </>
      ),
    },
    {
      key: 'partitionCount',
      sortKey: 'partitionCount',
      header: t('topics.partitions'),
      numeric: true,
      cell: (x) => formatNumber(x.partitionCount),
    },
    {
      key: 'replicationFactor',
      sortKey: 'replicationFactor',
      header: t('topics.replication'),
      numeric: true,
      cell: (x) => formatNumber(x.replicationFactor),
    },
    {
      key: 'underReplicatedPartitions',
      sortKey: 'underReplicatedPartitions',
      header: t('topics.underReplicated'),
      numeric: true,
      cellClass: (x) => (x.underReplicatedPartitions > 0 ? 'font-semibold text-warn' : ''),
      cell: (x) => formatNumber(x.underReplicatedPartitions),
    },
    {
      key: 'messageCount',
      sortKey: 'messageCount',
      header: t('topics.messages'),
      numeric: true,
      cell: (x) => formatNumber(x.messageCount),
    },
    {
      key: 'sizeBytes',
      sortKey: 'sizeBytes',
      header: t('topics.size'),
      numeric: true,
      title: (x) => (x.sizeBytes === null ? t('common.unknown') : t('common.bytes', { count: x.sizeBytes })),
      cell: (x) => formatBytes(x.sizeBytes),
    },
  ];
  if (selection)
    columns.unshift({
      key: 'select',
      header: (
        <input
          type="checkbox"
          className="h-4 w-4"
          aria-label={t('bulk.selectPage')}
          checked={allOn}
          onChange={(e) =>
            selection.onChange(
              topics.map((x) => x.name),
              e.target.checked,
            )
          }
        />
      ),
      className: 'w-8',
      cell: (x) => (
        <input
          type="checkbox"
          className="h-4 w-4"
          aria-label={t('bulk.select', { topic: x.name })}
          checked={selection.selected.has(x.name)}
          onChange={(e) => selection.onChange([x.name], e.target.checked)}
        />
      ),
    });
  return (
    <DataTable
      label={t('nav.topics')}
      columns={columns}
      rows={topics}
      rowKey={(x) => x.name}
      sort={{ key: sortBy, order }}
      onSort={(key) => onSort(key as TopicSortField)}
      empty={empty}
    />
  );
}
