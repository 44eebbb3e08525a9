import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartitionOffsetRow } from '@tributary/contract';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatNumber } from '../ui/format.ts';

type SortKey = 'partition' | 'lag';

/** `kafka-consumer-groups --describe`, one row per partition; sortable by lag (biggest first on first click). */
export function OffsetsTable({ rows }: { rows: PartitionOffsetRow[] }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'partition', desc: false });
  const sorted = useMemo(() => {
    const copy = [...rows];
    if (sort.key === 'lag')
      copy.sort((a, b) => (a.lag ?? -1) - (b.lag ?? -1) || a.topic.localeCompare(b.topic));
    if (sort.desc) copy.reverse();
    return copy;
  }, [rows, sort]);
  const toggle = (key: string) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key: key as SortKey, desc: key === 'lag' }));
  const dash = (v: string | number | null) => v ?? '-';
  const columns: Column<PartitionOffsetRow>[] = [
    { key: 'topic', header: 'TOPIC', className: 'break-all', cell: (r) => r.topic },
    { key: 'partition', sortKey: 'partition', header: 'PARTITION', numeric: true, cell: (r) => r.partition },
    { key: 'current', header: 'CURRENT-OFFSET', numeric: true, cell: (r) => dash(r.currentOffset) },
    { key: 'end', header: 'LOG-END-OFFSET', numeric: true, cell: (r) => r.logEndOffset },
    {
      key: 'lag',
      sortKey: 'lag',
      header: 'LAG',
      numeric: true,
      cellClass: (r) => (r.lag ? 'font-semibold text-warn' : ''),
      cell: (r) => (r.lag === null ? '-' : formatNumber(r.lag)),
    },
    {
      key: 'consumer',
      header: 'CONSUMER-ID',
      className: 'max-w-64 truncate',
      title: (r) => r.consumerId ?? undefined,
      cell: (r) => dash(r.consumerId),
    },
    { key: 'host', header: 'HOST', cell: (r) => dash(r.host) },
    { key: 'client', header: 'CLIENT-ID', cell: (r) => dash(r.clientId) },
  ];
  return (
    <div className="font-mono text-xs">
      <DataTable
        label={t('group.offsetsTable')}
        dense
        columns={columns}
        rows={sorted}
        rowKey={(r) => `${r.topic}/${r.partition}`}
        sort={{ key: sort.key, order: sort.desc ? 'desc' : 'asc' }}
        onSort={toggle}
      />
    </div>
  );
}
