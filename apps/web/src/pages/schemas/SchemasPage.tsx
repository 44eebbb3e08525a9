import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { SubjectSummary } from '@tributary/contract';
import { useSubjects } from '../../api/schemas.ts';
import { buttonClass } from '../../components/ui/Button.tsx';
import { DataTable, type Column } from '../../components/ui/DataTable.tsx';
import { formatNumber } from '../../components/ui/format.ts';
import { linkClass, PageHeader } from '../../components/ui/Page.tsx';
import { Pager } from '../../components/ui/Pager.tsx';
import { SearchBox } from '../../components/ui/SearchBox.tsx';
import { useListAddress } from '../../components/useListAddress.ts';

const PER_PAGE = 25;

export const subjectHref = (cluster: string, subject: string) =>
  `/clusters/${encodeURIComponent(cluster)}/schemas/${encodeURIComponent(subject)}`;

/** The subjects of the cluster's Schema Registry; search and page live in the address. */
export function SchemasPage() {
  const { t } = useTranslation();
  const { cluster = '' } = useParams();
  const { q, page, search, setSearch, update } = useListAddress();
  const { data, error, isLoading } = useSubjects(cluster, {
    search: q || undefined,
    page,
    perPage: PER_PAGE,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  const columns: Column<SubjectSummary>[] = [
    {
      key: 'subject',
      header: t('schemas.subject'),
      className: 'font-medium break-all',
      cell: (s) => (
        <Link className={linkClass} to={subjectHref(cluster, s.subject)}>
          {s.subject}
        </Link>
      ),
    },
    { key: 'version', header: t('schemas.latestVersion'), numeric: true, cell: (s) => s.latestVersion },
    { key: 'id', header: t('schemas.id'), numeric: true, cell: (s) => s.latestId },
    { key: 'type', header: t('schemas.type'), cell: (s) => s.type },
    { key: 'compatibility', header: t('schemas.compatibility'), cell: (s) => s.compatibility ?? '—' },
  ];
  return (
    <section>
      <PageHeader
        title={t('schemas.title')}
        subtitle={
          data?.globalCompatibility ? t('schemas.global', { level: data.globalCompatibility }) : undefined
        }
        actions={
          <Link
            to={`/clusters/${encodeURIComponent(cluster)}/schemas/new`}
            className={buttonClass('primary')}
          >
            {t('schemas.create')}
          </Link>
        }
      />
      <div className="mb-3">
        <SearchBox
          label={t('schemas.search')}
          placeholder={t('schemas.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <DataTable
        label={t('schemas.title')}
        columns={columns}
        rows={data?.items}
        rowKey={(s) => s.subject}
        loading={isLoading}
        error={error}
        empty={q ? t('schemas.noMatch') : t('schemas.none')}
      />
      {data && (
        <Pager
          page={page}
          pages={pages}
          summary={t('schemas.count', { count: data.total, n: formatNumber(data.total) })}
          onPage={(p) => update({ page: String(p) })}
        />
      )}
    </section>
  );
}
