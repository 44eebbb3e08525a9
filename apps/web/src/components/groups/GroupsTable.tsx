import { Link } from 'react-router-dom';
import type { GroupSummary } from '@tributary/contract';
import { formatNumber } from '../format.ts';
import { StateBadge, TypeBadge } from './StateBadge.tsx';

/** The groups list: one row per group, lag computed by the server for this page only. */
export function GroupsTable({ cluster, groups }: { cluster: string; groups: GroupSummary[] }) {
  return (
    <table
      aria-label="Consumer groups"
      className="w-full border-collapse rounded bg-white text-left text-sm shadow"
    >
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          <th className="px-3 py-2">Group</th>
          <th className="px-3 py-2">State</th>
          <th className="px-3 py-2">Type</th>
          <th className="px-3 py-2 text-right">Members</th>
          <th className="px-3 py-2 text-right">Topics</th>
          <th className="px-3 py-2 text-right">Lag</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.groupId} className="border-t border-slate-100 hover:bg-slate-50">
            <td className="px-3 py-2 font-medium break-all">
              <Link
                className="text-blue-700 hover:underline"
                to={`/clusters/${encodeURIComponent(cluster)}/consumer-groups/${encodeURIComponent(g.groupId)}`}
              >
                {g.groupId}
              </Link>
            </td>
            <td className="px-3 py-2">
              <StateBadge state={g.state} />
            </td>
            <td className="px-3 py-2">
              <TypeBadge type={g.type} />
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{formatNumber(g.members)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatNumber(g.topics)}</td>
            <td
              className={`px-3 py-2 text-right tabular-nums ${g.totalLag ? 'font-semibold text-amber-700' : ''}`}
            >
              {formatNumber(g.totalLag)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
