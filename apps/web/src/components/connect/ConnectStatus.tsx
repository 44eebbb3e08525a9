import { useConnects } from '../../api/connect.ts';
import { ErrorBanner } from '../ErrorBanner.tsx';

/** Says which Connect clusters are starting or unreachable; silent when all answer. */
export function ConnectStatus({ cluster }: { cluster: string }) {
  const { data, error } = useConnects(cluster);
  if (error) return <ErrorBanner error={error} />;
  if (!data) return null;
  if (data.length === 0)
    return (
      <p className="my-3 text-sm text-slate-500">
        No Kafka Connect cluster is configured for {cluster} (see the README, "Kafka Connect").
      </p>
    );
  return (
    <ul className="my-3 flex flex-wrap gap-2 text-sm" aria-label="Connect clusters">
      {data.map((c) => (
        <li
          key={c.name}
          title={c.error ?? c.url}
          className={`rounded border px-2 py-1 ${c.status === 'online' ? 'border-green-300 bg-green-50 text-green-800' : c.status === 'starting' ? 'border-amber-300 bg-amber-50 text-amber-800' : 'border-red-300 bg-red-50 text-red-800'}`}
        >
          {c.name}: {c.status === 'online' ? `Kafka Connect ${c.version ?? ''}` : c.status}
          {c.status === 'offline' && c.error ? ` — ${c.error}` : ''}
        </li>
      ))}
    </ul>
  );
}
