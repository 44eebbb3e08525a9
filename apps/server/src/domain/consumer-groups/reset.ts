import {
  RESET_TARGETS,
  type ResetOffsetRow,
  type ResetOffsetsBody,
  type ResetOffsetsResult,
} from '@tributary/contract';
import type { GroupsGateway, PartitionBounds } from '../../kafka/groups-gateway.ts';
import { badRequest, conflict, DomainError, notFound } from '../errors.ts';
import { lagOf, loadGroup, type GroupCore } from './describe.ts';
import { isActive } from './state.ts';
import { topicPartitionKey } from '../../kafka/topic-partition-key.ts';

type Target = { topic: string; partition: number; bounds: PartitionBounds; current: bigint | undefined };

/** Why offsets may not be changed now, or null: a running consumer would overwrite them with its next commit. */
export function blockedReason(core: Pick<GroupCore, 'groupId' | 'state' | 'members'>): string | null {
  if (!isActive(core.state, core.members.length)) return null;
  return (
    `Consumer group "${core.groupId}" has ${core.members.length} active member(s) (state ${core.state}). ` +
    'Stop its consumers first: a running consumer would overwrite the new offsets with its next commit.'
  );
}

async function loadOrNew(groups: GroupsGateway, groupId: string, topic: string | undefined) {
  try {
    return await loadGroup(groups, groupId);
  } catch (error) {
    // Like --reset-offsets: a group that does not exist yet may be given offsets for a named topic.
    if (error instanceof DomainError && error.code === 'NOT_FOUND' && topic) {
      return {
        groupId,
        state: 'Dead',
        type: 'classic',
        assignmentStrategy: '',
        members: [],
        committed: new Map(),
      } satisfies GroupCore;
    }
    if (error instanceof DomainError && error.code === 'NOT_FOUND')
      throw notFound(`${error.message} To give a new group offsets, choose a topic.`, { group: groupId });
    throw error;
  }
}

function requireValue<T>(
  body: ResetOffsetsBody,
  what: string,
  parse: (v: number | string) => T | undefined,
): T {
  if (body.value === undefined) throw badRequest(`Reset to "${body.to}" needs a value: ${what}.`);
  const parsed = parse(body.value);
  if (parsed === undefined)
    throw badRequest(`Reset to "${body.to}" needs ${what} as its value; "${String(body.value)}" is not one.`);
  return parsed;
}

const asInteger = (v: number | string) => {
  const n = typeof v === 'number' ? v : /^[+-]?\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
};
// An ISO date (`2024-01-31`, `2024-01-31T10:00`, with seconds, fraction, `Z` or an offset): Date.parse alone
// would also take "-5" or "May 3" and guess.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const asTimestamp = (v: number | string) => {
  const s = String(v).trim();
  const n = /^\d+$/.test(s) ? Number(s) : ISO_DATE.test(s) ? Date.parse(s) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

async function scopeOf(groups: GroupsGateway, core: GroupCore, body: ResetOffsetsBody): Promise<Target[]> {
  if (body.partitions && !body.topic) throw badRequest('Choose a topic to reset chosen partitions.');
  const topics = body.topic ? [body.topic] : [...core.committed.keys()];
  if (topics.length === 0)
    throw badRequest(`Consumer group "${core.groupId}" has no committed offsets; choose a topic to reset.`);
  const bounds = await groups.topicBounds(topics);
  const targets: Target[] = [];
  for (const topic of topics) {
    const partitions = bounds.get(topic);
    if (!partitions) {
      if (body.topic) throw notFound(`Topic "${topic}" does not exist on cluster ${groups.cluster}.`);
      continue; // a deleted topic the group still has offsets for
    }
    const wanted =
      body.partitions ??
      (body.topic ? [...partitions.keys()] : [...(core.committed.get(topic)?.keys() ?? [])]);
    for (const partition of [...new Set(wanted)].sort((a, b) => a - b)) {
      const b = partitions.get(partition);
      if (!b)
        throw badRequest(
          `Topic "${topic}" has partitions 0-${partitions.size - 1}; ${partition} is not one of them.`,
        );
      targets.push({ topic, partition, bounds: b, current: core.committed.get(topic)?.get(partition) });
    }
  }
  return targets;
}

