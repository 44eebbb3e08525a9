import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { BrokerContact, BrokerList } from '@tributary/contract';
import { useBrokers } from '../api/brokers.ts';
import { Badge } from '../components/ui/Badge.tsx';
import { DataTable, type Column } from '../components/ui/DataTable.tsx';
import { formatBytes, formatNumber } from '../components/ui/format.ts';
import { linkClass, PageHeader } from '../components/ui/Page.tsx';
import { formatAgo, formatTimestamp } from '../components/ui/time.ts';
import { usePrefs } from '../prefs.ts';
import { BrokerConfigs } from '../components/brokers/BrokerConfigs.tsx';

type Broker = BrokerList[number];
type T = ReturnType<typeof useTranslation>['t'];

/** When Tributary's own connection attempts last got an answer, and what the last failure said. */
function lastHeard(t: T, contact: BrokerContact | undefined): string {
  if (!contact) return '—';
  const error = contact.lastError ?? t('brokers.noAnswer');
  if (contact.lastHeardAt === null) return t('brokers.neverHeard', { error });
  const when = formatAgo(contact.lastHeardAt);
  return contact.reachable ? when : t('brokers.heardThenFailed', { when, error });
}

/**
 * Brokers table; `?broker=<id>` opens that broker's configuration below it (a shareable address), and
 * `?broker=default` the cluster-wide dynamic defaults.
 */
export function BrokersPage() {
  const { t } = useTranslation();
  const { timeZone } = usePrefs();
  const { cluster = '' } = useParams();
  const [params] = useSearchParams();
  const selected = params.get('broker');
  const selectedId =
    selected === 'default'
      ? ('default' as const)
      : selected !== null && /^\d+$/.test(selected)
        ? Number(selected)
        : undefined;
  const { data, error, isLoading } = useBrokers(cluster);
  const anyOnline = data?.find((b) => b.online)?.id;
  const columns: Column<Broker>[] = [
    {
      key: 'id',
      header: t('brokers.id'),
      className: 'font-medium whitespace-nowrap',
      cell: (b) => (
        <>
          {b.online ? (
            <Link
              className={linkClass}
              to={`?broker=${b.id}`}
              aria-label={t('brokers.configOf', { id: b.id })}
            >
              {b.id}
            </Link>
          ) : (
            b.id
          )}
          {b.controller && (
            <Badge tone="info" className="ml-2">
              {t('brokers.controller')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'host',
      header: t('brokers.host'),
      className: 'font-mono text-xs',
      cell: (b) => (b.host ? `${b.host}:${b.port}` : '—'),
    },
    { key: 'rack', header: t('brokers.rack'), cell: (b) => b.rack ?? '—' },
    {
      key: 'status',
      header: t('brokers.status'),
      cell: (b) => (
        <>
          <Badge tone={b.online ? 'ok' : 'danger'}>
            {b.online ? t('clusters.state.online') : t('clusters.state.offline')}
          </Badge>
          {b.contact && !b.contact.reachable && (
            <Badge tone="danger" className="ml-2" title={b.contact.lastError ?? undefined}>
              {t('brokers.notAnswering')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'lastHeard',
      header: t('brokers.lastHeard'),
      className: 'text-xs whitespace-nowrap',
      title: (b) =>
        b.contact?.lastHeardAt != null ? formatTimestamp(b.contact.lastHeardAt, timeZone) : undefined,
      cell: (b) => lastHeard(t, b.contact),
    },
    {
      key: 'leaders',
      header: t('brokers.leaders'),
      numeric: true,
      cell: (b) => formatNumber(b.partitionsLed),
    },
    { key: 'replicas', header: t('brokers.replicas'), numeric: true, cell: (b) => formatNumber(b.replicas) },
    {
      key: 'disk',
      header: t('brokers.disk'),
      numeric: true,
      title: (b) => (b.diskUsageBytes === null ? undefined : t('common.bytes', { count: b.diskUsageBytes })),
      cell: (b) => formatBytes(b.diskUsageBytes),
    },
  ];
  return (
    <section>
      <PageHeader title={t('nav.brokers')} subtitle={t('brokers.subtitle')} />
      <DataTable
        label={t('nav.brokers')}
        className="max-w-5xl"
        columns={columns}
        rows={data}
        rowKey={(b) => String(b.id)}
        rowClass={(b) => (b.id === selectedId ? 'bg-accent-soft' : '')}
        loading={isLoading}
        error={error}
      />
      <p className="mt-3 text-sm">
        <Link className={linkClass} to="?broker=default">
          {t('brokers.defaults')}
        </Link>
      </p>
      {selectedId !== undefined && (
        <BrokerConfigs key={selectedId} cluster={cluster} id={selectedId} anyBroker={anyOnline} />
      )}
    </section>
  );
}
