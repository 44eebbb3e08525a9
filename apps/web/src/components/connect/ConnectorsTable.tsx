import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ConnectorSummary } from '@tributary/contract';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatNumber } from '../ui/format.ts';
import { linkClass } from '../ui/Page.tsx';
import { ClassName, ConnectorStateBadge } from './ConnectorStateBadge.tsx';

export const connectorHref = (cluster: string, connect: string, name: string) =>
  `/clusters/${encodeURIComponent(cluster)}/connect/${encodeURIComponent(connect)}/connectors/${encodeURIComponent(name)}`;

export const topicHref = (cluster: string, topic: string) =>
  `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;

/** Connectors over all Connect clusters: state, failed tasks, and the topics they read or write. */
export function ConnectorsTable({
  cluster,
  connectors,
  empty,
}: {
  cluster: string;
  connectors: ConnectorSummary[];
  empty: string;
}) {
  const { t } = useTranslation();
  const columns: Column<ConnectorSummary>[] = [
    {
      key: 'name',
      header: t('connect.connector'),
      className: 'font-medium break-all',
      cell: (c) => (
        <Link className={linkClass} to={connectorHref(cluster, c.connect, c.name)}>
          {c.name}
        </Link>
      ),
    },
    { key: 'connect', header: t('connect.connect'), cell: (c) => c.connect },
    { key: 'type', header: t('connect.type'), cell: (c) => c.type },
    { key: 'class', header: t('connect.class'), cell: (c) => <ClassName cls={c.class} /> },
    { key: 'state', header: t('connect.state'), cell: (c) => <ConnectorStateBadge state={c.state} /> },
    {
      key: 'tasks',
      header: t('connect.tasks'),
      numeric: true,
      cell: (c) => (
        <>
          {formatNumber(c.tasksTotal)}
          {c.tasksFailed > 0 && (
            <span className="ml-1 font-semibold text-danger">
              {t('connect.failed', { n: formatNumber(c.tasksFailed) })}
            </span>
          )}
        </>
      ),
    },
    {
      key: 'topics',
      header: t('connect.topics'),
      cell: (c) =>
        c.topics.map((topic) => (
          <Link key={topic} to={topicHref(cluster, topic)} className={`mr-2 break-all ${linkClass}`}>
            {topic}
          </Link>
        )),
    },
  ];
  return (
    <DataTable
      label={t('connect.connectorsTable')}
      columns={columns}
      rows={connectors}
      rowKey={(c) => `${c.connect}/${c.name}`}
      empty={empty}
    />
  );
}
