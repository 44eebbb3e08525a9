import { DomainError } from './errors.ts';

/**
 * Counts work of one kind that runs at once (live tails, searches, exports) and refuses one past the
 * configured cap: each holds Kafka fetches and buffers, and 100 whole-topic searches took 713 MB.
 */
export class ConcurrencyLimit {
  private running = 0;

  constructor(
    private readonly cap: () => number,
    /** The sentence a refused person reads, given the cap. */
    private readonly refusal: (cap: number) => string,
  ) {}

  get size(): number {
    return this.running;
  }

  /** Takes a slot, or throws TOO_MANY; the answer gives the slot back (once, however often it is called). */
  acquire(): () => void {
    const cap = this.cap();
    if (this.running >= cap) throw new DomainError('TOO_MANY', this.refusal(cap));
    this.running++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.running--;
    };
  }
}
