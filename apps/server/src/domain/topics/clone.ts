// Cloning a topic: `kafka-topics --create` with the source's partition count, replication factor and config
// overrides, then (optionally) its newest messages copied partition by partition, read group-free.
import type { CloneTopicBody, CloneTopicResult } from '@tributary/contract';
import type { ClusterGateway } from '../../kafka/cluster-gateway.ts';
import type { PartitionReader } from '../../kafka/partition-reader.ts';
import type { OutgoingRecord, ProducerGateway } from '../../kafka/producer-gateway.ts';
import type { TopicsGateway } from '../../kafka/topics-gateway.ts';
import { createTopic } from './mutate.ts';

export interface CloneDeps {
  topics: TopicsGateway;
  cluster: ClusterGateway;
  reader: PartitionReader;
  producer: ProducerGateway;
}

const FETCH_BYTES = 1 << 20;
const SEND_BATCH = 500;

export async function cloneTopic(
  deps: CloneDeps,
  source: string,
  body: CloneTopicBody,
): Promise<CloneTopicResult> {
  const meta = await deps.topics.topic(source);
  // Only what was set on the topic itself; sensitive or read-only values cannot be carried over.
  const overrides = (await deps.topics.configs({ kind: 'topic', name: source })).filter(
    (c) => c.source === 'topic' && !c.sensitive && !c.readOnly && c.value !== null,
  );
  const configs = Object.fromEntries(overrides.map((c) => [c.name, c.value ?? '']));
  const created = await createTopic(deps.topics, deps.cluster, {
    name: body.name,
    partitions: meta.partitions.length,
    replicationFactor: Math.max(1, ...meta.partitions.map((p) => p.replicas.length)),
    configs,
  });
  const copiedMessages = body.copyMessages ? await copyNewest(deps, source, body.name, body.copyMessages) : 0;
  return { ...created, configs: Object.keys(configs).sort(), copiedMessages };
}

/** The newest `total` messages, split evenly over the partitions (the first ones take the remainder). */
async function copyNewest(deps: CloneDeps, source: string, target: string, total: number): Promise<number> {
  const { bounds } = await deps.reader.availableOffsets(source);
  const sorted = [...bounds].sort((a, b) => a.partition - b.partition);
  let copied = 0;
  for (const [i, { partition, low, high }] of sorted.entries()) {
    const share = Math.floor(total / sorted.length) + (i < total % sorted.length ? 1 : 0);
    const from = BigInt(high) - BigInt(share) > BigInt(low) ? BigInt(high) - BigInt(share) : BigInt(low);
    let offset = from;
    let batch: OutgoingRecord[] = [];
    while (offset < BigInt(high)) {
      const fetched = await deps.reader.fetch({
        topic: source,
        partition,
        offset: String(offset),
        maxBytes: FETCH_BYTES,
        maxWaitMs: 0,
      });
      for (const r of fetched.records) {
        if (BigInt(r.offset) < from || BigInt(r.offset) >= BigInt(high)) continue;
        batch.push({ key: r.key, value: r.value, headers: r.headers, partition });
        if (batch.length >= SEND_BATCH) {
          await deps.producer.send(target, batch);
          copied += batch.length;
          batch = [];
        }
      }
      const next = BigInt(fetched.nextOffset);
      if (next <= offset) break; // nothing more to read (e.g. the log was truncated meanwhile)
      offset = next;
    }
    if (batch.length) {
      await deps.producer.send(target, batch);
      copied += batch.length;
    }
  }
  return copied;
}
