import type { TopicList, TopicListQuery, TopicSortField, TopicSummary } from '@tributary/contract';
import type { TopicMetadata, TopicsGateway } from '../../kafka/topics-gateway.ts';
import { fetchDetails, summarize, type TopicDetails } from './describe.ts';

const warn = (details: TopicDetails | undefined) =>
  details?.warnings.length ? { warnings: details.warnings } : {};

/** Fields that need offsets or sizes of every matching topic before sorting (slower on big clusters). */
const DETAIL_FIELDS = new Set<TopicSortField>(['sizeBytes', 'messageCount']);

// The order of String#localeCompare without arguments, without its per-call cost (thousands of names a page).
const byName = new Intl.Collator().compare;

export function compare(field: TopicSortField, desc: boolean) {
  const sign = desc ? -1 : 1;
  return (a: TopicSummary, b: TopicSummary) => {
    const x = a[field];
    const y = b[field];
    // Unknown sizes and counts go last in either direction; ties fall back to the name.
    if (x === null || y === null) return x === y ? byName(a.name, b.name) : x === null ? 1 : -1;
    const order = typeof x === 'string' && typeof y === 'string' ? byName(x, y) : Number(x) - Number(y);
    return order !== 0 ? sign * order : byName(a.name, b.name);
  };
}

interface Listed {
  /** Every topic's row without offsets or sizes, by name. */
  rows: TopicSummary[];
  lowerNames: string[];
  metadata: Map<string, TopicMetadata>;
}

/** Rows of one metadata read, made once: the gateway answers the same array while it is cached. */
const prepared = new WeakMap<TopicMetadata[], Listed>();

function prepare(topics: TopicMetadata[]): Listed {
  let listed = prepared.get(topics);
  if (!listed) {
    const rows = topics.map((t) => summarize(t)).sort(compare('name', false));
    listed = {
      rows,
      lowerNames: rows.map((r) => r.name.toLowerCase()),
      metadata: new Map(topics.map((t) => [t.name, t])),
    };
    prepared.set(topics, listed);
  }
  return listed;
}

/**
 * One page of topics. Which topics match and their order come from metadata of all topics read at most a few
 * seconds ago (TopicsGateway.listedTopics); the page's rows are then described from fresh metadata, with
 * offsets and sizes, unless the sort itself needs offsets or sizes of every matching topic.
 */
export async function listTopics(gateway: TopicsGateway, query: TopicListQuery): Promise<TopicList> {
  const page = query.page ?? 1;
  const perPage = query.perPage ?? 25;
  const sortBy = query.sortBy ?? 'name';
  const desc = query.order === 'desc';
  const search = query.search?.trim().toLowerCase() ?? '';

  const listed = prepare(await gateway.listedTopics());
  // "__" topics (Tributary's own state, Connect's, vendors') are hidden with Kafka's internal ones.
  const matching = listed.rows.filter(
    (r, i) => (query.showInternal || !r.internal) && (!search || listed.lowerNames[i]!.includes(search)),
  );
  const start = (page - 1) * perPage;

  if (DETAIL_FIELDS.has(sortBy)) {
    const topics = matching.map((r) => listed.metadata.get(r.name)!);
    const details = topics.length ? await fetchDetails(gateway, topics) : undefined;
    const rows = topics.map((t) => summarize(t, details)).sort(compare(sortBy, desc));
    return { items: rows.slice(start, start + perPage), total: rows.length, page, perPage, ...warn(details) };
  }
  // Names are unique, so by name descending is the reverse of the (already sorted) ascending order.
  const sorted =
    sortBy === 'name'
      ? desc
        ? [...matching].reverse()
        : matching
      : [...matching].sort(compare(sortBy, desc));
  const { topics: pageTopics, snapshot } = await gateway.topicsNamed(
    sorted.slice(start, start + perPage).map((r) => r.name),
  );
  const details = pageTopics.length ? await fetchDetails(gateway, pageTopics, snapshot) : undefined;
  return {
    items: pageTopics.map((t) => summarize(t, details)),
    total: matching.length,
    page,
    perPage,
    ...warn(details),
  };
}
