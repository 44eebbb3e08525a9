import { useParams } from 'react-router-dom';
import { GROUP_STATES, type GroupState } from '@tributary/contract';
import { useConsumerGroups } from '../api/consumer-groups.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useListAddress } from '../components/useListAddress.ts';
import { Pager } from '../components/Pager.tsx';
import { GroupsTable } from '../components/groups/GroupsTable.tsx';
import { Warnings } from '../components/topics/Warnings.tsx';

const PER_PAGE = 25;
const isState = (s: string | null): s is GroupState => GROUP_STATES.includes(s as GroupState);

/** Search, state filter and page live in the address (`?q=&state=&page=`); the server pages and computes lag. */
export function ConsumerGroupsPage() {
  const { cluster = '' } = useParams();
  const { params, q, page, search, setSearch, update } = useListAddress();
  const state = isState(params.get('state')) ? (params.get('state') as GroupState) : undefined;

  const { data, error, isLoading, isFetching } = useConsumerGroups(cluster, {
    search: q || undefined,
    state,
    page,
    perPage: PER_PAGE,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;

  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Consumer groups</h1>
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <input
          type="search"
          aria-label="Search groups"
          placeholder="Search groups…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="w-72 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          State
          <select
            value={state ?? ''}
            onChange={(e) => update({ state: e.target.value, page: null })}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
          >
            <option value="">Any</option>
            {GROUP_STATES.filter((s) => s !== 'Unknown').map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        {isFetching && !isLoading && <span className="text-xs text-slate-400">refreshing…</span>}
      </div>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Loading consumer groups…</p>}
      {data && (
        <>
          <Warnings warnings={data.warnings} />
          <GroupsTable cluster={cluster} groups={data.items} />
          {data.total === 0 && (
            <p className="mt-3 text-sm text-slate-500">
              {q || state ? 'No group matches.' : 'No consumer groups on this cluster yet.'}
            </p>
          )}
          <Pager
            page={page}
            pages={pages}
            total={data.total}
            noun="group"
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
