import { useMay } from '../../api/auth.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useConnectors, useConnects } from '../../api/connect.ts';
import { buttonClass } from '../../components/ui/Button.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { formatNumber } from '../../components/ui/format.ts';
import { PageHeader } from '../../components/ui/Page.tsx';
import { Pager } from '../../components/ui/Pager.tsx';
import { SearchBox } from '../../components/ui/SearchBox.tsx';
import { useListAddress } from '../../components/useListAddress.ts';
import { ConnectStatus } from '../../components/connect/ConnectStatus.tsx';
import { ConnectorsLoadState } from '../../components/connect/ConnectorsLoadState.tsx';
import { ConnectorsTable } from '../../components/connect/ConnectorsTable.tsx';

const PER_PAGE = 25;

/** Connectors of every Connect cluster; search, Connect filter and page live in the address. */
export function ConnectorsPage() {
  const { t } = useTranslation();
  const { cluster = '' } = useParams();
  const may = useMay(cluster);
  const { params, q, page, search, setSearch, update } = useListAddress();
  const connect = params.get('connect') ?? '';
  const connects = useConnects(cluster);
  const { data, error, isLoading } = useConnectors(cluster, {
    search: q || undefined,
    connect: connect || undefined,
    page,
    perPage: PER_PAGE,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  return (
    <section>
      <PageHeader
        title={t('connect.title')}
        actions={
          may('admin') && (
            <Link
              to={`/clusters/${encodeURIComponent(cluster)}/connect/new`}
              className={buttonClass('primary')}
            >
              {t('connect.create')}
            </Link>
          )
        }
      />
      <ConnectStatus cluster={cluster} />
      <div className="mb-3 flex flex-wrap items-end gap-4">
        <SearchBox
          label={t('connect.search')}
          placeholder={t('connect.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          label={t('connect.connectCluster')}
          value={connect}
          onChange={(e) => update({ connect: e.target.value, page: null })}
        >
          <option value="">{t('connect.all')}</option>
          {connects.data?.map((c) => (
            <option key={c.name}>{c.name}</option>
          ))}
        </Select>
      </div>
      <ConnectorsLoadState data={data} error={error} isLoading={isLoading} />
      {data && (
        <>
          <ConnectorsTable
            cluster={cluster}
            connectors={data.items}
            empty={q || connect ? t('connect.noMatch') : t('connect.none')}
          />
          <Pager
            page={page}
            pages={pages}
            summary={t('connect.count', { count: data.total, n: formatNumber(data.total) })}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
