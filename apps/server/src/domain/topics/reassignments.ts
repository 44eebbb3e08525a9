// `kafka-reassign-partitions` over HTTP: --execute (with --throttle), --verify (progress, and the throttle
// removed once the topic's move is over) and --cancel. Nothing is remembered by this server: the moves are
// Kafka's (ListPartitionReassignments) and so are the throttles (broker and topic configs).
import type { ReassignmentBody, ReassignmentStatus, ReassignmentTarget } from '@tributary/contract';
import type { ClusterGateway } from '../../kafka/cluster-gateway.ts';
import type { ReassignmentsGateway } from '../../kafka/reassignments-gateway.ts';
import type { TopicMetadata, TopicsGateway } from '../../kafka/topics-gateway.ts';
import { badRequest, conflict, DomainError } from '../errors.ts';
import { planReassignment } from './reassignment-plan.ts';

export interface ReassignmentDeps {
  topics: TopicsGateway;
  cluster: ClusterGateway;
  reassignments: ReassignmentsGateway;
}

const LEADER_REPLICAS = 'leader.replication.throttled.replicas';
const FOLLOWER_REPLICAS = 'follower.replication.throttled.replicas';
const RATES = ['leader.replication.throttled.rate', 'follower.replication.throttled.rate'];

/** Starts moving partitions (202): the answer is the progress right after Kafka took the move. */
export async function startReassignment(
  deps: ReassignmentDeps,
  topic: string,
  body: ReassignmentBody,
): Promise<ReassignmentStatus> {
  const [meta, { brokers }] = await Promise.all([deps.topics.topic(topic), deps.cluster.brokers()]);
  const targets = planReassignment(
    topic,
    meta.partitions.map((p) => ({ partition: p.partition, replicas: p.replicas })),
    brokers.map((b) => b.id),
    body,
  );
  if (targets.length === 0) return reassignmentStatus(deps, topic, { cleanUp: false });
  if (body.throttle !== undefined) await setThrottle(deps, meta, targets, body.throttle);
  const answers = await deps.reassignments.reassign(topic, targets);
  const refused = answers.filter((a) => a.error);
  if (refused.length) {
    if (refused.length === answers.length && body.throttle !== undefined)
      await removeThrottle(deps, topic).catch(() => {});
    throw badRequest(
      `Kafka refused to move ${refused
        .map((a) => `partition ${a.partition} (${a.error?.message ?? 'refused'})`)
        .join('; ')}.`,
      { kafkaError: refused[0]?.error?.name },
    );
  }
  return reassignmentStatus(deps, topic, { cleanUp: false });
}

/**
 * Each partition's replicas, ISR and leader, and where the moving ones are going. Like `--verify`, once
 * no partition of the topic moves any more, the replication throttle set for it is removed.
 */
export async function reassignmentStatus(
  deps: ReassignmentDeps,
  topic: string,
  { cleanUp = true }: { cleanUp?: boolean } = {},
): Promise<ReassignmentStatus> {
  const meta = await deps.topics.topic(topic);
  const [listed, configs] = await Promise.all([
    deps.reassignments.inProgress({ name: topic, partitions: meta.partitions.map((p) => p.partition) }),
    deps.topics.configs({ kind: 'topic', name: topic }),
  ]);
  const moving = new Map(listed.map((l) => [l.partition, l]));
  let throttled = configs.some(
    (c) => (c.name === LEADER_REPLICAS || c.name === FOLLOWER_REPLICAS) && c.source === 'topic' && !!c.value,
  );
  const warnings: string[] = [];
  if (throttled && listed.length === 0 && cleanUp) {
    try {
      await removeThrottle(deps, topic);
      throttled = false;
    } catch (error) {
      warnings.push(`The replication throttle could not be removed: ${(error as Error).message}`);
    }
  }
  return {
    topic,
    inProgress: listed.length > 0,
    partitions: meta.partitions.map((p) => {
      const l = moving.get(p.partition);
      return {
        partition: p.partition,
        replicas: l?.replicas ?? p.replicas,
        isr: p.isr,
        leader: p.leader,
        reassigning: l !== undefined,
        target: l ? l.replicas.filter((r) => !l.removingReplicas.includes(r)) : null,
        addingReplicas: l?.addingReplicas ?? [],
        removingReplicas: l?.removingReplicas ?? [],
      };
    }),
    throttled,
    ...(warnings.length ? { warnings } : {}),
  };
}

