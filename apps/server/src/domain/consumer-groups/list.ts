import type { GroupList, GroupListQuery, GroupSummary } from '@tributary/contract';
import type { GroupsGateway } from '../../kafka/groups-gateway.ts';
import { groupTopics, lagOf, type Committed } from './describe.ts';
import { normalizeState } from './state.ts';

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
  const all = (await groups.list())
    .map((g) => ({ groupId: g.groupId, type: g.type, state: normalizeState(g.rawState) }))
    .filter(
      (g) =>
        (!search || g.groupId.toLowerCase().includes(search)) && (!query.state || g.state === query.state),
    )
    .sort((a, b) => a.groupId.localeCompare(b.groupId));
  const rows = all.slice((page - 1) * perPage, page * perPage);
  const ids = rows.map((r) => r.groupId);
  const [members, committed] = await Promise.all([membersOf(groups, rows), groups.committedOffsets(ids)]);
  const topics = new Set<string>();
  for (const offsets of committed.values()) for (const t of offsets.keys()) topics.add(t);
  const bounds = await groups.topicBounds(topics);
  const items: GroupSummary[] = rows.map((r) => {
    const offsets: Committed = committed.get(r.groupId) ?? new Map();
    const m = members.get(r.groupId);
    const read = groupTopics({ committed: offsets, members: [] });
    for (const t of m?.topics ?? []) read.add(t);
    let lag: number | null = null;
    for (const [topic, partitions] of offsets)
      for (const [partition, current] of partitions) {
        const l = lagOf(current, bounds.get(topic)?.get(partition)?.high);
        if (l !== null) lag = (lag ?? 0) + l;
      }
    return { ...r, members: m?.count ?? 0, topics: read.size, totalLag: lag };
  });
  return { items, total: all.length, page, perPage };
}
