import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ClusterList } from '@tributary/contract';
import { useClusters } from '../api/clusters.ts';
import { Badge } from '../components/ui/Badge.tsx';
import { DataTable, type Column } from '../components/ui/DataTable.tsx';
import { formatNumber } from '../components/ui/format.ts';
import { linkClass, PageHeader } from '../components/ui/Page.tsx';

type Cluster = ClusterList[number];

export function ClustersPage() {
  const { t } = useTranslation();
  const { data, error, isLoading } = useClusters();
  const columns: Column<Cluster>[] = [
    {
      key: 'name',
      header: t('clusters.name'),
      className: 'font-medium',
      cell: (c) => (
        <Link className={linkClass} to={`/clusters/${encodeURIComponent(c.name)}`}>
          {c.name}
        </Link>
      ),
    },
    {
      key: 'bootstrap',
      header: t('clusters.bootstrap'),
      className: 'font-mono text-xs break-all',
      cell: (c) => c.bootstrapServers.join(', '),
    },
    {
      key: 'brokers',
      header: t('clusters.brokers'),
      numeric: true,
      cell: (c) => formatNumber(c.brokerCount),
    },
    {
      key: 'status',
      header: t('clusters.status'),
      cell: (c) => (
        <Badge tone={c.status === 'online' ? 'ok' : 'danger'} title={c.error}>
          {t(`clusters.state.${c.status}`)}
        </Badge>
      ),
    },
  ];
  return (
    <section>
      <PageHeader title={t('clusters.title')} />
      <DataTable
        label={t('clusters.title')}
        className="max-w-4xl"
        columns={columns}
        rows={data}
        rowKey={(c) => c.name}
        loading={isLoading}
        error={error}
      />
    </section>
  );
}
