import { useTranslation } from 'react-i18next';
import type { ConnectorList } from '@tributary/contract';
import { ErrorBanner, Notice } from '../ui/Alert.tsx';
import { Muted } from '../ui/Page.tsx';

/** Above a connectors table: the request's error, a warning per Connect cluster that did not answer, loading. */
export function ConnectorsLoadState({
  data,
  error,
  isLoading,
}: {
  data: ConnectorList | undefined;
  error: unknown;
  isLoading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorBanner error={error} />
      {data?.unavailable.map((u) => (
        <Notice key={u.connect} tone="warn" role="alert">
          {u.message}
        </Notice>
      ))}
      {isLoading && <Muted>{t('connect.loading')}</Muted>}
    </>
  );
}
