// Why: kafkajs' createTopics answers `false` for an existing topic and replaces the broker's per-topic
// message ("Unknown topic config name: foo") by a generic one; its deleteTopics and createPartitions first
// refresh metadata of every topic, which fails when any partition in the cluster has no leader.
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from './errors.ts';

const queues = new WeakMap<ClusterConnection, Promise<unknown>>();

/**
 * One topic change at a time per cluster. @platformatic/kafka merges concurrent calls it deems the same
 * (createTopics of one name, every createPartitions) into one request and hands its answer to all callers:
 * three creates of one name all "succeeded" with the first one's settings, and a second topic's partition
 * increase was silently dropped. Run one after the other, the broker answers each (TOPIC_ALREADY_EXISTS).
 */
function oneAtATime<T>(connection: ClusterConnection, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(connection) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    connection,
    next.catch(() => {}),
  );
  return next;
}

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
  const [created] = await oneAtATime(connection, () =>
    runGap(
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
    ),
  );
  return {
    partitions: created?.partitions ?? topic.partitions,
    replicationFactor: created?.replicas ?? topic.replicationFactor,
  };
}

export async function deleteTopic(connection: ClusterConnection, name: string): Promise<void> {
  await oneAtATime(connection, () =>
    runGap(connection, 'deleting a topic', (admin) => admin.deleteTopics({ topics: [name] }), {
      topic: name,
    }),
  );
}

/** CreatePartitions: `count` is the new total. */
export async function createPartitions(
  connection: ClusterConnection,
  name: string,
  count: number,
): Promise<void> {
  await oneAtATime(connection, () =>
    runGap(
      connection,
      'adding partitions',
      (admin) => admin.createPartitions({ topics: [{ name, count }] }),
      {
        topic: name,
      },
    ),
  );
}
