import { useTranslation } from 'react-i18next';
import { useConnects } from '../../api/connect.ts';
import { ErrorBanner } from '../ui/Alert.tsx';
import { Muted } from '../ui/Page.tsx';

const TONES = {
  online: 'border-ok bg-ok-soft',
  starting: 'border-warn bg-warn-soft',
  offline: 'border-danger bg-danger-soft',
};

/** Says which Connect clusters are starting or unreachable; silent when all answer. */
export function ConnectStatus({ cluster }: { cluster: string }) {
  const { t } = useTranslation();
  const { data, error } = useConnects(cluster);
  if (error) return <ErrorBanner error={error} />;
  if (!data) return null;
  if (data.length === 0) return <Muted className="my-3">{t('connect.noCluster', { cluster })}</Muted>;
  return (
    <ul className="my-3 flex flex-wrap gap-2 text-sm" aria-label={t('connect.clusters')}>
      {data.map((c) => (
        <li
          key={c.name}
          title={c.error ?? c.url}
          className={`max-w-full rounded border px-2 py-1 break-words text-fg ${TONES[c.status]}`}
        >
          {c.name}:{' '}
          {c.status === 'online'
            ? t('connect.online', { version: c.version ?? '' })
            : t(`connect.status.${c.status}`)}
          {c.status === 'offline' && c.error ? ` — ${c.error}` : ''}
        </li>
      ))}
    </ul>
  );
}
