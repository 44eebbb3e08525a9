// Runs one responder on the server that owns it: reads its request topic group-free and answers each
// message that carries a reply-to header, on that topic, with the same correlation id. The next offset of
// each partition is stored with the progress, so the next owner goes on where this one stopped.
import type { ResponderDef, ResponderState } from '../domain/responders/records.ts';
import { replyValue } from '../domain/responders/records.ts';
import { produceOne } from '../domain/messages/produce.ts';
import type { ClusterConnection } from './cluster-connection.ts';
import { partitionReader } from './partition-reader.ts';
import { producerGateway } from './producer-gateway.ts';

export interface ResponderDeps {
  runnerId: string;
  save(def: ResponderDef, state: ResponderState): Promise<void>;
  log(message: string, error?: unknown): void;
}

export class ResponderRunner {
  private stopped = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private def: ResponderDef,
    private state: ResponderState | undefined,
    private readonly connection: ClusterConnection,
    private readonly deps: ResponderDeps,
  ) {}

  start(): void {
    this.stopped = false;
    this.running = this.running.then(() => this.loop()).catch((e) => this.deps.log('responder', e));
  }

  stop(): Promise<void> {
    this.stopped = true;
    return this.running;
  }

  async update(def: ResponderDef): Promise<void> {
    await this.stop();
    this.def = def;
    this.start();
  }

  private async loop(): Promise<void> {
    const reader = partitionReader(this.connection);
    const { topic } = this.def;
    // First start: answer what came since the responder was created (a server takes it up seconds later).
    const state: ResponderState = this.state ?? {
      positions: Object.fromEntries(
        (await reader.offsetsForTime(topic, this.def.createdAt)).map((p) => [String(p.partition), p.offset]),
      ),
      answered: 0,
      failures: 0,
    };
    this.state = state;
    const replyTo = this.def.replyToHeader ?? 'reply-to';
    const correlation = this.def.correlationHeader ?? 'correlation-id';
    while (!this.stopped) {
      let changed = false;
      for (const [partition, offset] of Object.entries(state.positions)) {
        if (this.stopped) break;
        const page = await reader.fetch({
          topic,
          partition: Number(partition),
          offset,
          maxBytes: 1 << 20,
          maxWaitMs: 250,
        });
        for (const record of page.records) {
          const to = record.headers.find((h) => h.key === replyTo)?.value?.toString('utf8');
          if (!to) continue;
          const id = record.headers.find((h) => h.key === correlation)?.value?.toString('utf8');
          try {
            await produceOne(producerGateway(this.connection), to, {
              key: record.key?.toString('utf8') ?? null,
              value: replyValue(this.def, record.value),
              headers: id === undefined ? [] : [{ key: correlation, value: id }],
            });
            state.answered++;
          } catch (error) {
            state.failures++;
            state.lastError = (error as Error).message;
          }
        }
        if (page.nextOffset !== offset) {
          state.positions[partition] = page.nextOffset;
          changed = true;
        }
      }
      if (changed) {
        state.runner = this.deps.runnerId;
        await this.deps.save(this.def, state).catch((e) => this.deps.log('saving a responder', e));
      }
    }
  }
}
