// Why: in KRaft, Metadata and DescribeCluster name a random live broker as "controller" (what kafkajs'
// describeCluster reports); DescribeQuorum on __cluster_metadata names the real active controller.
import { describeQuorumV2, kGetBootstrapConnection, type Connection } from '@platformatic/kafka';
import type { ClusterConnection } from '../cluster-connection.ts';
import { runGap } from './errors.ts';

export interface QuorumInfo {
  /** The active controller (the metadata log's leader). */
  leaderId: number;
  voters: number[];
  /** Brokers that follow the metadata log without voting. */
  observers: number[];
}

/**
 * DescribeQuorum sent to any broker (brokers forward it to the active controller, KIP-836), on connections
 * of its own and with a short deadline: without a controller it is never answered, and the pages that show
 * the controller then show "unknown" instead of waiting.
 */
export async function describeQuorum(connection: ClusterConnection): Promise<QuorumInfo> {
  const response = await runGap(
    connection,
    'describing the KRaft quorum',
    async (admin) => {
      // The bootstrap connection is enough: whichever broker answers forwards to the controller.
      const connection = await new Promise<Connection>((resolve, reject) =>
        admin[kGetBootstrapConnection]((error, c) =>
          error || !c ? reject(error ?? new Error('no connection')) : resolve(c),
        ),
      );
      return describeQuorumV2.api.async(connection, [
        { topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] },
      ]);
    },
    {},
    { role: 'forwarded', deadlineMs: Math.min(3000, connection.options.requestTimeoutMs) },
  );
  const partition = response.topics[0]?.partitions[0];
  if (!partition) throw new Error('DescribeQuorum answered without the metadata partition');
  return {
    leaderId: partition.leaderId,
    voters: partition.currentVoters.map((v) => v.replicaId),
    observers: partition.observers.map((v) => v.replicaId),
  };
}
