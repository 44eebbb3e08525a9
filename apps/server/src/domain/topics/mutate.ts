import type { AddPartitionsResult, CreatedTopic, CreateTopicBody, PurgeResult } from '@tributary/contract';
import type { ClusterGateway } from '../../kafka/cluster-gateway.ts';
import type { TopicsGateway } from '../../kafka/topics-gateway.ts';
import { badRequest, conflict, DomainError } from '../errors.ts';
import { checkNameIsFree, nameWarnings, validateTopicName } from './names.ts';
import { refuseInternal, RESERVED_TOPICS, SAFE_POLICY, type TopicPolicy } from './internal.ts';
import { checkConfigSizes } from './configs.ts';

/** The KRaft controller refuses (or fails on) more new partitions than this in one request. */
export const MAX_NEW_PARTITIONS = 10_000;

/** `kafka-topics --create`: checks everything a person can get wrong before Kafka sees it. */
export async function createTopic(
  gateway: TopicsGateway,
  cluster: ClusterGateway,
  body: CreateTopicBody,
): Promise<CreatedTopic> {
  const name = body.name;
  validateTopicName(name);
  if (RESERVED_TOPICS.has(name))
    throw badRequest(`"${name}" is reserved for Kafka's internal use; Kafka creates it itself when needed.`);
  if (!Number.isInteger(body.partitions) || body.partitions < 1)
    throw badRequest(`A topic needs at least 1 partition (got ${body.partitions}).`);
  if (body.partitions > MAX_NEW_PARTITIONS)
    throw badRequest(
      `Kafka creates at most ${MAX_NEW_PARTITIONS.toLocaleString('en-US')} partitions in one request ` +
        `(got ${body.partitions}).`,
    );
  const rf = body.replicationFactor;
  if (rf !== undefined && rf < 1) throw badRequest(`The replication factor must be at least 1 (got ${rf}).`);
  const configs = body.configs ?? {};
  for (const key of Object.keys(configs)) if (!key.trim()) throw badRequest('A config name cannot be empty.');
  checkConfigSizes(configs);

  const [topics, { brokers }] = await Promise.all([gateway.allTopics(), cluster.brokers()]);
  checkNameIsFree(
    name,
    topics.map((t) => t.name),
  );
  if (rf !== undefined && rf > brokers.length)
    throw badRequest(
      `Replication factor ${rf} is more than the ${brokers.length} broker${brokers.length === 1 ? '' : 's'} ` +
        `online in cluster "${gateway.cluster}"; each replica needs its own broker.`,
    );
  // A concurrent create of the same name may win between the check above and this request: Kafka then
  // answers TOPIC_ALREADY_EXISTS, said here in the same words as the check.
  const created = await gateway
    .createTopic({ name, partitions: body.partitions, replicationFactor: rf ?? -1, configs })
    .catch((error: unknown) => {
      if (error instanceof DomainError && error.details?.kafkaError === 'TOPIC_ALREADY_EXISTS')
        throw conflict(`Topic "${name}" already exists.`, error.details);
      throw error;
    });
  return { name, ...created, warnings: nameWarnings(name) };
}

export async function deleteTopic(
  gateway: TopicsGateway,
  name: string,
  policy: TopicPolicy = SAFE_POLICY,
): Promise<void> {
  refuseInternal(name, 'delete', policy);
  await gateway.topic(name); // 404 with the topic's name when it is not there
  await gateway.deleteTopic(name);
}

/** `kafka-topics --alter --partitions N`: the count can only grow. */
export async function addPartitions(
  gateway: TopicsGateway,
  name: string,
  count: number,
  policy: TopicPolicy = SAFE_POLICY,
): Promise<AddPartitionsResult> {
  refuseInternal(name, 'add partitions to', policy);
  const topic = await gateway.topic(name);
  const current = topic.partitions.length;
  if (!Number.isInteger(count) || count <= current)
    throw badRequest(
      `Topic "${name}" already has ${current} partition${current === 1 ? '' : 's'}; the new count must be ` +
        `more than that (got ${count}). Kafka cannot remove partitions.`,
    );
  if (count - current > MAX_NEW_PARTITIONS)
    throw badRequest(
      `Kafka adds at most ${MAX_NEW_PARTITIONS.toLocaleString('en-US')} partitions in one request; going ` +
        `from ${current} to ${count} would add ${count - current}.`,
    );
  await gateway.createPartitions(name, count);
  return { name, previousCount: current, partitionCount: count };
}

/** Parses `?partitions=0,2`; undefined or empty means every partition. */
export function parsePartitionList(raw: string | undefined, existing: number[]): number[] {
  if (raw === undefined || raw.trim() === '') return existing;
  const wanted = raw.split(',').map((s) => s.trim());
  const numbers = wanted.map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
  const bad = wanted.filter((_, i) => Number.isNaN(numbers[i]));
  if (bad.length)
    throw badRequest(
      `"partitions" must be a comma-separated list of partition numbers, e.g. 0,2 (got "${raw}").`,
    );
  const missing = numbers.filter((n) => !existing.includes(n));
  if (missing.length)
    throw badRequest(
      `No partition ${missing.join(', ')} in this topic; its partitions are 0 to ${existing.length - 1}.`,
    );
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** `kafka-delete-records` up to the high watermark: the partitions stay, their records go. */
export async function purgeTopic(
  gateway: TopicsGateway,
  name: string,
  rawPartitions: string | undefined,
  policy: TopicPolicy = SAFE_POLICY,
): Promise<PurgeResult> {
  refuseInternal(name, 'purge', policy);
  const topic = await gateway.topic(name);
  const partitions = parsePartitionList(
    rawPartitions,
    topic.partitions.map((p) => p.partition),
  );
  const offline = topic.partitions.filter((p) => partitions.includes(p.partition) && p.leader === null);
  if (offline.length)
    throw new DomainError(
      'KAFKA_UNAVAILABLE',
      `Partition ${offline.map((p) => p.partition).join(', ')} of "${name}" has no leader (its replicas are ` +
        'offline), so it cannot be purged now. Purge the other partitions, or wait for a replica to return.',
    );
  const purged = await gateway.deleteRecords(name, partitions).catch(async (error: unknown) => {
    throw await explainPurgeRefusal(gateway, name, error);
  });
  return {
    partitions: purged.map((p) => ({ partition: p.partition, startOffset: p.startOffset.toString() })),
  };
}

/** Kafka refuses DeleteRecords on a compact-only topic with a bare "configured policy" sentence: say which. */
async function explainPurgeRefusal(gateway: TopicsGateway, name: string, error: unknown): Promise<unknown> {
  if (!(error instanceof DomainError) || error.details?.kafkaError !== 'POLICY_VIOLATION') return error;
  const configs = await gateway.configs({ kind: 'topic', name }).catch(() => []);
  const policy = configs.find((c) => c.name === 'cleanup.policy')?.value;
  if (policy === undefined || policy === null || policy.split(',').includes('delete')) return error;
  return badRequest(
    `"${name}" has cleanup.policy=${policy || '(empty)'}: Kafka purges records only from topics whose ` +
      'cleanup.policy includes "delete" (e.g. "compact,delete").',
    error.details,
  );
}
