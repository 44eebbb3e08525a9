import { Link } from 'react-router-dom';
import type { TopicSortField, TopicSummary } from '@tributary/contract';
import { formatBytes, formatNumber } from '../format.ts';

const COLUMNS: { field: TopicSortField; label: string; numeric: boolean }[] = [
  { field: 'name', label: 'Name', numeric: false },
  { field: 'partitionCount', label: 'Partitions', numeric: true },
  { field: 'replicationFactor', label: 'Replication', numeric: true },
  { field: 'underReplicatedPartitions', label: 'Under-replicated', numeric: true },
  { field: 'messageCount', label: 'Messages', numeric: true },
  { field: 'sizeBytes', label: 'Size', numeric: true },
];

/** The topic list; column headers sort on the server (`aria-sort` tells which and how). */
export function TopicsTable({
  cluster,
  topics,
  sortBy,
  order,
  onSort,
}: {
  cluster: string;
  topics: TopicSummary[];
  sortBy: TopicSortField;
  order: 'asc' | 'desc';
  onSort: (field: TopicSortField) => void;
}) {
  return (
    <table aria-label="Topics" className="w-full border-collapse rounded bg-white text-left text-sm shadow">
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.field}
              aria-sort={sortBy === c.field ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
              className={`px-3 py-2 ${c.numeric ? 'text-right' : ''}`}
            >
              <button
                type="button"
                onClick={() => onSort(c.field)}
                className="font-medium hover:text-slate-900"
              >
                {c.label}
                <span aria-hidden className="ml-1 text-xs">
                  {sortBy === c.field ? (order === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {topics.map((t) => (
          <tr key={t.name} className="border-t border-slate-100 hover:bg-slate-50">
            <td className="px-3 py-2 font-medium break-all">
              <Link
                className="text-blue-700 hover:underline"
                to={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(t.name)}`}
              >
                {t.name}
              </Link>
              {t.internal && (
                <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-600">
                  internal
                </span>
              )}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{formatNumber(t.partitionCount)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatNumber(t.replicationFactor)}</td>
            <td
              className={`px-3 py-2 text-right tabular-nums ${t.underReplicatedPartitions > 0 ? 'font-semibold text-amber-700' : ''}`}
            >
              {formatNumber(t.underReplicatedPartitions)}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{formatNumber(t.messageCount)}</td>
            <td
              className="px-3 py-2 text-right tabular-nums"
              title={t.sizeBytes === null ? 'unknown' : `${t.sizeBytes} bytes`}
            >
              {formatBytes(t.sizeBytes)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
