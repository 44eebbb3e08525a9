import { Kafka, logLevel, type Admin, type Producer, type SASLOptions } from 'kafkajs';
import type { ClusterConfig } from '../config.ts';
import { toDomainError, withDeadline } from './errors.ts';
import { BrokerHealth } from './broker-health.ts';

/** One admin request as the metrics see it: `api` is the call's fixed description, `error` its error code. */
export interface KafkaRequestSample {
  cluster: string;
  api: string;
  seconds: number;
  error?: string;
}

export interface ConnectionOptions {
  /** Upper bound for one admin call, so a silent broker fails the request instead of hanging it. */
  requestTimeoutMs: number;
  /** Told of every admin request (kafkajs and the gap adapter alike), e.g. by the metrics. */
  observe?: (sample: KafkaRequestSample) => void;
}

function saslOf(config: ClusterConfig): SASLOptions | undefined {
  const sasl = config.sasl;
  if (!sasl) return undefined;
  return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
}

/**
 * One cluster's kafkajs client: created once, connected lazily on first use, reused by every request,
 * closed on shutdown. A failed connect is forgotten so the next request tries again.
 */
export class ClusterConnection {
  readonly kafka: Kafka;
  private adminPromise: Promise<Admin> | undefined;
  private producerPromise: Promise<Producer> | undefined;
  private readonly closeHooks: (() => Promise<void>)[] = [];
  /** What our own connection attempts say about each broker (kafka/broker-health.ts). */
  readonly health: BrokerHealth;

  constructor(
    readonly config: ClusterConfig,
    readonly options: ConnectionOptions,
    /** Shared with the cluster's main connection when this one is a tail's own. */
    health?: BrokerHealth,
  ) {
    const sasl = saslOf(config);
    this.health = health ?? new BrokerHealth(Math.min(1500, options.requestTimeoutMs), config.tls);
    this.kafka = new Kafka({
      clientId: 'tributary',
      // Asked at each (re)connect: a new seed broker is picked among those our own probe hears from.
      brokers: () => this.health.bootstrap(config.bootstrapServers),
      logLevel: logLevel.NOTHING,
      connectionTimeout: Math.min(3000, options.requestTimeoutMs),
      requestTimeout: options.requestTimeoutMs,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1000 },
      ...(sasl ? { sasl } : {}),
      // No CA or certificate given: TLS with the system's certificate authorities.
      ...(config.tls ? { ssl: Object.keys(config.tls).length > 0 ? { ...config.tls } : true } : {}),
    });
  }

  get name(): string {
    return this.config.name;
  }

  admin(): Promise<Admin> {
    this.adminPromise ??= this.connect(this.kafka.admin(), 'admin').catch((error: unknown) => {
      this.adminPromise = undefined;
      throw error;
    });
    return this.adminPromise;
  }

  /** Idempotent with acks=all (set per send), so a retry never writes a message twice. */
  producer(): Promise<Producer> {
    this.producerPromise ??= this.connect(
      this.kafka.producer({ idempotent: true, maxInFlightRequests: 5 }),
      'producer',
    ).catch((error: unknown) => {
      this.producerPromise = undefined;
      throw error;
    });
    return this.producerPromise;
  }

  /** Runs one admin call with a deadline and Kafka errors mapped to domain errors. */
  async withAdmin<T>(
    what: string,
    call: (admin: Admin) => Promise<T>,
    context: Record<string, unknown> = {},
  ): Promise<T> {
    return this.observed(what, async () => {
      try {
        const admin = await this.admin();
        return await withDeadline(call(admin), this.options.requestTimeoutMs * 2, what);
      } catch (error) {
        throw toDomainError(error, { cluster: this.name, ...context });
      }
    });
  }

  /** Runs one admin request and tells `options.observe` how long it took and how it ended. */
  async observed<T>(api: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const report = (error?: unknown) =>
      this.options.observe?.({
        cluster: this.name,
        api,
        seconds: (performance.now() - started) / 1000,
        ...(error === undefined ? {} : { error: (error as { code?: string }).code ?? 'ERROR' }),
      });
    try {
      const result = await run();
      report();
      return result;
    } catch (error) {
      report(error ?? 'ERROR');
      throw error;
    }
  }

  /** Other clients of this cluster (the gap adapter, readers) close with it. */
  onClose(hook: () => Promise<void>): void {
    this.closeHooks.push(hook);
  }

  async close(): Promise<void> {
    const hooks = this.closeHooks.splice(0).map((hook) => hook().catch(() => {}));
    const closing = [this.adminPromise, this.producerPromise].map(async (p) => {
      const client = await p?.catch(() => undefined);
      await client?.disconnect().catch(() => {});
    });
    this.adminPromise = undefined;
    this.producerPromise = undefined;
    await Promise.all([...closing, ...hooks]);
  }

  private async connect<T extends { connect(): Promise<void> }>(client: T, what: string): Promise<T> {
    await withDeadline(
      client.connect(),
      this.options.requestTimeoutMs * 2,
      `connecting the ${what} to ${this.config.bootstrapServers.join(',')}`,
    );
    return client;
  }
}

/** One `T` per connection, made on first use: gateways and readers hold no state but their connection's. */
export function perConnection<T extends object>(
  create: (connection: ClusterConnection) => T,
): (connection: ClusterConnection) => T {
  const made = new WeakMap<ClusterConnection, T>();
  return (connection) => {
    let value = made.get(connection);
    if (!value) {
      value = create(connection);
      made.set(connection, value);
    }
    return value;
  };
}
