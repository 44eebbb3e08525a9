import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { TOPIC_SORT_FIELDS, type CreatedTopic, type TopicSortField } from '@tributary/contract';
import { useTopics } from '../api/topics.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useListAddress } from '../components/useListAddress.ts';
import { Pager } from '../components/Pager.tsx';
import { plural } from '../components/format.ts';
import { CreateTopicForm } from '../components/topics/CreateTopicForm.tsx';
import { TopicsTable } from '../components/topics/TopicsTable.tsx';
import { Warnings } from '../components/topics/Warnings.tsx';

const PER_PAGE = 25;
const isSortField = (s: string | null): s is TopicSortField =>
  TOPIC_SORT_FIELDS.includes(s as TopicSortField);

/** Search, sort, page and the internal toggle live in the address (`?q=&sort=&order=&page=&internal=1`). */
export function TopicsPage() {
  const { cluster = '' } = useParams();
  const { params, q, page, search, setSearch, update } = useListAddress();
  const sortBy = isSortField(params.get('sort')) ? (params.get('sort') as TopicSortField) : 'name';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const showInternal = params.get('internal') === '1';
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedTopic | null>(null);

  const { data, error, isLoading, isFetching } = useTopics(cluster, {
    search: q || undefined,
    page,
    perPage: PER_PAGE,
    sortBy,
    order,
    showInternal,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  const onSort = (field: TopicSortField) =>
    update({ sort: field, order: field === sortBy && order === 'asc' ? 'desc' : 'asc', page: null });

  return (
    <section>
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Topics</h1>
        {!creating && (
          <button
            type="button"
            onClick={() => {
              setCreating(true);
              setCreated(null);
            }}
            className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
          >
            Create topic
          </button>
        )}
      </div>
      {creating && (
        <CreateTopicForm
          cluster={cluster}
          onCancel={() => setCreating(false)}
          onCreated={(topic) => {
            setCreating(false);
            setCreated(topic);
          }}
        />
      )}
      {created && (
        <div
          role="status"
          className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Created topic{' '}
          <Link
            className="font-medium underline"
            to={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(created.name)}`}
          >
            {created.name}
          </Link>{' '}
          with {plural(created.partitions, 'partition')} and replication factor {created.replicationFactor}.
          {created.warnings.map((w) => (
            <p key={w} className="mt-1 text-amber-800">
              Warning: {w}
            </p>
          ))}
        </div>
      )}
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <input
          type="search"
          aria-label="Search topics"
          placeholder="Search topics…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="w-72 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={showInternal}
            onChange={(e) => update({ internal: e.target.checked ? '1' : null, page: null })}
          />
          Show internal topics
        </label>
        {isFetching && !isLoading && <span className="text-xs text-slate-400">refreshing…</span>}
      </div>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Loading topics…</p>}
      {data && (
        <>
          <Warnings warnings={data.warnings} />
          <TopicsTable cluster={cluster} topics={data.items} sortBy={sortBy} order={order} onSort={onSort} />
          {data.total === 0 && (
            <p className="mt-3 text-sm text-slate-500">{q ? `No topic matches “${q}”.` : 'No topics yet.'}</p>
          )}
          <Pager
            page={page}
            pages={pages}
            total={data.total}
            noun="topic"
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
