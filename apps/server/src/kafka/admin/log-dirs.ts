// Why: kafkajs 2.2.4 has no DescribeLogDirs, the only way to learn partition sizes on disk. Asked of each
// online broker separately, so one broker that went away a moment ago costs only its own numbers.
import type { ClusterConnection } from '../cluster-connection.ts';
import { fromGapError, runGap } from './errors.ts';
import { DomainError } from '../../domain/errors.ts';
import { readMetadata } from './metadata.ts';
import { brokerHealth, unreachableError } from '../broker-health.ts';
import { brokerConnection, callApi } from './protocol.ts';

export interface ReplicaSize {
  broker: number;
  topic: string;
  partition: number;
  sizeBytes: number;
}

interface DescribeLogDirsResponse {
  results: {
    errorCode: number;
    topics: {
      name: string;
      partitions: { partitionIndex: number; partitionSize: bigint; isFutureKey: boolean }[];
    }[];
  }[];
}

export interface ReplicaSizes {
  sizes: ReplicaSize[];
  /** Online brokers that did not answer, with the reason. */
  failed: { broker: number; error: DomainError }[];
}

/**
 * Sizes of the given partitions' replicas on every online broker (DescribeLogDirs is answered per broker,
 * about its own log directories). Future replicas (being moved between dirs) are left out.
 */
export async function describeReplicaSizes(
  connection: ClusterConnection,
  topics: { name: string; partitions: number[] }[],
  /** The brokers of a Metadata answer just read; read here when not given. */
  known?: { id: number; host: string; port: number }[],
): Promise<ReplicaSizes> {
  if (topics.length === 0) return { sizes: [], failed: [] };
  const brokers = known ?? (await readMetadata(connection, [])).brokers;
  const sizes: ReplicaSize[] = [];
  const failed: ReplicaSizes['failed'] = [];
  // A broker our own probe cannot reach is not asked: a stalled one would hold the page for the whole deadline.
  const contacts = await brokerHealth(connection).probe();
  await Promise.all(
    brokers.map(async (broker) => {
      const unreachable = unreachableError(contacts, broker.id);
      if (unreachable) {
        failed.push({ broker: broker.id, error: unreachable });
        return;
      }
      try {
        const response = await runGap(
          connection,
          `describing log dirs of broker ${broker.id}`,
          async (admin) =>
            callApi<DescribeLogDirsResponse>(
              admin,
              'DescribeLogDirs',
              await brokerConnection(admin, broker),
              [topics],
            ),
        );
        for (const dir of response.results)
          for (const topic of dir.topics)
            for (const p of topic.partitions)
              if (!p.isFutureKey)
                sizes.push({
                  broker: broker.id,
                  topic: topic.name,
                  partition: p.partitionIndex,
                  sizeBytes: Number(p.partitionSize),
                });
      } catch (error) {
        failed.push({ broker: broker.id, error: fromGapError(error, { broker: broker.id }) });
      }
    }),
  );
  return { sizes, failed };
}
