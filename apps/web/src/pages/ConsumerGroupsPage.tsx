import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { GROUP_STATES, type GroupState } from '@tributary/contract';
import { useConsumerGroups } from '../api/consumer-groups.ts';
import { ErrorBanner } from '../components/ui/Alert.tsx';
import { ListRefreshStatus, useAutoRefresh } from '../components/ui/AutoRefresh.tsx';
import { Select } from '../components/ui/Field.tsx';
import { formatNumber } from '../components/ui/format.ts';
import { Muted, PageHeader } from '../components/ui/Page.tsx';
import { Pager } from '../components/ui/Pager.tsx';
import { SearchBox } from '../components/ui/SearchBox.tsx';
import { useListAddress } from '../components/useListAddress.ts';
import { GroupsTable } from '../components/groups/GroupsTable.tsx';
import { Warnings } from '../components/topics/Warnings.tsx';

const PER_PAGE = 25;
const isState = (s: string | null): s is GroupState => GROUP_STATES.includes(s as GroupState);

/** Search, state filter and page live in the address (`?q=&state=&page=`); the server pages and computes lag. */
export function ConsumerGroupsPage() {
  const { t } = useTranslation();
  const { cluster = '' } = useParams();
  const { params, q, page, search, setSearch, update } = useListAddress();
  const state = isState(params.get('state')) ? (params.get('state') as GroupState) : undefined;
  const refresh = useAutoRefresh();
  const { data, error, isLoading, isFetching, dataUpdatedAt } = useConsumerGroups(
    cluster,
    { search: q || undefined, state, page, perPage: PER_PAGE },
    refresh.interval,
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;

  return (
    <section>
      <PageHeader title={t('nav.groups')} />
      <div className="mb-3 flex flex-wrap items-end gap-4">
        <SearchBox
          label={t('groups.search')}
          placeholder={t('groups.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          label={t('groups.state')}
          value={state ?? ''}
          onChange={(e) => update({ state: e.target.value, page: null })}
        >
          <option value="">{t('groups.anyState')}</option>
          {GROUP_STATES.filter((s) => s !== 'Unknown').map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
        <ListRefreshStatus
          updatedAt={dataUpdatedAt}
          fetching={isFetching}
          loading={isLoading}
          refresh={refresh}
        />
      </div>
      <ErrorBanner error={error} />
      {isLoading && <Muted>{t('groups.loading')}</Muted>}
      {data && (
        <>
          <Warnings warnings={data.warnings} lead={t('groups.warningsLead')} />
          <GroupsTable
            cluster={cluster}
            groups={data.items}
            empty={q || state ? t('groups.noMatch') : t('groups.none')}
          />
          <Pager
            page={page}
            pages={pages}
            summary={t('groups.count', { count: data.total, n: formatNumber(data.total) })}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
