import { DomainError } from '../errors.ts';

/** Counts the live tails of this server and refuses one past the configured cap. */
export class LiveTailRegistry<T extends { close(): Promise<void> }> {
  private readonly tails = new Set<T>();

  constructor(private readonly cap: () => number) {}

  get size(): number {
    return this.tails.size;
  }

  /** Registers a tail, or throws TOO_MANY with a sentence the tab shows. */
  add(tail: T): void {
    const cap = this.cap();
    if (this.tails.size >= cap) {
      throw new DomainError(
        'TOO_MANY',
        `This server already runs ${cap} live tails, its limit (liveTailsMax). Close a Live tab or try again later.`,
      );
    }
    this.tails.add(tail);
  }

  async remove(tail: T): Promise<void> {
    if (!this.tails.delete(tail)) return;
    await tail.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.tails].map((t) => this.remove(t)));
  }
}
