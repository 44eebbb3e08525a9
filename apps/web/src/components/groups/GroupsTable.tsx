import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '@tributary/contract';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { groupColumns } from './columns.tsx';
import { formatNumber } from '../ui/format.ts';

/** The groups list: one row per group, lag computed by the server for this page only. */
export function GroupsTable({
  cluster,
  groups,
  empty,
}: {
  cluster: string;
  groups: GroupSummary[];
  empty: string;
}) {
  const { t } = useTranslation();
  const columns: Column<GroupSummary>[] = [
    ...groupColumns<GroupSummary>(t, cluster),
    { key: 'topics', header: t('groups.topics'), numeric: true, cell: (g) => formatNumber(g.topics) },
    {
      key: 'lag',
      header: t('groups.lag'),
      numeric: true,
      cellClass: (g) => (g.totalLag ? 'font-semibold text-warn' : ''),
      cell: (g) => formatNumber(g.totalLag),
    },
  ];
  return (
    <DataTable
      label={t('nav.groups')}
      columns={columns}
      rows={groups}
      rowKey={(g) => g.groupId}
      empty={empty}
    />
  );
}
