import { useAlterTopicConfigs, useTopicConfigs } from '../../api/topics.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ConfigTable } from '../../components/topics/ConfigTable.tsx';

/** `kafka-configs --describe --all` for the topic; overrides highlighted, edited one value at a time. */
export function ConfigurationTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isLoading } = useTopicConfigs(cluster, topic);
  const alter = useAlterTopicConfigs(cluster, topic);
  const overrides = data?.filter((c) => c.source === 'topic').length ?? 0;
  return (
    <div>
      <ErrorBanner error={error} />
      <ErrorBanner error={alter.error} />
      {isLoading && <p className="text-slate-500">Loading configuration…</p>}
      {data && (
        <>
          <p className="mb-3 text-sm text-slate-600">
            {overrides === 0
              ? 'No overrides: every value comes from the broker or Kafka’s defaults.'
              : `${overrides} topic override${overrides === 1 ? '' : 's'} (highlighted). Reset one to fall back to the broker or default value.`}
          </p>
          <ConfigTable
            label="Topic configuration"
            configs={data}
            editing={{
              pending: alter.isPending,
              onSave: (name, value) => alter.mutateAsync({ set: { [name]: value } }),
              onReset: (name) => alter.mutateAsync({ reset: [name] }),
              onDiscard: () => alter.reset(),
            }}
          />
        </>
      )}
    </div>
  );
}
