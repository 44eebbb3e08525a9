import { useMay } from '../api/auth.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { TOPIC_SORT_FIELDS, type CreatedTopic, type TopicSortField } from '@tributary/contract';
import { useTopics } from '../api/topics.ts';
import { ErrorBanner, Notice } from '../components/ui/Alert.tsx';
import { ListRefreshStatus, useAutoRefresh } from '../components/ui/AutoRefresh.tsx';
import { Button } from '../components/ui/Button.tsx';
import { Checkbox } from '../components/ui/Field.tsx';
import { formatNumber } from '../components/ui/format.ts';
import { Muted, PageHeader } from '../components/ui/Page.tsx';
import { Pager } from '../components/ui/Pager.tsx';
import { SearchBox } from '../components/ui/SearchBox.tsx';
import { useListAddress } from '../components/useListAddress.ts';
import { CreateTopicForm } from '../components/topics/CreateTopicForm.tsx';
import { TopicsTable } from '../components/topics/TopicsTable.tsx';
import { Warnings } from '../components/topics/Warnings.tsx';
import { BulkActions } from '../components/topics/BulkActions.tsx';

const PER_PAGE = 25;
const isSortField = (s: string | null): s is TopicSortField =>
  TOPIC_SORT_FIELDS.includes(s as TopicSortField);

/** Search, sort, page and the internal toggle live in the address (`?q=&sort=&order=&page=&internal=1`). */
export function TopicsPage() {
  const { t } = useTranslation();
  const { cluster = '' } = useParams();
  const may = useMay(cluster);
  const { params, q, page, search, setSearch, update } = useListAddress();
  const sortBy = isSortField(params.get('sort')) ? (params.get('sort') as TopicSortField) : 'name';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const showInternal = params.get('internal') === '1';
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedTopic | null>(null);
  const refresh = useAutoRefresh();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const select = (names: string[], on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const n of names) {
        if (on) next.add(n);
        else next.delete(n);
      }
      return next;
    });

  const { data, error, isLoading, isFetching, dataUpdatedAt } = useTopics(
    cluster,
    { search: q || undefined, page, perPage: PER_PAGE, sortBy, order, showInternal },
    refresh.interval,
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  const onSort = (field: TopicSortField) =>
    update({ sort: field, order: field === sortBy && order === 'asc' ? 'desc' : 'asc', page: null });

  return (
    <section>
      <PageHeader
        title={t('nav.topics')}
        actions={
          !creating &&
          may('admin') && (
            <Button
              variant="primary"
              onClick={() => {
                setCreating(true);
                setCreated(null);
              }}
            >
              {t('createTopic.title')}
            </Button>
          )
        }
      />
      {creating && (
        <CreateTopicForm
          cluster={cluster}
          onCancel={() => setCreating(false)}
          onCreated={(topic) => {
            setCreating(false);
            setCreated(topic);
          }}
        />
      )}
      {created && (
        <Notice tone="ok" role="status">
          {t('topics.createdBefore')}{' '}
          <Link
            className="font-medium underline"
            to={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(created.name)}`}
          >
            {created.name}
          </Link>{' '}
          {t('topics.createdAfter', { count: created.partitions, rf: created.replicationFactor })}
          {created.warnings.map((w) => (
            <p key={w} className="mt-1 text-warn">
              {t('topics.warning', { text: w })}
            </p>
          ))}
        </Notice>
      )}
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <SearchBox
          label={t('topics.search')}
          placeholder={t('topics.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Checkbox
          label={t('topics.showInternal')}
          checked={showInternal}
          onChange={(e) => update({ internal: e.target.checked ? '1' : null, page: null })}
        />
        <ListRefreshStatus
          updatedAt={dataUpdatedAt}
          fetching={isFetching}
          loading={isLoading}
          refresh={refresh}
        />
      </div>
      <ErrorBanner error={error} />
      {isLoading && <Muted>{t('topics.loading')}</Muted>}
      {data && (
        <>
          <Warnings warnings={data.warnings} />
          {selected.size > 0 && (
            <BulkActions
              cluster={cluster}
              topics={[...selected].sort()}
              onDone={() => setSelected(new Set())}
            />
          )}
          <TopicsTable
            cluster={cluster}
            topics={data.items}
            sortBy={sortBy}
            order={order}
            onSort={onSort}
            empty={q ? t('topics.noMatch', { q }) : t('topics.none')}
            {...(may('operator') ? { selection: { selected, onChange: select } } : {})}
          />
          <Pager
            page={page}
            pages={pages}
            summary={t('topics.count', { count: data.total, n: formatNumber(data.total) })}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
