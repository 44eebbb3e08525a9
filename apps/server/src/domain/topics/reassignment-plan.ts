// Which replicas each partition should move to: checked before Kafka sees it (Kafka's own answers to a bad
// list are terse), or computed for "spread evenly across brokers". Pure, so unit-tested on its own.
import type { ReassignmentBody, ReassignmentTarget } from '@tributary/contract';
import { badRequest } from '../errors.ts';

export interface CurrentPartition {
  partition: number;
  replicas: number[];
}

const list = (ids: number[]) => `[${ids.join(', ')}]`;
const sameOrder = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The partitions to move and their new replicas, from a body of `partitions` or `spread: true`; only those
 * whose replica list changes. 400 with a sentence for a partition that does not exist or is listed twice,
 * an empty list, a broker named twice, or a broker that is not online.
 */
export function planReassignment(
  topic: string,
  current: CurrentPartition[],
  brokers: number[],
  body: ReassignmentBody,
): ReassignmentTarget[] {
  const spread = body.spread === true;
  if (spread === (body.partitions !== undefined))
    throw badRequest(
      'Give either "partitions" ([{"partition": 0, "replicas": [2, 3]}]) or "spread": true, not both or neither.',
    );
  const online = [...new Set(brokers)].sort((a, b) => a - b);
  const byPartition = new Map(current.map((p) => [p.partition, p.replicas]));
  const targets = spread
    ? spreadEvenly(topic, current, online)
    : checked(topic, body.partitions ?? [], byPartition, online);
  return targets.filter((t) => !sameOrder(t.replicas, byPartition.get(t.partition) ?? []));
}

function checked(
  topic: string,
  wanted: ReassignmentTarget[],
  byPartition: Map<number, number[]>,
  online: number[],
): ReassignmentTarget[] {
  const count = byPartition.size;
  const seen = new Set<number>();
  for (const { partition, replicas } of wanted) {
    if (!byPartition.has(partition))
      throw badRequest(
        `Topic "${topic}" has ${count} partition${count === 1 ? '' : 's'} (0–${count - 1}): ` +
          `partition ${partition} does not exist.`,
      );
    if (seen.has(partition)) throw badRequest(`Partition ${partition} is listed twice.`);
    seen.add(partition);
    if (replicas.length === 0) throw badRequest(`Partition ${partition} needs at least one replica.`);
    const twice = replicas.find((b, i) => replicas.indexOf(b) !== i);
    if (twice !== undefined)
      throw badRequest(
        `Partition ${partition}'s replicas ${list(replicas)} name broker ${twice} twice; each replica needs its own broker.`,
      );
    const unknown = replicas.filter((b) => !online.includes(b));
    if (unknown.length)
      throw badRequest(
        `Partition ${partition}'s replicas ${list(replicas)} name broker${unknown.length > 1 ? 's' : ''} ` +
          `${unknown.join(', ')}, not online in this cluster (online: ${online.join(', ') || 'none'}).`,
      );
  }
  return wanted;
}

/**
 * Kafka's round-robin placement: partition p's replicas are the online brokers from position p on, so the
 * leaders (first replicas) and the replicas are spread evenly. Each partition keeps its replica count.
 */
function spreadEvenly(topic: string, current: CurrentPartition[], online: number[]): ReassignmentTarget[] {
  const most = Math.max(0, ...current.map((p) => p.replicas.length));
  if (most > online.length)
    throw badRequest(
      `Topic "${topic}" has ${most} replicas per partition but only ${online.length} broker` +
        `${online.length === 1 ? ' is' : 's are'} online: each replica needs its own broker.`,
    );
  return current.map(({ partition, replicas }) => ({
    partition,
    replicas: replicas.map((_, i) => online[(partition + i) % online.length]!),
  }));
}
