import { useTranslation } from 'react-i18next';
import { useConnectors } from '../../api/connect.ts';
import { ErrorBanner, Notice } from '../../components/ui/Alert.tsx';
import { Muted } from '../../components/ui/Page.tsx';
import { ConnectorsTable } from '../../components/connect/ConnectorsTable.tsx';

/** The connectors that read or write this topic (configured or seen using it), over all Connect clusters. */
export function ConnectorsTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useConnectors(cluster, { topic, perPage: 200 });
  return (
    <div>
      <ErrorBanner error={error} />
      {data?.unavailable.map((u) => (
        <Notice key={u.connect} tone="warn" role="alert">
          {u.message}
        </Notice>
      ))}
      {isLoading && <Muted>{t('connect.loading')}</Muted>}
      {data && (
        <ConnectorsTable
          cluster={cluster}
          connectors={data.items}
          empty={t('connect.noneForTopic', { topic })}
        />
      )}
    </div>
  );
}
