// The Kafka gateway for consumer groups: domain/consumer-groups/* see only this and its plain types. Classic
// groups go through kafkajs, everything kafkajs cannot see or would join through @platformatic/kafka (both
// in kafka/admin; admin/client.ts says which and why). Never joins a group: offsets are committed as an admin.
import { perConnection, type ClusterConnection } from './cluster-connection.ts';
import {
  deleteGroup,
  describeClassicGroups,
  offsetsForTimestamp,
  topicBounds,
  type PartitionBounds,
} from './admin/kafkajs-groups.ts';
import {
  commitGroupOffsets,
  deleteGroupOffsets,
  describeConsumerProtocolGroups,
  fetchCommittedOffsets,
  findGroupCoordinators,
  listGroupsWithType,
} from './admin/consumer-groups.ts';
import { readMetadata } from './admin/metadata.ts';
import { listPartitionOffsets } from './admin/topic-offsets.ts';
import { topicPartitionKey } from './topic-partition-key.ts';

export type { PartitionBounds };

const UNKNOWN_TOPIC_OR_PARTITION = 3;

export class GroupsGateway {
  constructor(private readonly connection: ClusterConnection) {}

  get cluster(): string {
    return this.connection.name;
  }

  /** Every classic and KIP-848 consumer group, with its type. */
  list() {
    return listGroupsWithType(this.connection);
  }

  /** DescribeGroups: classic groups with their members' assignments (KIP-848 groups answer `Dead`). */
  describeClassic(groupIds: string[]) {
    return describeClassicGroups(this.connection, groupIds);
  }

  /** ConsumerGroupDescribe: KIP-848 groups; others are left out of the answer. */
  describeConsumerProtocol(groupIds: string[]) {
    return describeConsumerProtocolGroups(this.connection, groupIds);
  }

  coordinators(groupIds: string[]) {
    return findGroupCoordinators(this.connection, groupIds);
  }

  /** Committed offsets per group. */
  committedOffsets(groupIds: string[]) {
    return fetchCommittedOffsets(this.connection, groupIds);
  }

  /** Commits as an administrator (generation -1, no member): the group is not joined. */
  commitOffsets(groupId: string, offsets: { topic: string; partition: number; offset: number }[]) {
    return commitGroupOffsets(this.connection, groupId, offsets);
  }

  /** OffsetDelete for one topic; answers the partitions whose offsets were removed. */
  deleteOffsets(groupId: string, topic: string, partitions: number[]) {
    return deleteGroupOffsets(this.connection, groupId, topic, partitions);
  }

  delete(groupId: string) {
    return deleteGroup(this.connection, groupId);
  }

  /** Earliest and log-end offsets per partition of each topic; topics that no longer exist are left out. */
  topicBounds(topics: Iterable<string>): Promise<Map<string, Map<number, PartitionBounds>>> {
    return topicBounds(this.connection, topics);
  }

  /**
   * Earliest and log-end offsets of every partition of many topics at once: one Metadata request, then one
   * ListOffsets pair per leader (topicBounds asks topic by topic). A topic not every partition of which
   * answered (no leader, a leader that does not answer) is in `unknown` with the reason, as its lag would be
   * short; topics that do not exist are left out of both.
   */
  async topicBoundsBatched(topics: Iterable<string>): Promise<{
    bounds: Map<string, Map<number, PartitionBounds>>;
    unknown: Map<string, string>;
  }> {
    const bounds = new Map<string, Map<number, PartitionBounds>>();
    const unknown = new Map<string, string>();
    const names = [...new Set(topics)];
    if (names.length === 0) return { bounds, unknown };
    const metadata = await readMetadata(this.connection, names);
    const existing = metadata.topics.filter((t) => t.errorCode !== UNKNOWN_TOPIC_OR_PARTITION);
    for (const t of existing)
      if (t.errorCode !== 0) unknown.set(t.name, `Kafka answered error code ${t.errorCode} for its metadata`);
    const wanted = existing
      .filter((t) => t.errorCode === 0)
      .map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partition) }));
    const { offsets, failed, refused } = await listPartitionOffsets(this.connection, metadata, wanted);
    for (const o of offsets) {
      const partitions = bounds.get(o.topic) ?? new Map<number, PartitionBounds>();
      partitions.set(o.partition, { low: Number(o.start), high: Number(o.end) });
      bounds.set(o.topic, partitions);
    }
    const failedBy = new Map(failed.map((f) => [f.broker, f.error.message]));
    const refusedWith = new Map(refused.map((r) => [topicPartitionKey(r.topic, r.partition), r.error]));
    for (const t of existing) {
      if (t.errorCode !== 0) continue;
      const missing = t.partitions.find((p) => !bounds.get(t.name)?.has(p.partition));
      if (!missing) continue;
      bounds.delete(t.name);
      const refusal = refusedWith.get(topicPartitionKey(t.name, missing.partition));
      unknown.set(
        t.name,
        missing.leader === null
          ? `partition ${missing.partition} has no leader`
          : refusal !== undefined
            ? `broker ${missing.leader} answered ${refusal} for the offsets of partition ${missing.partition}`
            : (failedBy.get(missing.leader) ??
              `broker ${missing.leader} did not answer for partition ${missing.partition}`),
      );
    }
    return { bounds, unknown };
  }

  /** First offset with a timestamp at or after `timestamp`, per partition (-1: none). */
  offsetsForTimestamp(topic: string, timestamp: number) {
    return offsetsForTimestamp(this.connection, topic, timestamp);
  }
}

/** The groups gateway of one cluster connection. */
export const groupsGateway = perConnection((connection) => new GroupsGateway(connection));