/** `--cancel`: every moving partition of the topic goes back to its replicas before the move. */
export async function cancelReassignment(deps: ReassignmentDeps, topic: string): Promise<ReassignmentStatus> {
  const meta = await deps.topics.topic(topic);
  const all = { name: topic, partitions: meta.partitions.map((p) => p.partition) };
  const listed = await deps.reassignments.inProgress(all);
  if (listed.length === 0) throw conflict(`No reassignment of topic "${topic}" is in progress.`);
  const answers = await deps.reassignments.cancel(
    topic,
    listed.map((l) => l.partition),
  );
  // A partition that finished in the meantime has nothing left to cancel.
  const failed = answers.filter((a) => a.error && a.error.name !== 'NO_REASSIGNMENT_IN_PROGRESS');
  if (failed.length)
    throw new DomainError(
      'KAFKA_ERROR',
      `Kafka could not cancel ${failed.map((a) => `partition ${a.partition} (${a.error?.message})`).join('; ')}.`,
    );
  for (let attempt = 0; attempt < 50 && (await deps.reassignments.inProgress(all)).length > 0; attempt++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return reassignmentStatus(deps, topic);
}

const merged = (existing: string | null | undefined, added: string[]) =>
  [...new Set([...(existing ?? '').split(',').filter((x) => x && x !== '*'), ...added])].join(',');

/**
 * As `kafka-reassign-partitions --throttle`: the rate on every broker a moving partition is on or goes to,
 * the moving partitions' current replicas throttled as leaders and their new replicas as followers.
 */
async function setThrottle(
  deps: ReassignmentDeps,
  meta: TopicMetadata,
  targets: ReassignmentTarget[],
  rate: number,
): Promise<void> {
  const current = new Map(meta.partitions.map((p) => [p.partition, p.replicas]));
  const leaders: string[] = [];
  const followers: string[] = [];
  const involved = new Set<number>();
  for (const { partition, replicas } of targets) {
    const now = current.get(partition) ?? [];
    for (const b of now) leaders.push(`${partition}:${b}`);
    for (const b of replicas.filter((r) => !now.includes(r))) followers.push(`${partition}:${b}`);
    for (const b of [...now, ...replicas]) involved.add(b);
  }
  const value = String(rate);
  for (const broker of [...involved].sort((a, b) => a - b))
    await deps.cluster.alterBrokerConfigs(broker, {
      set: Object.fromEntries(RATES.map((k) => [k, value])),
      reset: [],
    });
  const configs = new Map(
    (await deps.topics.configs({ kind: 'topic', name: meta.name })).map((c) => [c.name, c]),
  );
  const own = (name: string) => (configs.get(name)?.source === 'topic' ? configs.get(name)?.value : null);
  await deps.topics.alterConfigs(
    { kind: 'topic', name: meta.name },
    {
      set: {
        [LEADER_REPLICAS]: merged(own(LEADER_REPLICAS), leaders),
        [FOLLOWER_REPLICAS]: merged(own(FOLLOWER_REPLICAS), followers),
      },
      reset: [],
    },
  );
}

/**
 * As `--verify` once done: the topic's throttled replicas go, and the brokers' rates too when no
 * reassignment is left anywhere in the cluster (another topic's move may still need them).
 */
async function removeThrottle(deps: ReassignmentDeps, topic: string): Promise<void> {
  await deps.topics.alterConfigs(
    { kind: 'topic', name: topic },
    { set: {}, reset: [LEADER_REPLICAS, FOLLOWER_REPLICAS] },
  );
  if ((await deps.reassignments.inProgress()).length > 0) return;
  const { brokers } = await deps.cluster.brokers();
  for (const { id } of brokers) {
    const set = (await deps.cluster.brokerConfigs(id)).filter(
      (c) => RATES.includes(c.name) && c.kafkaSource === 'DYNAMIC_BROKER_CONFIG',
    );
    if (set.length) await deps.cluster.alterBrokerConfigs(id, { set: {}, reset: set.map((c) => c.name) });
  }
}
