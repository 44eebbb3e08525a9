// The Kafka gateway for partition reassignments and leader elections: domain/topics/reassignments.ts and
// domain/brokers/leader-election.ts see only this and its plain types (the calls are in admin/reassignments.ts).
import { perConnection, type ClusterConnection } from './cluster-connection.ts';
import {
  alterReassignments,
  electPreferredLeaders,
  listReassignments,
  type ListedReassignment,
  type PartitionAnswer,
} from './admin/reassignments.ts';

export type { ListedReassignment, PartitionAnswer };

export class ReassignmentsGateway {
  constructor(private readonly connection: ClusterConnection) {}

  /** Starts moving each partition to its replica list (the first is the preferred leader). */
  reassign(topic: string, targets: { partition: number; replicas: number[] }[]): Promise<PartitionAnswer[]> {
    return alterReassignments(this.connection, topic, targets);
  }

  /** Cancels the reassignments of these partitions: each goes back to its replicas before the move. */
  cancel(topic: string, partitions: number[]): Promise<PartitionAnswer[]> {
    return alterReassignments(
      this.connection,
      topic,
      partitions.map((partition) => ({ partition, replicas: null })),
    );
  }

  /** The reassignments in progress of one topic's partitions, or (no topic) of the whole cluster. */
  inProgress(topic?: { name: string; partitions: number[] }): Promise<ListedReassignment[]> {
    return listReassignments(this.connection, topic ? [topic] : null);
  }

  /** Preferred leader election for these partitions, or (null) for every partition of the cluster. */
  electPreferred(topics: { name: string; partitions: number[] }[] | null): Promise<PartitionAnswer[]> {
    return electPreferredLeaders(this.connection, topics);
  }
}

/** The reassignments gateway of one cluster connection. */
export const reassignmentsGateway = perConnection((connection) => new ReassignmentsGateway(connection));
