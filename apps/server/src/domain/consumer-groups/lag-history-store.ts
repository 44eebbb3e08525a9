// Where lag samples are kept: a Kafka topic (kafka/lag-history-topic.ts), never the server's disk, so
// every server behind a load balancer shows the same chart.

export interface LagSample {
  /** ms since the epoch */
  t: number;
  /** topic → summed lag of the group's committed partitions */
  lags: Record<string, number>;
}

export interface LagHistoryStore {
  append(cluster: string, group: string, sample: LagSample): Promise<void>;
  /** Samples from `since` on, oldest first. */
  since(cluster: string, group: string, since: number): Promise<LagSample[]>;
}
