// Why: kafkajs' createTopics answers `false` for an existing topic and replaces the broker's per-topic
// message ("Unknown topic config name: foo", "only 1 broker(s) are registered") by a generic one.
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from '../admin-errors.ts';

export interface NewTopic {
  name: string;
  partitions: number;
  /** -1: the broker's default.replication.factor. */
  replicationFactor: number;
  configs: Record<string, string>;
}

/** CreateTopics for one topic; answers the partitions and RF the broker actually chose. */
export async function createTopic(
  connection: ClusterConnection,
  topic: NewTopic,
): Promise<{ partitions: number; replicationFactor: number }> {
  const [created] = await runGap(
    connection,
    'creating a topic',
    (admin) =>
      admin.createTopics({
        topics: [topic.name],
        partitions: topic.partitions,
        replicas: topic.replicationFactor,
        configs: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
      }),
    { topic: topic.name },
  );
  return {
    partitions: created?.partitions ?? topic.partitions,
    replicationFactor: created?.replicas ?? topic.replicationFactor,
  };
}
