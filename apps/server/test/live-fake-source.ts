// An in-memory topic for the session's unit tests: it long-polls like a broker and can be deleted or
// made to fail. Integration tests use the real broker and the real reader.
import type { LiveEvent, LiveFilter, Message } from '@tributary/contract';
import { DomainError } from '../src/domain/errors.ts';
import type { LiveFetchRequest, LiveFetchResult, LiveSink } from '../src/domain/live/index.ts';
import type { LiveSource, PartitionRange } from '../src/domain/live/source.ts';

export interface FakeRecord {
  partition: number;
  offset: bigint;
  value: string;
  /** A transaction marker: takes an offset, is never returned as a record. */
  control?: boolean;
}

export class FakeTopic implements LiveSource<FakeRecord> {
  readonly logs: FakeRecord[][];
  deleted = false;
  failing: DomainError | undefined;
  fetches = 0;
  decodes = 0;
  /** What each fetch asked for: partition, offset, how long and for how much to wait. */
  readonly requests: Omit<LiveFetchRequest, 'signal'>[] = [];
  private waiters = new Set<() => void>();

  constructor(partitions: number) {
    this.logs = Array.from({ length: partitions }, () => []);
  }

  produce(partition: number, ...values: string[]): void {
    const log = this.logs[partition]!;
    for (const value of values) log.push({ partition, offset: BigInt(log.length), value });
    for (const wake of this.waiters) wake();
  }

  /** Appends a transaction commit marker (an offset with no message). */
  marker(partition: number): void {
    const log = this.logs[partition]!;
    log.push({ partition, offset: BigInt(log.length), value: '', control: true });
    for (const wake of this.waiters) wake();
  }

  async offsets(): Promise<PartitionRange[]> {
    if (this.deleted) throw new DomainError('NOT_FOUND', 'This server does not host this topic-partition');
    return this.logs.map((log, partition) => ({ partition, low: 0n, high: BigInt(log.length) }));
  }

  async fetch(request: LiveFetchRequest): Promise<LiveFetchResult<FakeRecord>> {
    this.fetches++;
    const { signal: _signal, ...asked } = request;
    this.requests.push(asked);
    if (this.failing) throw this.failing;
    if (this.deleted) throw new DomainError('NOT_FOUND', 'This server does not host this topic-partition');
    const log = this.logs[request.partition]!;
    if (BigInt(log.length) <= request.offset) await this.wait(request.maxWaitMs, request.signal);
    const batch = log.slice(Number(request.offset), Number(request.offset) + 100);
    return {
      records: batch.filter((r) => !r.control),
      highWatermark: BigInt(log.length),
      logStartOffset: 0n,
      nextOffset: request.offset + BigInt(batch.length),
    };
  }

  offsetOf(record: FakeRecord): bigint {
    return record.offset;
  }

  decode(record: FakeRecord): Message {
    this.decodes++;
    const text = {
      format: 'string' as const,
      text: record.value,
      size: record.value.length,
      truncated: false,
    };
    return {
      partition: record.partition,
      offset: record.offset.toString(),
      timestamp: 0,
      timestampType: 'CreateTime',
      key: null,
      value: text,
      headers: [],
      sizes: { key: 0, value: record.value.length, headers: 0 },
    };
  }

  compileFilter(filter: LiveFilter): ((m: Message) => boolean) | undefined {
    if (filter.q === undefined || filter.q === '') return undefined;
    if (filter.q.startsWith('('))
      throw new DomainError('BAD_REQUEST', 'Unbalanced parenthesis in the filter');
    const q = filter.q;
    return (m) => m.value?.text.includes(q) ?? false;
  }

  private wait(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** Collects events like a socket would, with a settable buffered amount. */
export class FakeSink implements LiveSink {
  readonly events: LiveEvent[] = [];
  buffered = 0;
  closed: { code: number; reason: string } | undefined;

  send(event: LiveEvent): void {
    this.events.push(event);
  }
  bufferedAmount(): number {
    return this.buffered;
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
  of<T extends LiveEvent['type']>(type: T): Extract<LiveEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<LiveEvent, { type: T }> => e.type === type);
  }
  /** The messages of every `messages` frame, in order. */
  messages(): Message[] {
    return this.of('messages').flatMap((e) => e.messages);
  }
  values(): string[] {
    return this.messages().map((m) => m.value?.text ?? '');
  }
}