/** The offset each target asks for, before clamping; undefined leaves that partition out. */
async function requested(groups: GroupsGateway, groupId: string, body: ResetOffsetsBody, targets: Target[]) {
  const key = (t: { topic: string; partition: number }) => topicPartitionKey(t.topic, t.partition);
  const out = new Map<string, number>();
  switch (body.to) {
    case 'earliest':
      for (const t of targets) out.set(key(t), t.bounds.low);
      break;
    case 'latest':
      for (const t of targets) out.set(key(t), t.bounds.high);
      break;
    case 'offset': {
      const offset = requireValue(body, 'the offset to move to (a whole number)', asInteger);
      for (const t of targets) out.set(key(t), offset);
      break;
    }
    case 'shift': {
      const by = requireValue(body, 'how many offsets to shift by (negative goes back)', asInteger);
      for (const t of targets) {
        if (t.current === undefined)
          throw badRequest(
            `Partition ${t.topic}-${t.partition} has no committed offset to shift from; reset it to earliest, latest, a timestamp or an offset.`,
          );
        out.set(key(t), Number(t.current) + by);
      }
      break;
    }
    case 'timestamp': {
      const ts = requireValue(body, 'a time (milliseconds since the epoch or an ISO date)', asTimestamp);
      for (const topic of new Set(targets.map((t) => t.topic))) {
        const found = await groups.offsetsForTimestamp(topic, ts);
        for (const t of targets.filter((x) => x.topic === topic)) {
          const offset = found.get(t.partition);
          // No record at or after that time: the end, where a consumer would wait for the next one.
          out.set(key(t), offset === undefined || offset < 0 ? t.bounds.high : offset);
        }
      }
      break;
    }
    case 'group': {
      const source = requireValue(body, 'the group to copy offsets from', (v) => String(v));
      if (source === groupId) throw badRequest('Choose another group to copy offsets from.');
      const committed = (await groups.committedOffsets([source])).get(source);
      for (const t of targets) {
        const offset = committed?.get(t.topic)?.get(t.partition);
        if (offset !== undefined) out.set(key(t), Number(offset));
      }
      if (out.size === 0)
        throw badRequest(`Group "${source}" has no committed offsets for these partitions.`);
      break;
    }
  }
  return { out, key };
}

/** `--reset-offsets`: a dry run (default) answers the plan; an execution commits it like the AdminClient. */
export async function resetOffsets(
  groups: GroupsGateway,
  groupId: string,
  body: ResetOffsetsBody,
): Promise<ResetOffsetsResult> {
  if (!(RESET_TARGETS as readonly string[]).includes(body.to))
    throw badRequest(`Cannot reset to "${body.to}": choose one of ${RESET_TARGETS.join(', ')}.`);
  const dryRun = body.dryRun ?? true;
  const core = await loadOrNew(groups, groupId, body.topic);
  const blocked = blockedReason(core);
  if (!dryRun && blocked) throw conflict(`Offsets were not reset. ${blocked}`, { group: groupId });
  const targets = await scopeOf(groups, core, body);
  const { out, key } = await requested(groups, groupId, body, targets);
  const rows: ResetOffsetRow[] = [];
  for (const t of targets) {
    const wanted = out.get(key(t));
    if (wanted === undefined) continue;
    const newOffset = Math.min(Math.max(wanted, t.bounds.low), t.bounds.high);
    rows.push({
      topic: t.topic,
      partition: t.partition,
      currentOffset: t.current === undefined ? null : Number(t.current),
      newOffset,
      lagBefore: lagOf(t.current, t.bounds.high),
      lagAfter: t.bounds.high - newOffset,
      requestedOffset: wanted,
      clamped: wanted < t.bounds.low ? 'earliest' : wanted > t.bounds.high ? 'latest' : null,
    });
  }
  if (!dryRun) {
    await groups.commitOffsets(
      groupId,
      rows.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.newOffset })),
    );
  }
  return {
    groupId,
    dryRun,
    executed: !dryRun,
    rows,
    clampedCount: rows.filter((r) => r.clamped !== null).length,
    blockedReason: blocked,
  };
}
