import type { GroupList, GroupListQuery, GroupSummary } from '@tributary/contract';
import type { GroupsGateway } from '../../kafka/groups-gateway.ts';
import { groupTopics, partitionLag, type Committed } from './describe.ts';
import { normalizeState } from './state.ts';
import { DomainError } from '../errors.ts';

/** A broker that does not answer, or a coordinator that is moving (right after a broker was fenced). */
const unavailable = (error: unknown): error is DomainError =>
  error instanceof DomainError &&
  (error.code === 'KAFKA_UNAVAILABLE' ||
    /COORDINATOR|LOAD_IN_PROGRESS/.test(String(error.details?.kafkaError ?? '')));

// String#localeCompare's order without its per-call cost (thousands of groups per page).
const byId = new Intl.Collator().compare;

interface PageDetails {
  members: Map<string, PageMembers>;
  committed: Map<string, Committed>;
  /** Groups whose coordinator did not answer. */
  unknown: Set<string>;
}

/**
 * Members and committed offsets of the page's groups, batched. When a coordinator does not answer, each group
 * is asked on its own, so only the groups of that coordinator stay unknown (each named in a warning).
 */
async function detailsOf(
  groups: GroupsGateway,
  rows: { groupId: string; type: string; state: string }[],
  warnings: string[],
): Promise<PageDetails> {
  const ids = rows.map((r) => r.groupId);
  try {
    const [members, committed] = await Promise.all([membersOf(groups, rows), groups.committedOffsets(ids)]);
    return { members, committed, unknown: new Set() };
  } catch (error) {
    if (!unavailable(error)) throw error;
  }
  const details: PageDetails = { members: new Map(), committed: new Map(), unknown: new Set() };
  await Promise.all(
    rows.map(async (row) => {
      try {
        const [members, committed] = await Promise.all([
          membersOf(groups, [row]),
          groups.committedOffsets([row.groupId]),
        ]);
        for (const [id, m] of members) details.members.set(id, m);
        for (const [id, c] of committed) details.committed.set(id, c);
      } catch (error) {
        if (!unavailable(error)) throw error;
        details.unknown.add(row.groupId);
        warnings.push(`Members and lag of group "${row.groupId}" are unknown: ${error.message}`);
      }
    }),
  );
  return details;
}

/**
 * Log-end offsets of the page's topics, all at once; a topic whose leaders do not answer leaves its lag unknown,
 * with a warning.
 */
async function boundsOf(groups: GroupsGateway, topics: Set<string>, warnings: string[]) {
  try {
    const { bounds, unknown } = await groups.topicBoundsBatched(topics);
    for (const [topic, reason] of unknown) warnings.push(`Lag on topic "${topic}" is unknown: ${reason}`);
    return bounds;
  } catch (error) {
    if (!unavailable(error)) throw error;
    for (const topic of topics) warnings.push(`Lag on topic "${topic}" is unknown: ${error.message}`);
    return new Map<string, Map<number, { low: number; high: number }>>();
  }
}

interface PageMembers {
  count: number;
  topics: string[];
}

/** Members (and their assigned topics) of the page's groups: one batched describe per protocol. */
async function membersOf(
  groups: GroupsGateway,
  rows: { groupId: string; type: string; state: string }[],
): Promise<Map<string, PageMembers>> {
  const live = rows.filter((r) => r.state !== 'Empty' && r.state !== 'Dead');
  const [classic, modern] = await Promise.all([
    groups.describeClassic(live.filter((r) => r.type === 'classic').map((r) => r.groupId)),
    groups.describeConsumerProtocol(live.filter((r) => r.type === 'consumer').map((r) => r.groupId)),
  ]);
  const out = new Map<string, PageMembers>();
  for (const g of classic.values())
    out.set(g.groupId, {
      count: g.members.length,
      topics: g.members.flatMap((m) => m.assignments.map((a) => a.topic)),
    });
  for (const g of modern.values())
    out.set(g.groupId, {
      count: g.members.length,
      topics: g.members.flatMap((m) => m.assignment.map((a) => a.topicName)),
    });
  return out;
}

/**
 * Server-side paging over ListGroups (cheap even with thousands of groups); members, topics and lag are
 * computed only for the rows of the requested page.
 */
export async function listConsumerGroups(groups: GroupsGateway, query: GroupListQuery): Promise<GroupList> {
  const page = query.page ?? 1;
  const perPage = query.perPage ?? 25;
  const search = query.search?.trim().toLowerCase() ?? '';
  const listed = await groups.list();
  const warnings = listed.failed.map(
    ({ broker, error }) => `Groups coordinated by broker ${broker} are not listed: ${error.message}`,
  );
  const all = listed.groups
    .map((g) => ({ groupId: g.groupId, type: g.type, state: normalizeState(g.rawState) }))
    .filter(
      (g) =>
        (!search || g.groupId.toLowerCase().includes(search)) && (!query.state || g.state === query.state),
    )
    .sort((a, b) => byId(a.groupId, b.groupId));
  const rows = all.slice((page - 1) * perPage, page * perPage);
  const { members, committed } = await detailsOf(groups, rows, warnings);
  const topics = new Set<string>();
  for (const offsets of committed.values()) for (const t of offsets.keys()) topics.add(t);
  for (const m of members.values()) for (const t of m.topics) topics.add(t);
  const bounds = await boundsOf(groups, topics, warnings);
  const items: GroupSummary[] = rows.map((r) => {
    const offsets: Committed = committed.get(r.groupId) ?? new Map();
    const m = members.get(r.groupId);
    const read = groupTopics({ committed: offsets, members: [] });
    for (const t of m?.topics ?? []) read.add(t);
    // The group page's total: every partition of the topics it reads, never-committed ones included.
    let lag: number | null = null;
    for (const topic of read)
      for (const [partition, partitionBounds] of bounds.get(topic) ?? []) {
        const l = partitionLag(offsets.get(topic)?.get(partition), partitionBounds);
        if (l !== null) lag = (lag ?? 0) + l;
      }
    return { ...r, members: m?.count ?? 0, topics: read.size, totalLag: lag };
  });
  return { items, total: all.length, page, perPage, ...(warnings.length > 0 ? { warnings } : {}) };
}
