import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GroupSummary } from '@tributary/contract';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatNumber } from '../ui/format.ts';
import { linkClass } from '../ui/Page.tsx';
import { StateBadge, TypeBadge } from './StateBadge.tsx';

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
