import type { LiveStats } from '@tributary/contract';

/** Per-second counters of one tail; `take` turns them into a `stats` event and starts a new second. */
export class LiveCounters {
  sentTotal = 0;
  skippedTotal = 0;
  private sent = 0;
  private skipped = 0;
  private filtered = 0;
  private lastAt = 0;
  private lastHighSum: bigint | undefined;

  countSent(n = 1): void {
    this.sent += n;
    this.sentTotal += n;
  }

  countSkipped(n = 1): void {
    this.skipped += n;
    this.skippedTotal += n;
  }

  countFiltered(): void {
    this.filtered++;
  }

  /** A new log-end baseline (the set of tailed partitions changed, so the old sums are not comparable). */
  rebase(highSum: bigint): void {
    this.lastHighSum = highSum;
  }

  take(
    now: number,
    state: { highSum: bigint; lag: bigint; inFlight: number; bufferedBytes: number; paused: boolean },
  ): LiveStats {
    const seconds = this.lastAt > 0 ? Math.max((now - this.lastAt) / 1000, 0.001) : 1;
    const appended = this.lastHighSum === undefined ? 0 : Number(state.highSum - this.lastHighSum);
    const stats: LiveStats = {
      type: 'stats',
      topicRate: round(Math.max(0, appended) / seconds),
      sentRate: round(this.sent / seconds),
      filtered: this.filtered,
      skipped: this.skipped,
      skippedTotal: this.skippedTotal,
      sentTotal: this.sentTotal,
      inFlight: state.inFlight,
      bufferedBytes: state.bufferedBytes,
      lag: Number(state.lag > 0n ? state.lag : 0n),
      paused: state.paused,
    };
    this.sent = 0;
    this.skipped = 0;
    this.filtered = 0;
    this.lastAt = now;
    this.lastHighSum = state.highSum;
    return stats;
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
