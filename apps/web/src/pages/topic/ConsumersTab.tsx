import { Link } from 'react-router-dom';
import { useTopicConsumerGroups } from '../../api/consumer-groups.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { formatNumber } from '../../components/format.ts';
import { StateBadge, TypeBadge } from '../../components/groups/StateBadge.tsx';

/** The groups that read this topic, with their lag on it, partition by partition. */
export function ConsumersTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isLoading } = useTopicConsumerGroups(cluster, topic);
  const cell = 'px-3 py-1.5';
  return (
    <div>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Loading consumer groups…</p>}
      {data && data.length === 0 && (
        <p className="text-sm text-slate-500">No consumer group reads {topic}.</p>
      )}
      {data && data.length > 0 && (
        <table
          aria-label="Consumer groups of the topic"
          className="w-full border-collapse bg-white text-left text-sm shadow"
        >
          <thead className="bg-slate-100 text-xs text-slate-600">
            <tr>
              <th className={cell}>Group</th>
              <th className={cell}>State</th>
              <th className={cell}>Type</th>
              <th className={`${cell} text-right`}>Members</th>
              <th className={`${cell} text-right`}>Lag</th>
              <th className={cell}>Per partition (CURRENT-OFFSET / LOG-END-OFFSET)</th>
            </tr>
          </thead>
          <tbody>
            {data.map((g) => (
              <tr key={g.groupId} className="border-t border-slate-100 align-top">
                <td className={`${cell} font-medium break-all`}>
                  <Link
                    className="text-blue-700 hover:underline"
                    to={`/clusters/${encodeURIComponent(cluster)}/consumer-groups/${encodeURIComponent(g.groupId)}`}
                  >
                    {g.groupId}
                  </Link>
                </td>
                <td className={cell}>
                  <StateBadge state={g.state} />
                </td>
                <td className={cell}>
                  <TypeBadge type={g.type} />
                </td>
                <td className={`${cell} text-right`}>{g.members}</td>
                <td className={`${cell} text-right font-semibold tabular-nums`}>{formatNumber(g.lag)}</td>
                <td className={`${cell} font-mono text-xs`}>
                  {g.partitions.map((p) => (
                    <span key={p.partition} className="mr-3 inline-block">
                      {p.partition}: {p.currentOffset ?? '-'}/{p.logEndOffset}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
