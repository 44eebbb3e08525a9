// Sessions every server agrees on, with nothing kept by one server alone: the cookie carries who and until
// when, signed (session-cookie.ts); the key and the logouts are in a compacted Kafka topic that each server
// follows from its start, group-free (session-log.ts). A login made on one server works on the others, and
// a logout on one is refused by the others as soon as they read it (one long poll, about a second).
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { DomainError } from '../domain/errors.ts';
import type { ClusterConnection } from '../kafka/cluster-connection.ts';
import { ownPartitionReader, type OwnPartitionReader } from '../kafka/partition-reader.ts';
import { producerGateway } from '../kafka/producer-gateway.ts';
import { topicsGateway } from '../kafka/topics-gateway.ts';
import { openSession, sealSession, type SessionClaims } from './session-cookie.ts';
import { KEY_PREFIX, revocationRecord, SessionLog } from './session-log.ts';

export type { SessionClaims };

export interface SessionsOptions {
  ttlMs: number;
  /** A configured secret; absent, the first key written to the topic. */
  secret?: string;
  /** Where servers share key and logouts; absent (no cluster configured), this process alone. */
  topic?: { connection: ClusterConnection; name: string };
  /** How long a request waits for the topic to be read up to where it was at the start. */
  readyTimeoutMs: number;
  log: FastifyBaseLogger;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export class Sessions {
  private readonly log = new SessionLog();
  private readonly configuredKey: Buffer | undefined;
  /** Read up to the end the topic had at the start, and a key known: requests can be answered. */
  private caughtUp = false;
  private lastError: unknown;
  private readonly waiters = new Set<() => void>();
  private readonly stopping = new AbortController();
  private following: Promise<void> | undefined;
  private reader: OwnPartitionReader | undefined;

  constructor(private readonly options: SessionsOptions) {
    this.configuredKey = options.secret !== undefined ? Buffer.from(options.secret) : undefined;
    if (!options.topic) {
      this.log.key = this.configuredKey ?? randomBytes(32);
      this.caughtUp = true;
    }
  }

  /** Starts following the topic (once). */
  start(): void {
    if (this.options.topic) this.following ??= this.follow(this.options.topic);
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.following;
    await this.reader?.close();
  }

  /** A new session of `username`: the cookie's value and its claims. */
  async issue(
    username: string,
    providerGroups?: string[],
  ): Promise<{ cookie: string; claims: SessionClaims }> {
    const key = await this.ready();
    const claims: SessionClaims = {
      ...(providerGroups ? { providerGroups } : {}),
      username,
      sessionId: randomBytes(18).toString('base64url'),
      expires: Date.now() + this.options.ttlMs,
    };
    return { cookie: sealSession(claims, key), claims };
  }

  /** The claims of a cookie that is signed, unexpired and not logged out; undefined otherwise. */
  async check(cookie: string): Promise<SessionClaims | undefined> {
    const claims = openSession(cookie, await this.ready());
    if (!claims || this.log.isRevoked(claims.sessionId)) return undefined;
    return claims;
  }

  /** Logs the cookie's session out here at once, and everywhere once the topic has it. */
  async revoke(cookie: string): Promise<void> {
    const claims = await this.check(cookie);
    if (!claims) return;
    this.log.revoke(claims.sessionId, claims.expires);
    const { topic } = this.options;
    if (!topic) return;
    const { key, value } = revocationRecord(claims.sessionId, claims.expires);
    await producerGateway(topic.connection).send(topic.name, [{ key, value, headers: [], partition: 0 }]);
  }

  private key(): Buffer | undefined {
    return this.configuredKey ?? this.log.key;
  }

  private async ready(): Promise<Buffer> {
    this.start();
    if (!this.caughtUp)
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, this.options.readyTimeoutMs);
        this.waiters.add(done);
      });
    const key = this.key();
    if (this.caughtUp && key) return key;
    const { topic } = this.options;
    const why = this.lastError instanceof Error ? `: ${this.lastError.message}` : '';
    throw new DomainError(
      'KAFKA_UNAVAILABLE',
      `Sessions are shared through topic "${topic?.name}" on cluster "${topic?.connection.name}", ` +
        `which could not be read yet${why}. Try again in a moment.`,
    );
  }

  /** Reads the topic from its start, then follows it; proposes a key when the topic has none. */
  private async follow(topic: { connection: ClusterConnection; name: string }): Promise<void> {
    const { signal } = this.stopping;
    let offset = '0';
    let end: bigint | undefined;
    let proposed = false;
    let backoff = 250;
    while (!signal.aborted) {
      try {
        if (!this.reader) {
          await ensureTopic(topic.connection, topic.name);
          this.reader = ownPartitionReader(topic.connection);
        }
        end ??= BigInt((await this.reader.offsets(topic.name)).find((p) => p.partition === 0)?.high ?? 0);
        const result = await this.reader.fetch({
          topic: topic.name,
          partition: 0,
          offset,
          maxBytes: 1 << 20,
          maxWaitMs: this.caughtUp ? 1000 : 50,
          signal,
        });
        for (const record of result.records)
          if (record.key) this.log.apply(record.key.toString('utf8'), record.value);
        if (BigInt(result.nextOffset) > BigInt(offset)) offset = result.nextOffset;
        if (!this.caughtUp && BigInt(offset) >= end) {
          // Read to the end and no key yet: propose one; the first key record anybody wrote is the key.
          if (!this.key() && !proposed) {
            await producerGateway(topic.connection).send(topic.name, [
              {
                key: Buffer.from(`${KEY_PREFIX}${randomUUID()}`),
                value: randomBytes(32),
                headers: [],
                partition: 0,
              },
            ]);
            proposed = true;
          }
          if (this.key()) {
            this.caughtUp = true;
            for (const wake of [...this.waiters]) wake();
          }
        }
        backoff = 250;
      } catch (error) {
        if (signal.aborted) return;
        this.lastError = error;
        this.options.log.warn({ err: error, topic: topic.name }, 'the session topic could not be read');
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }
}

/** The compacted topic, created when missing (another server may have just made it). */
async function ensureTopic(connection: ClusterConnection, name: string): Promise<void> {
  try {
    await topicsGateway(connection).createTopic({
      name,
      partitions: 1,
      replicationFactor: -1,
      configs: { 'cleanup.policy': 'compact' },
    });
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
  }
}
