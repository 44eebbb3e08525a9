import type { TopicList, TopicListQuery, TopicSortField, TopicSummary } from '@tributary/contract';
import type { TopicMetadata, TopicsGateway } from '../../kafka/topics-gateway.ts';
import { fetchDetails, summarize, type TopicDetails } from './describe.ts';
import { isInternalTopic } from './internal.ts';

const warn = (details: TopicDetails | undefined) =>
  details?.warnings.length ? { warnings: details.warnings } : {};

/** Fields that need offsets or sizes of every matching topic before sorting (slower on big clusters). */
const DETAIL_FIELDS = new Set<TopicSortField>(['sizeBytes', 'messageCount']);

export function compare(field: TopicSortField, desc: boolean) {
  const sign = desc ? -1 : 1;
  return (a: TopicSummary, b: TopicSummary) => {
    const x = a[field];
    const y = b[field];
    // Unknown sizes and counts go last in either direction; ties fall back to the name.
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    return order !== 0 ? sign * order : a.name.localeCompare(b.name);
  };
}

/**
 * One page of topics. Metadata of all topics is one cheap request; offsets and sizes are fetched only for
 * the requested page, unless the sort itself needs them.
 */
export async function listTopics(gateway: TopicsGateway, query: TopicListQuery): Promise<TopicList> {
  const page = query.page ?? 1;
  const perPage = query.perPage ?? 25;
  const sortBy = query.sortBy ?? 'name';
  const desc = query.order === 'desc';
  const search = query.search?.trim().toLowerCase() ?? '';

  const matching = (await gateway.allTopics()).filter(
    (t) =>
      // "__" topics (Tributary's own state, Connect's, vendors') are hidden with Kafka's internal ones.
      (query.showInternal || !(t.internal || isInternalTopic(t.name))) &&
      (!search || t.name.toLowerCase().includes(search)),
  );
  const byName = new Map<string, TopicMetadata>(matching.map((t) => [t.name, t]));
  const start = (page - 1) * perPage;

  if (DETAIL_FIELDS.has(sortBy)) {
    const details = matching.length ? await fetchDetails(gateway, matching) : undefined;
    const rows = matching.map((t) => summarize(t, details)).sort(compare(sortBy, desc));
    return { items: rows.slice(start, start + perPage), total: rows.length, page, perPage, ...warn(details) };
  }
  const pageRows = matching
    .map((t) => summarize(t))
    .sort(compare(sortBy, desc))
    .slice(start, start + perPage);
  const pageTopics = pageRows.map((r) => byName.get(r.name)).filter((t): t is TopicMetadata => !!t);
  const details = pageTopics.length ? await fetchDetails(gateway, pageTopics) : undefined;
  return {
    items: pageTopics.map((t) => summarize(t, details)),
    total: matching.length,
    page,
    perPage,
    ...warn(details),
  };
}
