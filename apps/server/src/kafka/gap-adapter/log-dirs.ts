// Why: kafkajs 2.2.4 has no DescribeLogDirs, the only way to learn partition sizes on disk.
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from '../admin-errors.ts';

export interface ReplicaSize {
  broker: number;
  topic: string;
  partition: number;
  sizeBytes: number;
}

/**
 * Sizes of the given partitions' replicas on every online broker (DescribeLogDirs is answered per broker,
 * about its own log directories). Future replicas (being moved between dirs) are left out.
 */
export async function describeReplicaSizes(
  connection: ClusterConnection,
  topics: { name: string; partitions: number[] }[],
): Promise<ReplicaSize[]> {
  if (topics.length === 0) return [];
  const brokers = await runGap(connection, 'describing log dirs', (admin) =>
    admin.describeLogDirs({ topics }),
  );
  const sizes: ReplicaSize[] = [];
  for (const broker of brokers) {
    for (const dir of broker.results) {
      for (const topic of dir.topics) {
        for (const p of topic.partitions) {
          if (p.isFutureKey) continue;
          sizes.push({
            broker: broker.broker,
            topic: topic.name,
            partition: p.partitionIndex,
            sizeBytes: Number(p.partitionSize),
          });
        }
      }
    }
  }
  return sizes;
}
