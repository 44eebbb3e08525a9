import { useConnectors } from '../../api/connect.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ConnectorsTable } from '../../components/connect/ConnectorsTable.tsx';

/** The connectors that read or write this topic (configured or seen using it), over all Connect clusters. */
export function ConnectorsTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isLoading } = useConnectors(cluster, { topic, perPage: 200 });
  return (
    <div>
      <ErrorBanner error={error} />
      {isLoading && <p className="text-slate-500">Loading connectors…</p>}
      {data && data.total === 0 && (
        <p className="text-sm text-slate-500">No connector reads or writes {topic}.</p>
      )}
      {data && data.total > 0 && <ConnectorsTable cluster={cluster} connectors={data.items} />}
    </div>
  );
}
