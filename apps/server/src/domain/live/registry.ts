import { ConcurrencyLimit } from '../limits.ts';

/** Counts the live tails of this server and refuses one past the configured cap. */
export class LiveTailRegistry<T extends { close(): Promise<void> }> {
  private readonly tails = new Map<T, () => void>();
  private readonly limit: ConcurrencyLimit;

  constructor(cap: () => number) {
    this.limit = new ConcurrencyLimit(
      cap,
      (max) =>
        `This server already runs ${max} live tails, its limit (liveTailsMax). Close a Live tab or try again later.`,
    );
  }

  get size(): number {
    return this.tails.size;
  }

  /** Registers a tail, or throws TOO_MANY with a sentence the tab shows. */
  add(tail: T): void {
    this.tails.set(tail, this.limit.acquire());
  }

  async remove(tail: T): Promise<void> {
    const release = this.tails.get(tail);
    if (!release) return;
    this.tails.delete(tail);
    release();
    await tail.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.tails.keys()].map((t) => this.remove(t)));
  }
}
