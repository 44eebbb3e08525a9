import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { BrokerContact } from '@tributary/contract';
import { useBrokerConfigs, useBrokers } from '../api/brokers.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatBytes, formatNumber } from '../components/format.ts';
import { ConfigTable } from '../components/topics/ConfigTable.tsx';

/** When Tributary last heard from the broker, from its own connection attempts. */
function lastHeard(contact: BrokerContact | undefined): string {
  if (!contact) return '—';
  if (contact.lastHeardAt === null) return `never (${contact.lastError ?? 'no answer'})`;
  const ago = Math.max(0, Math.round((Date.now() - contact.lastHeardAt) / 1000));
  const when = ago < 2 ? 'just now' : `${ago} s ago`;
  return contact.reachable ? when : `${when} · now ${contact.lastError ?? 'no answer'}`;
}

/** Brokers table; `?broker=<id>` opens that broker's configuration below it (a shareable address). */
export function BrokersPage() {
  const { cluster = '' } = useParams();
  const [params] = useSearchParams();
  const selected = params.get('broker');
  const selectedId = selected !== null && /^\d+$/.test(selected) ? Number(selected) : undefined;
  const { data, error, isLoading } = useBrokers(cluster);
  const configs = useBrokerConfigs(cluster, selectedId);
  return (
    <section>
      <h1 className="mb-1 text-2xl font-semibold">Brokers</h1>
      <p className="mb-4 text-sm text-slate-500">Pick a broker id to see its configuration.</p>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Asking the brokers…</p>}
      {data && (
        <table
          aria-label="Brokers"
          className="w-full max-w-5xl border-collapse rounded bg-white text-left text-sm shadow"
        >
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th className="px-3 py-2">ID</th>
              <th className="px-3 py-2">Host</th>
              <th className="px-3 py-2">Rack</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Last heard</th>
              <th className="px-3 py-2 text-right">Leaders</th>
              <th className="px-3 py-2 text-right">Replicas</th>
              <th className="px-3 py-2 text-right">Disk usage</th>
            </tr>
          </thead>
          <tbody>
            {data.map((b) => (
              <tr
                key={b.id}
                className={`border-t border-slate-100 ${b.id === selectedId ? 'bg-blue-50' : ''}`}
              >
                <td className="px-3 py-2 font-medium">
                  {b.online ? (
                    <Link
                      className="text-blue-700 hover:underline"
                      to={`?broker=${b.id}`}
                      aria-label={`Broker ${b.id} configuration`}
                    >
                      {b.id}
                    </Link>
                  ) : (
                    b.id
                  )}
                  {b.controller && (
                    <span className="ml-2 rounded bg-indigo-100 px-1.5 py-0.5 text-xs text-indigo-800">
                      controller
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{b.host ? `${b.host}:${b.port}` : '—'}</td>
                <td className="px-3 py-2">{b.rack ?? '—'}</td>
                <td className="px-3 py-2">
                  <span
                    className={`rounded px-2 py-0.5 text-xs ${b.online ? 'bg-green-100 text-green-800' : 'bg-red-100 text-red-800'}`}
                  >
                    {b.online ? 'online' : 'offline'}
                  </span>
                  {b.contact && !b.contact.reachable && (
                    <span
                      className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-800"
                      title={b.contact.lastError ?? undefined}
                    >
                      not answering
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 text-xs" title={b.contact?.lastError ?? undefined}>
                  {lastHeard(b.contact)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(b.partitionsLed)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(b.replicas)}</td>
                <td
                  className="px-3 py-2 text-right tabular-nums"
                  title={b.diskUsageBytes === null ? undefined : `${b.diskUsageBytes} bytes`}
                >
                  {formatBytes(b.diskUsageBytes)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selectedId !== undefined && (
        <section className="mt-8 max-w-5xl">
          <h2 className="mb-2 text-lg font-semibold">Broker {selectedId} configuration</h2>
          <ErrorBanner error={configs.error} />
          {configs.isLoading && <p className="text-slate-500">Loading configuration…</p>}
          {configs.data && (
            <ConfigTable label={`Broker ${selectedId} configuration`} configs={configs.data} />
          )}
        </section>
      )}
    </section>
  );
}
