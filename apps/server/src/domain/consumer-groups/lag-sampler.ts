import type { LagHistory } from '@tributary/contract';
import type { ClusterRegistry } from '../../kafka/cluster-registry.ts';
import { topicBounds } from '../../kafka/groups-service.ts';
import { fetchCommittedOffsets } from '../../kafka/gap-adapter/consumer-groups.ts';
import { lagOf } from './describe.ts';
import { LagHistoryStore, type LagSample } from './lag-history-store.ts';

export interface LagSamplerOptions {
  dir: string;
  intervalMs: number;
  /** `cluster/group` entries sampled always. */
  watched: string[];
  /** A group whose page was last requested longer ago than this stops being sampled. */
  watchTtlMs?: number;
  /** At most this many groups are sampled (configured ones first). */
  maxWatched?: number;
  log?: (message: string, error?: unknown) => void;
}

const RETENTION_MS = 6 * 60 * 60 * 1000;

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
    private readonly clusters: ClusterRegistry,
    private readonly options: LagSamplerOptions,
  ) {
    this.store = new LagHistoryStore(
      options.dir,
      Math.min(10_000, Math.ceil(RETENTION_MS / options.intervalMs)),
    );
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

  /** Marks a group as watched; the first watch samples it at once so a chart has a point to start from. */
  watch(cluster: string, group: string): void {
    const key = `${cluster}\u0000${group}`;
    const isNew = !this.requested.has(key) && !this.pinned.has(key);
    this.requested.set(key, Date.now());
    if (isNew)
      void this.sample(cluster, [group]).catch((e: unknown) => this.options.log?.('lag sample failed', e));
  }

  watchedGroups(): { cluster: string; group: string }[] {
    const now = Date.now();
    for (const [key, at] of this.requested) {
      if (now - at > this.ttl) {
        this.requested.delete(key);
        const [cluster = '', group = ''] = key.split('\u0000');
        this.store.evict(cluster, group);
      }
    }
    return [...new Set([...this.pinned, ...this.requested.keys()])].slice(0, this.max).map((key) => {
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
    const connection = this.clusters.get(cluster);
    const committed = await fetchCommittedOffsets(connection, groups);
    const topics = new Set<string>();
    for (const offsets of committed.values()) for (const t of offsets.keys()) topics.add(t);
    const bounds = await topicBounds(connection, topics);
    const t = Date.now();
    for (const group of groups) {
      const lags: LagSample['lags'] = {};
      for (const [topic, partitions] of committed.get(group) ?? []) {
        for (const [partition, current] of partitions) {
          const lag = lagOf(current, bounds.get(topic)?.get(partition)?.high);
          if (lag !== null) lags[topic] = (lags[topic] ?? 0) + lag;
        }
      }
      await this.store.append(cluster, group, { t, lags });
    }
  }

  async history(cluster: string, group: string, minutes: number): Promise<LagHistory> {
    this.watch(cluster, group);
    const samples = await this.store.since(cluster, group, Date.now() - minutes * 60_000);
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
