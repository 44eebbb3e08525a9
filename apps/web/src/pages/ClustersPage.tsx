import { Link } from 'react-router-dom';
import { useClusters } from '../api/clusters.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

export function ClustersPage() {
  const { data, error, isLoading } = useClusters();
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Clusters</h1>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Loading clusters…</p>}
      {data && (
        <table className="w-full max-w-4xl border-collapse overflow-hidden rounded bg-white text-left text-sm shadow">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Bootstrap servers</th>
              <th className="px-3 py-2">Brokers</th>
              <th className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.map((cluster) => (
              <tr key={cluster.name} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">
                  <Link
                    className="text-blue-700 hover:underline"
                    to={`/clusters/${encodeURIComponent(cluster.name)}`}
                  >
                    {cluster.name}
                  </Link>
                </td>
                <td className="px-3 py-2 font-mono text-xs">{cluster.bootstrapServers.join(', ')}</td>
                <td className="px-3 py-2">{cluster.brokerCount}</td>
                <td className="px-3 py-2">
                  <span
                    className={`rounded px-2 py-0.5 text-xs ${cluster.status === 'online' ? 'bg-green-100 text-green-800' : 'bg-red-100 text-red-800'}`}
                    title={cluster.error}
                  >
                    {cluster.status}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
