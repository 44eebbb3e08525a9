import { useTranslation } from 'react-i18next';
import { useMay } from '../../api/auth.ts';
import { useAlterTopicConfigs, useTopicConfigs } from '../../api/topics.ts';
import { ErrorBanner } from '../../components/ui/Alert.tsx';
import { Muted } from '../../components/ui/Page.tsx';
import { ConfigTable } from '../../components/topics/ConfigTable.tsx';

/** `kafka-configs --describe --all` for the topic; overrides highlighted, edited one value at a time. */
export function ConfigurationTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useTopicConfigs(cluster, topic);
  const alter = useAlterTopicConfigs(cluster, topic);
  const may = useMay(cluster);
  const overrides = data?.filter((c) => c.source === 'topic').length ?? 0;
  return (
    <div>
      <ErrorBanner error={error} />
      <ErrorBanner error={alter.error} />
      {isLoading && <Muted>{t('common.loading')}</Muted>}
      {data && (
        <>
          <Muted className="mb-3">
            {overrides === 0 ? t('configs.noOverrides') : t('configs.overrides', { count: overrides })}
          </Muted>
          <ConfigTable
            label={t('configs.topicLabel')}
            configs={data}
            of="topic"
            // Changing a config needs the admin role: without it, no Edit or Reset buttons.
            {...(may('admin')
              ? {
                  editing: {
                    pending: alter.isPending,
                    onSave: (name: string, value: string) => alter.mutateAsync({ set: { [name]: value } }),
                    onReset: (name: string) => alter.mutateAsync({ reset: [name] }),
                    onDiscard: () => alter.reset(),
                  },
                }
              : {})}
          />
        </>
      )}
    </div>
  );
}
