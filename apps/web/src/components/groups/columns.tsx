import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { GroupState, GroupType } from '@tributary/contract';
import type { Column } from '../ui/DataTable.tsx';
import { formatNumber } from '../ui/format.ts';
import { linkClass } from '../ui/Page.tsx';
import { StateBadge, TypeBadge } from './StateBadge.tsx';

interface GroupRow {
  groupId: string;
  state: GroupState;
  type: GroupType;
  members: number;
}

/** The columns every group table starts with: the group (a link to its page), state, type, members. */
export function groupColumns<T extends GroupRow>(t: TFunction, cluster: string): Column<T>[] {
  return [
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
  ];
}
