import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { KafkaRequestSample } from '../kafka/cluster-connection.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** Work of one kind running now, read at each scrape (the counts live with the work, not here). */
export type RunningKind = 'live_tails' | 'searches' | 'exports';

/**
 * The server's Prometheus metrics, one registry per app (tests build several apps in one process). Names
 * follow Prometheus' conventions: `_total` counters, `_seconds` histograms, base units.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly running = new Map<RunningKind, () => number>();

  private readonly httpRequests = new Counter({
    name: 'tributary_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'tributary_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (to the last byte handed to the socket), by route and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly kafkaRequests = new Counter({
    name: 'tributary_kafka_requests_total',
    help: 'Kafka admin requests, by cluster, API and outcome (ok or the error code the API answered).',
    labelNames: ['cluster', 'api', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly kafkaDuration = new Histogram({
    name: 'tributary_kafka_request_duration_seconds',
    help: 'Time a Kafka admin request took, failures included, by cluster and API.',
    labelNames: ['cluster', 'api'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly liveMessages = new Counter({
    name: 'tributary_live_tail_messages_total',
    help: 'Messages of live tails: sent to a tab, or skipped because the tab could not keep up.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Node's own (process_cpu_seconds_total, nodejs_heap_size_used_bytes …), under their usual names.
    collectDefaultMetrics({ register: this.registry });
    for (const [kind, name, help] of [
      ['live_tails', 'tributary_live_tails_open', 'Live tails (WebSockets) open now.'],
      ['searches', 'tributary_searches_running', 'Message searches running now.'],
      ['exports', 'tributary_exports_running', 'Message exports streaming now.'],
    ] as const) {
      const running = this.running;
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(running.get(kind)?.() ?? 0);
        },
      });
    }
  }

  /** Reports how many of `kind` run now; called once by the routes that own them. */
  track(kind: RunningKind, read: () => number): void {
    this.running.set(kind, read);
  }

  http(route: string, method: string, status: number, seconds: number): void {
    this.httpRequests.inc({ route, method, status: String(status) });
    this.httpDuration.observe({ route, method }, seconds);
  }

  /** The observer ClusterConnection calls after each admin request. */
  readonly kafka = (sample: KafkaRequestSample): void => {
    this.kafkaRequests.inc({ cluster: sample.cluster, api: sample.api, outcome: sample.error ?? 'ok' });
    this.kafkaDuration.observe({ cluster: sample.cluster, api: sample.api }, sample.seconds);
  };

  live(outcome: 'sent' | 'skipped', count = 1): void {
    if (count > 0) this.liveMessages.inc({ outcome }, count);
  }
}

/** Whether the request bears the configured scrape token (`Authorization: Bearer <metrics.token>`). */
export function hasScrapeToken(config: AppConfig, request: FastifyRequest): boolean {
  const token = config.metrics.token;
  const given = request.headers.authorization?.replace(/^Bearer /, '');
  if (!token || given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Decorates the app with its metrics and times every HTTP answer (GET /metrics is in routes/health.ts). */
export const metricsPlugin = fp(
  async (app) => {
    const metrics = new Metrics();
    app.decorate('metrics', metrics);
    app.addHook('onResponse', async (request, reply) => {
      // The template (/api/clusters/:cluster/topics), never the path: label values must stay few.
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.http(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    });
  },
  { name: 'metrics' },
);
