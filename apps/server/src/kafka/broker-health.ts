// What our own connection attempts say about each broker. Kafka keeps listing a crashed broker as alive
// until the controller fences it (broker.session.timeout.ms, 9 s by default), and for good when the quorum
// is lost: an operator needs to see at once which broker does not answer. Each known broker (every address
// Metadata ever named, so a fenced one is still asked) gets a tiny ApiVersions request on a socket of its
// own, never queued behind another call; gateways also report the failures and answers they see.
import { Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions as TlsOptions } from 'node:tls';
import type { ClusterConnection } from './cluster-connection.ts';
import { DomainError } from '../domain/errors.ts';

export interface BrokerContact {
  /** Whether our last attempt to reach the broker was answered. */
  reachable: boolean;
  /** When the broker last answered us (ms since 1970); null when it never did. */
  lastHeardAt: number | null;
  /** Why the last attempt failed; null when it was answered. */
  lastError: string | null;
}

interface Address {
  host: string;
  port: number;
}

// ApiVersions v0, correlation id 1, client id "tributary-probe": every broker answers it, SASL or not.
const CLIENT_ID = Buffer.from('tributary-probe');
const REQUEST = (() => {
  const body = Buffer.alloc(2 + 2 + 4 + 2 + CLIENT_ID.length);
  body.writeInt16BE(18, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(1, 4);
  body.writeInt16BE(CLIENT_ID.length, 8);
  CLIENT_ID.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
})();

/**
 * Resolves when the broker answers an ApiVersions request; rejects with the reason otherwise. Over TLS when
 * the cluster is (a TLS listener closes a plain connection: every broker looked down and nothing could be
 * produced), with the cluster's CA and client certificate.
 */
function ask(address: Address, timeoutMs: number, tls: TlsOptions | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = tls ? tlsConnect({ ...tls, host: address.host, port: address.port }) : new Socket();
    let received = 0;
    const done = (error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => done(new Error(error.code ?? error.message)));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= 8) done(); // size and correlation id: the broker's request loop runs
    });
    socket.once('close', () => done(new Error('connection closed')));
    if (tls) socket.once('secureConnect', () => socket.write(REQUEST));
    else socket.connect(address.port, address.host, () => socket.write(REQUEST));
  });
}

export class BrokerHealth {
  private readonly addresses = new Map<number, Address>();
  private readonly contacts = new Map<number, BrokerContact>();
  private probing: Promise<void> | undefined;
  /** When the round in flight started, and when the last finished one did. */
  private probingSince = 0;
  private probedSince = 0;

  constructor(
    private readonly timeoutMs: number,
    /** The cluster's TLS settings; undefined for a plaintext cluster. */
    private readonly tls?: TlsOptions,
  ) {}

  /** Remembers the brokers a Metadata answer named (a broker fenced later keeps its address here). */
  learn(brokers: { id: number; host: string; port: number }[]): void {
    for (const b of brokers) this.addresses.set(b.id, { host: b.host, port: b.port });
  }

  heard(id: number): void {
    this.contacts.set(id, { reachable: true, lastHeardAt: Date.now(), lastError: null });
  }

  failed(id: number, reason: string): void {
    const before = this.contacts.get(id);
    this.contacts.set(id, { reachable: false, lastHeardAt: before?.lastHeardAt ?? null, lastError: reason });
  }

  /** Brokers whose last attempt failed. */
  unreachable(): number[] {
    return [...this.contacts].filter(([, c]) => !c.reachable).map(([id]) => id);
  }

  /** Addresses of the brokers whose last attempt was answered, the most recently heard first. */
  reachableAddresses(): Address[] {
    return [...this.contacts]
      .filter(([id, c]) => c.reachable && this.addresses.has(id))
      .sort(([, a], [, b]) => (b.lastHeardAt ?? 0) - (a.lastHeardAt ?? 0))
      .map(([id]) => this.addresses.get(id)!);
  }

  /** The bootstrap list without the addresses of brokers that do not answer now (all of it when none answer). */
  bootstrap(servers: string[]): string[] {
    const down = new Set(
      this.unreachable().flatMap((id) => {
        const a = this.addresses.get(id);
        return a ? [`${a.host}:${a.port}`] : [];
      }),
    );
    const up = servers.filter((s) => !down.has(s));
    return up.length > 0 ? up : servers;
  }

  contact(id: number): BrokerContact | undefined {
    return this.contacts.get(id);
  }

  /**
   * Asks every known broker, unless a round that started less than `maxAgeMs` ago says it already (callers
   * meanwhile share one round; 0 waits for a round that starts now).
   */
  async probe(maxAgeMs = 1000): Promise<Map<number, BrokerContact>> {
    const since = Date.now() - maxAgeMs;
    while (this.probing && this.probingSince < since) await this.probing;
    if (!this.probing && this.probedSince < since) {
      this.probingSince = Date.now();
      this.probing = Promise.all(
        [...this.addresses].map(([id, address]) =>
          ask(address, this.timeoutMs, this.tls).then(
            () => this.heard(id),
            (error: Error) => this.failed(id, error.message),
          ),
        ),
      ).then(() => {
        this.probedSince = this.probingSince;
        this.probing = undefined;
      });
    }
    await this.probing;
    return new Map(this.contacts);
  }
}

/** The broker health of one cluster connection. */
export const brokerHealth = (connection: ClusterConnection): BrokerHealth => connection.health;

/** "broker 3 does not answer (ECONNREFUSED; last heard 12 s ago)" */
export function describeContact(id: number, contact: BrokerContact, now = Date.now()): string {
  const heard =
    contact.lastHeardAt === null
      ? 'not heard from since Tributary started'
      : `last heard ${Math.max(0, Math.round((now - contact.lastHeardAt) / 1000))} s ago`;
  return `Broker ${id} does not answer (${contact.lastError ?? 'no answer'}; ${heard})`;
}

/**
 * A KAFKA_UNAVAILABLE error naming the broker when our own probe found it unreachable, else undefined: such a
 * broker is not asked, as a stalled one would hold the request for the whole deadline.
 */
export function unreachableError(
  contacts: ReadonlyMap<number, BrokerContact>,
  id: number,
): DomainError | undefined {
  const contact = contacts.get(id);
  if (!contact || contact.reachable) return undefined;
  return new DomainError('KAFKA_UNAVAILABLE', `Kafka is unavailable: ${describeContact(id, contact)}`);
}
