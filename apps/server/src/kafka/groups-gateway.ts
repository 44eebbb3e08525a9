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

export type { PartitionBounds };

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

  /** First offset with a timestamp at or after `timestamp`, per partition (-1: none). */
  offsetsForTimestamp(topic: string, timestamp: number) {
    return offsetsForTimestamp(this.connection, topic, timestamp);
  }
}

/** The groups gateway of one cluster connection. */
export const groupsGateway = perConnection((connection) => new GroupsGateway(connection));
