import type { LiveEvent } from '@tributary/contract';

/** Where the session's events go (the WebSocket in production, an array in unit tests). */
export interface LiveSink {
  send(event: LiveEvent): void;
  /** Bytes queued in the socket and not yet written: the backpressure signal. */
  bufferedAmount(): number;
  close(code: number, reason: string): void;
}

export interface LiveOptions {
  /** Messages sent and not yet acknowledged by the tab; past this, matching messages are skipped. */
  maxInFlight: number;
  /** Socket bytes not yet written; past this, matching messages are skipped. */
  maxBufferedBytes: number;
  /** A partition further behind its log end than this jumps ahead (a tail shows now, not history). */
  maxLagPerPartition: number;
  fetchMaxBytes: number;
  /** One `messages` frame per this many ms at most (the first after a quiet spell leaves at once) ... */
  batchMs: number;
  /** ... or until this many are gathered. */
  batchMax: number;
  /** How long one fetch may wait at the broker for new records (long poll). */
  maxWaitMs: number;
  /**
   * While records flow, the next fetch asks the broker to gather this long (or paceBytes): a busy tail then
   * costs the broker one request per round, not one per record that trickles in.
   */
  paceMs: number;
  paceBytes: number;
  statsIntervalMs: number;
  /** A `heartbeat` event this often, so idle proxies keep the socket and the tab knows the server is there. */
  heartbeatMs: number;
  /** Consecutive failed fetches of a partition before the stream ends with an error. */
  retryLimit: number;
  retryBackoffMs: number;
}

export const DEFAULT_LIVE_OPTIONS: LiveOptions = {
  maxInFlight: 2000,
  maxBufferedBytes: 1 << 20,
  maxLagPerPartition: 10_000,
  fetchMaxBytes: 512 * 1024,
  batchMs: 50,
  batchMax: 500,
  maxWaitMs: 500,
  paceMs: 50,
  paceBytes: 256 * 1024,
  statsIntervalMs: 1000,
  heartbeatMs: 15_000,
  retryLimit: 4,
  retryBackoffMs: 250,
};

/** What a refused change leaves in place, said after the reason (the tab keeps tailing). */
export const KEPT = {
  filter: 'The tail goes on with the previous filter.',
  partitions: 'The tail goes on with the same partitions.',
} as const;

/** Commands that change a running tail, and what each would do (said when one comes before any start). */
export const NEEDS_START = {
  pause: 'pause',
  resume: 'resume',
  partitions: 'change the partitions of',
  filter: 'filter',
} as const;
