import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ConnectorAction } from '@tributary/contract';
import { useConnector, useConnectorAction, useDeleteConnector, useRestartTask } from '../../api/connect.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ClassName, ConnectorStateBadge } from '../../components/connect/ConnectorStateBadge.tsx';
import { topicHref } from '../../components/connect/ConnectorsTable.tsx';
import { ConfigView } from '../../components/connect/ConfigView.tsx';

const ACTIONS: Record<ConnectorAction, { label: string; says: string }> = {
  pause: { label: 'Pause', says: 'Its tasks stop moving records until you resume it.' },
  resume: { label: 'Resume', says: 'Its tasks start moving records again from where they were.' },
  stop: {
    label: 'Stop',
    says: 'Its tasks are shut down (their resources freed); its offsets can then be reset. Resume starts it again.',
  },
  restart: { label: 'Restart', says: 'Restarts the connector and its failed tasks.' },
};

/** One connector: state, actions with confirmations, tasks with folded traces, topics, config. */
export function ConnectorPage() {
  const { cluster = '', connect = '', name = '' } = useParams();
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
      <p className="mb-1 text-sm">
        <Link to={listHref} className="text-blue-700 hover:underline">
          Kafka Connect
        </Link>{' '}
        / {connect}
      </p>
      <h1 className="mb-2 text-2xl font-semibold break-all">{name}</h1>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Loading connector…</p>}
      {data && (
        <>
          <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
            <ConnectorStateBadge state={data.state} />
            <span>{data.type}</span>
            <ClassName cls={data.class} />
            <span className="text-slate-500">worker {data.workerId || '—'}</span>
            <span className="flex-1" />
            {available.map((a) => (
              <button
                key={a}
                type="button"
                onClick={() => setAsking(a)}
                className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50"
              >
                {ACTIONS[a].label}
              </button>
            ))}
            <button
              type="button"
              onClick={() => setAsking('delete')}
              className="rounded border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50"
            >
              Delete
            </button>
          </div>
          {data.trace && (
            <details className="mb-3 rounded border border-red-200 bg-red-50 p-2 text-sm">
              <summary className="cursor-pointer text-red-800">The connector failed: show the trace</summary>
              <pre className="mt-2 overflow-x-auto text-xs whitespace-pre-wrap">{data.trace}</pre>
            </details>
          )}
          <h2 className="mt-4 mb-2 text-lg font-semibold">Topics</h2>
          {data.topics.length === 0 ? (
            <p className="text-sm text-slate-500">No topic yet.</p>
          ) : (
            <ul className="flex flex-wrap gap-3 text-sm">
              {data.topics.map((t) => (
                <li key={t}>
                  <Link to={topicHref(cluster, t)} className="text-blue-700 hover:underline">
                    {t}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <h2 className="mt-4 mb-2 text-lg font-semibold">Tasks</h2>
          <ErrorBanner error={restartTask.error} />
          <table aria-label="Tasks" className="w-full border-collapse bg-white text-left text-sm shadow">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                <th className="px-3 py-2">Task</th>
                <th className="px-3 py-2">State</th>
                <th className="px-3 py-2">Worker</th>
                <th className="px-3 py-2">Trace</th>
                <th className="px-3 py-2" />
              </tr>
            </thead>
            <tbody>
              {data.tasks.map((t) => (
                <tr key={t.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">{t.id}</td>
                  <td className="px-3 py-2">
                    <ConnectorStateBadge state={t.state} />
                  </td>
                  <td className="px-3 py-2">{t.workerId}</td>
                  <td className="px-3 py-2">
                    {t.trace && (
                      <details>
                        <summary className="cursor-pointer text-red-800">{t.trace.split('\n')[0]}</summary>
                        <pre className="mt-2 overflow-x-auto text-xs whitespace-pre-wrap">{t.trace}</pre>
                      </details>
                    )}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <button
                      type="button"
                      onClick={() => restartTask.mutate(t.id)}
                      className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                    >
                      Restart task {t.id}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="mt-4 mb-2 text-lg font-semibold">Configuration</h2>
          <ConfigView config={data.config} />
        </>
      )}
      {asking === 'delete' && (
        <ConfirmDialog
          title={`Delete connector ${name}?`}
          confirmLabel="Delete connector"
          danger
          typeToConfirm={name}
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => setAsking(null)}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(listHref) })}
        >
          <p>
            Stops its tasks and removes its configuration from {connect}. The topics and their messages stay.
          </p>
        </ConfirmDialog>
      )}
      {asking && asking !== 'delete' && (
        <ConfirmDialog
          title={`${ACTIONS[asking].label} connector ${name}?`}
          confirmLabel={`${ACTIONS[asking].label} connector`}
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
          <p>{ACTIONS[asking].says}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
