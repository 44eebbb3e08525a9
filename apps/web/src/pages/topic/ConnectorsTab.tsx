import { useTranslation } from 'react-i18next';
import { useConnectors } from '../../api/connect.ts';
import { ConnectorsLoadState } from '../../components/connect/ConnectorsLoadState.tsx';
import { ConnectorsTable } from '../../components/connect/ConnectorsTable.tsx';

/** The connectors that read or write this topic (configured or seen using it), over all Connect clusters. */
export function ConnectorsTab({ cluster, topic }: { cluster: string; topic: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useConnectors(cluster, { topic, perPage: 200 });
  return (
    <div>
      <ConnectorsLoadState data={data} error={error} isLoading={isLoading} />
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
