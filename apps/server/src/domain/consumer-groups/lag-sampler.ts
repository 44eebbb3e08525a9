import type { LagHistory } from '@tributary/contract';
import type { GroupsGateway } from '../../kafka/groups-gateway.ts';
import { loadGroup, partitionLag } from './describe.ts';
import type { LagHistoryStore, LagSample } from './lag-history-store.ts';

export interface LagSamplerOptions {
  /** Where samples are kept (a Kafka topic, shared by every server). */
  store: LagHistoryStore;
  intervalMs: number;
  /** `cluster/group` entries sampled always. */
  watched: string[];
  /** A group whose page was last requested longer ago than this stops being sampled. */
  watchTtlMs?: number;
  /** At most this many groups are sampled (configured ones first); older page watches are forgotten. */
  maxWatched?: number;
  log?: (message: string, error?: unknown) => void;
}

/** How long samples are kept (the topic's retention.ms). */
export const LAG_RETENTION_MS = 6 * 60 * 60 * 1000;

/**
 * Samples the lag of watched groups every `intervalMs`: groups whose page was opened recently (every group
 * or lag-history request renews the watch) and groups listed in the config. One batched OffsetFetch per
 * cluster and one ListOffsets per topic per tick.
 */
export class LagSampler {
  readonly store: LagHistoryStore;
  private readonly pinned = new Set<string>();
  private readonly requested = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly ttl: number;
  private readonly max: number;

  constructor(
    /** The groups gateway of a cluster, by name (throws NOT_FOUND for an unknown one). */
    private readonly gatewayOf: (cluster: string) => GroupsGateway,
    private readonly options: LagSamplerOptions,
  ) {
    this.store = options.store;
    this.ttl = options.watchTtlMs ?? 15 * 60 * 1000;
    this.max = options.maxWatched ?? 200;
    for (const w of options.watched) {
      const slash = w.indexOf('/');
      if (slash > 0 && slash < w.length - 1)
        this.pinned.add(`${w.slice(0, slash)}\u0000${w.slice(slash + 1)}`);
    }
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * Marks an existing group as watched (callers check that first); the first watch samples it at once so a
   * chart has a point to start from. The most recent `maxWatched` page watches are kept (least recent go).
   */
  watch(cluster: string, group: string): void {
    const key = `${cluster}\u0000${group}`;
    const isNew = !this.requested.has(key) && !this.pinned.has(key);
    this.requested.delete(key); // re-insert: the Map's order is the order of last use
    this.requested.set(key, Date.now());
    for (const oldest of this.requested.keys()) {
      if (this.requested.size <= this.max) break;
      this.requested.delete(oldest);
    }
    if (isNew)
      void this.sample(cluster, [group]).catch((e: unknown) => this.options.log?.('lag sample failed', e));
  }

  watchedGroups(): { cluster: string; group: string }[] {
    const now = Date.now();
    for (const [key, at] of this.requested) {
      if (now - at > this.ttl) this.requested.delete(key);
    }
    // configured groups first, then the most recently opened pages
    const recent = [...this.requested.keys()].reverse();
    return [...new Set([...this.pinned, ...recent])].slice(0, this.max).map((key) => {
      const [cluster = '', group = ''] = key.split('\u0000');
      return { cluster, group };
    });
  }

  /** One sampling round; skipped while the previous one still runs (a slow cluster never piles up work). */
  async tick(): Promise<void> {
    if (this.running) return;
    const byCluster = new Map<string, string[]>();
    for (const { cluster, group } of this.watchedGroups())
      byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), group]);
    this.running = Promise.all(
      [...byCluster].map(([cluster, groups]) =>
        this.sample(cluster, groups).catch((e: unknown) =>
          this.options.log?.(`lag sampling of ${cluster} failed`, e),
        ),
      ),
    ).then(() => undefined);
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  async sample(cluster: string, groups: string[]): Promise<void> {
    const gateway = this.gatewayOf(cluster);
    const committed = await gateway.committedOffsets(groups);
    const topics = new Set<string>();
    for (const offsets of committed.values()) for (const t of offsets.keys()) topics.add(t);
    const bounds = await gateway.topicBounds(topics);
    const t = Date.now();
    for (const group of groups) {
      // nothing committed (a deleted group, or one not created yet): no sample, no file
      if (!committed.get(group)?.size) continue;
      const lags: LagSample['lags'] = {};
      // Every partition of a topic the group reads, as the group page counts them: a partition it never
      // committed lags by its whole log.
      for (const [topic, partitions] of committed.get(group) ?? []) {
        for (const [partition, partitionBounds] of bounds.get(topic) ?? []) {
          const lag = partitionLag(partitions.get(partition), partitionBounds);
          if (lag !== null) lags[topic] = (lags[topic] ?? 0) + lag;
        }
      }
      await this.store.append(cluster, group, { t, lags });
    }
  }

  /**
   * The chart of a group page: its samples, and from now on it is watched. A group with no samples must exist
   * (404 otherwise), so a mistyped name neither gets watched nor leaves a file behind.
   */
  async pageHistory(gateway: GroupsGateway, group: string, minutes: number): Promise<LagHistory> {
    const history = await this.history(gateway.cluster, group, minutes);
    if (history.series.length === 0) {
      await loadGroup(gateway, group);
    }
    this.watch(gateway.cluster, group);
    return history;
  }

  /** The samples of the last `minutes`; the caller decides whether the group exists and should be watched. */
  async history(cluster: string, group: string, minutes: number): Promise<LagHistory> {
    const all = await this.store.since(cluster, group, Date.now() - minutes * 60_000);
    // Several servers may sample one group: keep one sample per interval (the last), not one per server.
    const byInterval = new Map<number, LagSample>();
    for (const s of all) byInterval.set(Math.floor(s.t / this.options.intervalMs), s);
    const samples = [...byInterval.values()];
    const series = new Map<string, { time: number; lag: number }[]>();
    for (const s of samples)
      for (const [topic, lag] of Object.entries(s.lags)) {
        const points = series.get(topic) ?? [];
        points.push({ time: s.t, lag });
        series.set(topic, points);
      }
    return {
      groupId: group,
      intervalMs: this.options.intervalMs,
      series: [...series]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([topic, points]) => ({ topic, points })),
    };
  }
}
