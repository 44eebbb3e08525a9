import { useMay } from '../../api/auth.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ConnectorAction, ConnectorTask } from '@tributary/contract';
import { useConnector, useConnectorAction, useDeleteConnector, useRestartTask } from '../../api/connect.ts';
import { ErrorBanner } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';
import { DataTable } from '../../components/ui/DataTable.tsx';
import { linkClass, Muted, PageHeader, Section } from '../../components/ui/Page.tsx';
import { ClassName, ConnectorStateBadge } from '../../components/connect/ConnectorStateBadge.tsx';
import { topicHref } from '../../components/connect/ConnectorsTable.tsx';
import { ConfigView } from '../../components/connect/ConfigView.tsx';

/** One connector: state, actions with confirmations, tasks with folded traces, topics, config. */
export function ConnectorPage() {
  const { t } = useTranslation();
  const { cluster = '', connect = '', name = '' } = useParams();
  const may = useMay(cluster);
  const navigate = useNavigate();
  const { data, error, isLoading } = useConnector(cluster, connect, name);
  const act = useConnectorAction(cluster, connect, name);
  const restartTask = useRestartTask(cluster, connect, name);
  const remove = useDeleteConnector(cluster, connect, name);
  const [asking, setAsking] = useState<ConnectorAction | 'delete' | null>(null);
  const listHref = `/clusters/${encodeURIComponent(cluster)}/connect`;

  const available: ConnectorAction[] =
    data?.state === 'PAUSED'
      ? ['resume', 'stop', 'restart']
      : data?.state === 'STOPPED'
        ? ['resume']
        : ['pause', 'stop', 'restart'];

  return (
    <section>
      <p className="mb-1 text-sm break-all">
        <Link to={listHref} className={linkClass}>
          {t('connect.title')}
        </Link>{' '}
        / {connect}
      </p>
      <PageHeader
        title={name}
        badges={data && <ConnectorStateBadge state={data.state} />}
        subtitle={
          data && (
            <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span>{data.type}</span>
              <ClassName cls={data.class} />
              <span>{t('connector.worker', { id: data.workerId || '—' })}</span>
            </span>
          )
        }
        actions={
          data && (
            <>
              {may('operator') &&
                available.map((a) => (
                  <Button key={a} onClick={() => setAsking(a)}>
                    {t(`connector.action.${a}`)}
                  </Button>
                ))}
              {may('admin') && (
                <Button variant="danger-outline" onClick={() => setAsking('delete')}>
                  {t('connector.delete')}
                </Button>
              )}
            </>
          )
        }
      />
      <ErrorBanner error={error} />
      {isLoading && <Muted>{t('connector.loading')}</Muted>}
      {data && (
        <>
          {data.trace && (
            <details className="mb-4 rounded border-l-4 border-danger bg-danger-soft p-2 text-sm text-fg">
              <summary className="cursor-pointer">{t('connector.failedTrace')}</summary>
              <pre className="mt-2 overflow-x-auto text-xs whitespace-pre-wrap">{data.trace}</pre>
            </details>
          )}
          <Section title={t('connector.topics')}>
            {data.topics.length === 0 ? (
              <Muted>{t('connector.noTopic')}</Muted>
            ) : (
              <ul className="flex flex-wrap gap-3 text-sm">
                {data.topics.map((topic) => (
                  <li key={topic} className="break-all">
                    <Link to={topicHref(cluster, topic)} className={linkClass}>
                      {topic}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('connector.tasks')}>
            <ErrorBanner error={restartTask.error} />
            <DataTable<ConnectorTask>
              label={t('connector.tasks')}
              rows={data.tasks}
              rowKey={(task) => String(task.id)}
              columns={[
                { key: 'id', header: t('connector.task'), numeric: true, cell: (task) => task.id },
                {
                  key: 'state',
                  header: t('connector.state'),
                  cell: (task) => <ConnectorStateBadge state={task.state} />,
                },
                {
                  key: 'worker',
                  header: t('connector.workerColumn'),
                  className: 'break-all',
                  cell: (task) => task.workerId,
                },
                {
                  key: 'actions',
                  header: t('common.actions'),
                  cell: (task) =>
                    may('operator') && (
                      <Button size="sm" onClick={() => restartTask.mutate(task.id)}>
                        {t('connector.restartTask', { id: task.id })}
                      </Button>
                    ),
                },
                {
                  key: 'trace',
                  header: t('connector.trace'),
                  className: 'min-w-64',
                  cell: (task) =>
                    task.trace && (
                      <details>
                        <summary className="cursor-pointer text-danger">{task.trace.split('\n')[0]}</summary>
                        <pre className="mt-2 overflow-x-auto text-xs whitespace-pre-wrap">{task.trace}</pre>
                      </details>
                    ),
                },
              ]}
            />
          </Section>
          <Section title={t('connector.configuration')}>
            <ConfigView config={data.config} />
          </Section>
        </>
      )}
      {asking === 'delete' && (
        <ConfirmDialog
          title={t('connector.deleteTitle', { name })}
          confirmLabel={t('connector.deleteConfirm')}
          danger
          typeToConfirm={name}
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => setAsking(null)}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(listHref) })}
        >
          <p>{t('connector.deleteSays', { connect })}</p>
        </ConfirmDialog>
      )}
      {asking && asking !== 'delete' && (
        <ConfirmDialog
          title={t(`connector.actionTitle.${asking}`, { name })}
          confirmLabel={t(`connector.actionConfirm.${asking}`)}
          pending={act.isPending}
          error={act.error}
          onCancel={() => setAsking(null)}
          onConfirm={() =>
            act.mutate(
              {
                action: asking,
                ...(asking === 'restart' ? { query: '?includeTasks=true&onlyFailed=true' } : {}),
              },
              { onSuccess: () => setAsking(null) },
            )
          }
        >
          <p>{t(`connector.says.${asking}`)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
