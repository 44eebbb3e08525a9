import { Link, useParams } from 'react-router-dom';
import { useConnectors, useConnects } from '../../api/connect.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useListAddress } from '../../components/useListAddress.ts';
import { ConnectStatus } from '../../components/connect/ConnectStatus.tsx';
import { ConnectorsTable } from '../../components/connect/ConnectorsTable.tsx';

const PER_PAGE = 25;

/** Connectors of every Connect cluster; search, Connect filter and page live in the address. */
export function ConnectorsPage() {
  const { cluster = '' } = useParams();
  const { params, q, page, search, setSearch, update } = useListAddress();
  const connect = params.get('connect') ?? '';
  const connects = useConnects(cluster);
  const { data, error, isLoading } = useConnectors(cluster, {
    search: q || undefined,
    connect: connect || undefined,
    page,
    perPage: PER_PAGE,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  return (
    <section>
      <div className="mb-2 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Kafka Connect</h1>
        <Link
          to={`/clusters/${encodeURIComponent(cluster)}/connect/new`}
          className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
        >
          Create connector
        </Link>
      </div>
      <ConnectStatus cluster={cluster} />
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <input
          type="search"
          aria-label="Search connectors"
          placeholder="Search connectors…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="w-72 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Connect cluster
          <select
            value={connect}
            onChange={(e) => update({ connect: e.target.value, page: null })}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
          >
            <option value="">All</option>
            {connects.data?.map((c) => (
              <option key={c.name}>{c.name}</option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner error={error} />
      {data?.unavailable.map((u) => (
        <p key={u.connect} role="alert" className="my-2 text-sm text-amber-800">
          {u.message}
        </p>
      ))}
      {isLoading && <p className="text-slate-500">Loading connectors…</p>}
      {data && (
        <>
          <ConnectorsTable cluster={cluster} connectors={data.items} />
          {data.total === 0 && (
            <p className="mt-3 text-sm text-slate-500">
              {q || connect ? 'No connector matches.' : 'No connectors yet.'}
            </p>
          )}
          <Pager
            page={page}
            pages={pages}
            total={data.total}
            noun="connector"
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
