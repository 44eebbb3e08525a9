import { Link } from 'react-router-dom';
import type { ConnectorSummary } from '@tributary/contract';
import { ClassName, ConnectorStateBadge } from './ConnectorStateBadge.tsx';

export const connectorHref = (cluster: string, connect: string, name: string) =>
  `/clusters/${encodeURIComponent(cluster)}/connect/${encodeURIComponent(connect)}/connectors/${encodeURIComponent(name)}`;

export const topicHref = (cluster: string, topic: string) =>
  `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;

/** Connectors over all Connect clusters: state, failed tasks, and the topics they read or write. */
export function ConnectorsTable({
  cluster,
  connectors,
}: {
  cluster: string;
  connectors: ConnectorSummary[];
}) {
  const cell = 'px-3 py-2';
  return (
    <table
      aria-label="Connectors"
      className="w-full border-collapse rounded bg-white text-left text-sm shadow"
    >
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          <th className={cell}>Connector</th>
          <th className={cell}>Connect</th>
          <th className={cell}>Type</th>
          <th className={cell}>Class</th>
          <th className={cell}>State</th>
          <th className={`${cell} text-right`}>Tasks</th>
          <th className={cell}>Topics</th>
        </tr>
      </thead>
      <tbody>
        {connectors.map((c) => (
          <tr
            key={`${c.connect}/${c.name}`}
            className="border-t border-slate-100 align-top hover:bg-slate-50"
          >
            <td className={`${cell} font-medium break-all`}>
              <Link className="text-blue-700 hover:underline" to={connectorHref(cluster, c.connect, c.name)}>
                {c.name}
              </Link>
            </td>
            <td className={cell}>{c.connect}</td>
            <td className={cell}>{c.type}</td>
            <td className={cell}>
              <ClassName cls={c.class} />
            </td>
            <td className={cell}>
              <ConnectorStateBadge state={c.state} />
            </td>
            <td className={`${cell} text-right tabular-nums`}>
              {c.tasksTotal}
              {c.tasksFailed > 0 && (
                <span className="ml-1 font-semibold text-red-700">({c.tasksFailed} failed)</span>
              )}
            </td>
            <td className={cell}>
              {c.topics.map((t) => (
                <Link key={t} to={topicHref(cluster, t)} className="mr-2 text-blue-700 hover:underline">
                  {t}
                </Link>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
