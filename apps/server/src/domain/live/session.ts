import type { LiveCommand, LiveEvent, LiveFilter, LiveFrom, Message } from '@tributary/contract';
import { LIVE_CLOSE } from '@tributary/contract';
import { DomainError, badRequest } from '../errors.ts';
import { keepPositions, selectPartitions, startPositions, toPositions } from './positions.ts';
import type { Formats, LiveFetchResult, LiveSource, PartitionRange } from './source.ts';
import { LiveCounters } from './stats.ts';
import { DEFAULT_LIVE_OPTIONS, KEPT, NEEDS_START, type LiveOptions, type LiveSink } from './options.ts';
import { sleep } from './sleep.ts';

/**
 * One tab's live tail. One long-polling loop per tailed partition reads group-less from its position (the
 * next offset to read); every reconfiguration bumps `epoch` and aborts the old loops. Nothing is committed:
 * the position lives here and in the tab, which sends it back after a reconnect.
 */
export class LiveSession<R> {
  private epoch = 0;
  private abort = new AbortController();
  private loops: Promise<void>[] = [];
  private started = false;
  private paused = false;
  private closed = false;
  private partitions: number[] = [];
  private requested: number[] | null = null;
  private positions = new Map<number, bigint>();
  private highs = new Map<number, bigint>();
  private filter: LiveFilter = {};
  private matches: ((m: Message) => boolean) | undefined;
  private formats: Formats = { keyFormat: 'auto', valueFormat: 'auto' };
  private inFlight = 0;
  private wakers: (() => void)[] = [];
  private readonly counters = new LiveCounters();
  private readonly timer: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;
  private refreshing = false;
  /** How the tail started: a partition whose leader did not answer then starts this way once it does. */
  private from: LiveFrom = { mode: 'now' };
  private startedAt = 0;
  /** Tailed partitions whose last fetch failed, and those already named in a warning. */
  private readonly failing = new Set<number>();
  private readonly warned = new Set<number>();
  private queue: Promise<void> = Promise.resolve();
  /** Messages offered and not yet sent: they leave together, one frame per batchMs at most (or batchMax). */
  private pending: Message[] = [];
  private batchTimer: NodeJS.Timeout | undefined;
  private lastFrameAt = 0;

  constructor(
    readonly topic: string,
    private readonly source: LiveSource<R>,
    private readonly sink: LiveSink,
    private readonly options: LiveOptions = DEFAULT_LIVE_OPTIONS,
    /** Unexpected failures go to the server log (the tab gets a generic sentence). */
    private readonly logError: (error: unknown) => void = () => {},
  ) {
    this.timer = setInterval(() => this.tick(), options.statsIntervalMs);
    this.heartbeat = setInterval(() => this.send({ type: 'heartbeat', at: Date.now() }), options.heartbeatMs);
  }

  /** Commands apply one at a time, in arrival order. */
  command(command: LiveCommand): Promise<void> {
    this.queue = this.queue
      .then(() => this.apply(command))
      .catch((error: unknown) => this.reject(error, command.type));
    return this.queue;
  }

  /** Stops every loop and aborts their fetches; resolves when they have all returned. */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      clearInterval(this.timer);
      clearInterval(this.heartbeat);
      clearTimeout(this.batchTimer);
      this.pending = [];
      this.restartLoops(false);
    }
    await Promise.allSettled(this.loops);
  }

  private async apply(command: LiveCommand): Promise<void> {
    if (this.closed) return;
    // Before a start there is nothing to change: say so instead of staying silent (`ack` is harmless).
    if (!this.started && command.type in NEEDS_START)
      throw badRequest(
        `Send a start command first: there is no running tail to ${NEEDS_START[command.type as keyof typeof NEEDS_START]}.`,
      );
    switch (command.type) {
      case 'start': {
        const matches = command.filter ? this.source.compileFilter(command.filter) : this.matches;
        const ranges = await this.source.offsets(this.topic);
        // `partitions: null` asks for every partition again; leaving it out keeps the current choice.
        const requested = command.partitions === undefined ? this.requested : command.partitions;
        const partitions = selectPartitions(ranges, requested);
        this.positions = startPositions(ranges, partitions, command.from);
        this.from = command.from;
        this.startedAt = Date.now();
        this.failing.clear();
        this.warned.clear();
        this.noteHighs(ranges);
        this.requested = requested;
        this.partitions = partitions;
        if (command.filter) [this.filter, this.matches] = [command.filter, matches];
        this.formats = {
          keyFormat: command.keyFormat ?? this.formats.keyFormat,
          valueFormat: command.valueFormat ?? this.formats.valueFormat,
        };
        this.started = true;
        this.paused = false;
        this.restartLoops(true);
        return this.subscribed(command.from.mode === 'offsets');
      }
      case 'partitions': {
        const ranges = await this.source.offsets(this.topic);
        const partitions = selectPartitions(ranges, command.partitions);
        this.requested = command.partitions;
        this.positions = keepPositions(ranges, partitions, this.positions);
        this.partitions = partitions;
        this.noteHighs(ranges);
        this.restartLoops(true);
        return this.subscribed(false);
      }
      case 'filter':
        this.matches = this.source.compileFilter(command.filter);
        this.filter = command.filter;
        return this.subscribed(false);
      case 'pause':
        this.paused = true;
        return this.send({ type: 'paused', positions: toPositions(this.positions) });
      case 'resume':
        this.paused = false;
        this.wake();
        return this.send({ type: 'resumed', positions: toPositions(this.positions) });
      case 'ack':
        this.inFlight = Math.max(0, this.inFlight - command.count);
        return;
      case 'stop':
        this.send({ type: 'end', reason: 'Stopped.', reconnect: false });
        this.sink.close(LIVE_CLOSE.stopped, 'stopped');
        return this.close();
    }
  }

  private subscribed(resumed: boolean): void {
    this.send({
      type: 'subscribed',
      topic: this.topic,
      allPartitions: [...this.highs.keys()].sort((a, b) => a - b),
      partitions: this.partitions,
      positions: toPositions(this.positions),
      filter: this.filter,
      resumed,
    });
  }

  private restartLoops(spawn: boolean): void {
    this.epoch++;
    this.abort.abort();
    this.abort = new AbortController();
    this.wake();
    // The tailed partitions changed: count the topic's rate from their log ends as they are now.
    this.counters.rebase(this.totals().highSum);
    if (!spawn || this.closed) return;
    const epoch = this.epoch;
    const signal = this.abort.signal;
    this.loops = this.partitions.map((p) => this.loop(p, epoch, signal));
  }

  private current(epoch: number): boolean {
    return !this.closed && epoch === this.epoch;
  }

  private async loop(partition: number, epoch: number, signal: AbortSignal): Promise<void> {
    let failures = 0;
    let flowing = false; // the last fetch brought records: pace the next one
    while (this.current(epoch)) {
      if (this.paused) {
        await new Promise<void>((resolve) => this.wakers.push(resolve));
        continue;
      }
      if (!this.positions.has(partition)) {
        // Its leader did not answer when the tail started: wait for it, the other partitions go on.
        const started = await this.startLate(partition).catch(() => false);
        if (!this.current(epoch)) return;
        if (!started) await sleep(Math.min(5000, this.options.retryBackoffMs * 2 ** failures++), signal);
        continue;
      }
      this.capLag(partition);
      const offset = this.positions.get(partition) ?? 0n;
      let result: LiveFetchResult<R>;
      try {
        result = await this.source.fetch({
          topic: this.topic,
          partition,
          offset,
          maxBytes: this.options.fetchMaxBytes,
          // The real source sends the partitions' fetches to a broker in one request (FetchCoalescer).
          maxWaitMs: flowing ? this.options.paceMs : this.options.maxWaitMs,
          minBytes: flowing ? this.options.paceBytes : 1,
          signal,
        });
        failures = 0;
        this.failing.delete(partition);
        this.warned.delete(partition);
      } catch (error) {
        if (!this.current(epoch)) return;
        failures++;
        this.failing.add(partition);
        if (this.othersTail(partition, error)) {
          // One leader down: say so once, keep trying it (backing off), and keep tailing the others.
          this.warnUnavailable(partition, (error as DomainError).message);
          await sleep(Math.min(5000, this.options.retryBackoffMs * 2 ** Math.min(failures - 1, 5)), signal);
          continue;
        }
        if (await this.givesUp(error, failures)) return this.fatal(error);
        await sleep(this.options.retryBackoffMs * 2 ** (failures - 1), signal);
        continue;
      }
      if (!this.current(epoch)) return;
      flowing = result.records.length > 0;
      this.highs.set(partition, result.highWatermark);
      // A fetch that was in flight when the tab paused is not delivered: it is read again on resume.
      if (this.paused) continue;
      this.deliver(partition, offset, result);
    }
  }

  private deliver(partition: number, offset: bigint, result: LiveFetchResult<R>): void {
    let next = offset < result.logStartOffset ? result.logStartOffset : offset;
    for (const record of result.records) {
      const recordOffset = this.source.offsetOf(record);
      if (recordOffset < next) continue; // a batch may start before the requested offset
      this.offer(record);
      next = recordOffset + 1n;
    }
    // Every record up to nextOffset was offered, so skipping the markers and gaps behind them loses nothing.
    if (result.nextOffset !== undefined && result.nextOffset > next) next = result.nextOffset;
    if (result.records.length === 0 && next > result.highWatermark) next = result.highWatermark;
    this.positions.set(partition, next);
  }

  /** Sends the record if it matches and the tab can take it; otherwise counts why it was not shown. */
  private offer(record: R): void {
    const room =
      this.inFlight < this.options.maxInFlight && this.sink.bufferedAmount() < this.options.maxBufferedBytes;
    if (!room && !this.matches) return this.counters.countSkipped(); // no need to decode what is dropped
    const message = this.source.decode(record, this.formats);
    if (this.matches && !this.matches(message)) return this.counters.countFiltered();
    if (!room) return this.counters.countSkipped();
    this.pending.push(message);
    this.inFlight++;
    if (this.pending.length >= this.options.batchMax) this.flush(true);
    // After the other partitions of this fetch round (the same turn), and a batchMs after the last frame.
    else
      this.batchTimer ??= setTimeout(
        () => this.flush(),
        Math.max(0, this.lastFrameAt + this.options.batchMs - Date.now()),
      );
  }

  /**
   * The waiting messages in one frame. Any other event flushes them first, so the order is kept. A `full`
   * frame (batchMax) leaves the 50 ms cadence alone: the rest of the same fetch round follows at once
   * instead of a batchMs later (it made a busy tail's p99 one batchMs longer).
   */
  private flush(full = false): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    if (this.pending.length === 0) return;
    const messages = this.pending;
    this.pending = [];
    if (!full) this.lastFrameAt = Date.now();
    this.sink.send({ type: 'messages', messages });
    this.counters.countSent(messages.length);
  }

  private send(event: LiveEvent): void {
    this.flush();
    this.sink.send(event);
  }

  /** A tail shows what happens now: a partition too far behind skips ahead, and says so in `stats`. */
  private capLag(partition: number): void {
    const [high, position] = [this.highs.get(partition), this.positions.get(partition)];
    const floor = high === undefined ? undefined : high - BigInt(this.options.maxLagPerPartition);
    if (position === undefined || floor === undefined || position >= floor) return;
    this.counters.countSkipped(Number(floor - position));
    this.positions.set(partition, floor);
  }

  /** Starts a partition that had no position (its leader did not answer) once its offsets are known. */
  private async startLate(partition: number): Promise<boolean> {
    const ranges = await this.source.offsets(this.topic);
    const range = ranges.find((r) => r.partition === partition);
    if (range?.unavailable) this.warnUnavailable(partition, range.unavailable);
    let position = startPositions(ranges, [partition], this.from).get(partition);
    if (position === undefined || this.positions.has(partition)) return this.positions.has(partition);
    // "now" meant when the tail started: what was written to it since (a new leader took over) is shown too.
    if (this.from.mode === 'now' && this.source.offsetAt) {
      const at = await this.source.offsetAt(this.topic, partition, this.startedAt).catch(() => undefined);
      if (at !== undefined && at >= range!.low && at < position) position = at;
    }
    if (this.positions.has(partition)) return true;
    this.positions.set(partition, position);
    this.highs.set(partition, range!.high);
    this.warned.delete(partition);
    return true;
  }

  /** A partition's leader is unreachable while another tailed partition still reads: the tail goes on. */
  private othersTail(partition: number, error: unknown): boolean {
    if (!(error instanceof DomainError && error.code === 'KAFKA_UNAVAILABLE')) return false;
    return this.partitions.some((p) => p !== partition && this.positions.has(p) && !this.failing.has(p));
  }

  private warnUnavailable(partition: number, reason: string): void {
    if (this.warned.has(partition) || this.closed) return;
    this.warned.add(partition);
    this.send({
      type: 'error',
      code: 'KAFKA_UNAVAILABLE',
      message: `Not tailing partition ${partition} for now: ${reason.replace(/\.$/, '')}. The other partitions go on; this one follows once its leader answers.`,
      fatal: false,
    });
  }

  /** Gone topic or partition: give up now. Anything else (leader moved, broker restarting): a few retries. */
  private async givesUp(error: unknown, failures: number): Promise<boolean> {
    if (failures >= this.options.retryLimit) return true;
    try {
      const ranges = await this.source.offsets(this.topic);
      return !ranges.some((r) => this.partitions.includes(r.partition));
    } catch (checkError) {
      return checkError instanceof DomainError && checkError.code === 'NOT_FOUND';
    }
  }

  private tick(): void {
    if (!this.started || this.closed) return;
    if (this.paused) void this.refreshHighs(); // the loops sleep, but the topic's rate is still shown
    this.flush(); // counted as sent in this second
    const { inFlight, paused } = this;
    const state = { ...this.totals(), inFlight, paused, bufferedBytes: this.sink.bufferedAmount() };
    this.send(this.counters.take(Date.now(), state));
  }

  private async refreshHighs(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      this.noteHighs(await this.source.offsets(this.topic));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') this.fatal(error);
    } finally {
      this.refreshing = false;
    }
  }

  /** Log ends summed over the tailed partitions (their growth is the topic's rate), and the lag behind. */
  private totals(): { highSum: bigint; lag: bigint } {
    let [highSum, lag] = [0n, 0n];
    for (const p of this.partitions) {
      const high = this.highs.get(p) ?? 0n;
      highSum += high;
      lag += high - (this.positions.get(p) ?? high);
    }
    return { highSum, lag };
  }

  private noteHighs(ranges: PartitionRange[]): void {
    this.highs = new Map(ranges.map((r) => [r.partition, r.high]));
  }

  private wake(): void {
    for (const resolve of this.wakers.splice(0)) resolve();
  }

  /** A bad command (filter syntax, unknown partition) is reported and the tail goes on; Kafka errors end it. */
  private reject(error: unknown, command: LiveCommand['type']): void {
    if (!(error instanceof DomainError && error.code === 'BAD_REQUEST')) return this.fatal(error);
    const kept = this.started && command in KEPT ? ` ${KEPT[command as keyof typeof KEPT]}` : '';
    this.send({ type: 'error', code: error.code, message: error.message + kept, fatal: false });
  }

  private fatal(error: unknown): void {
    if (this.closed) return;
    const domain = error instanceof DomainError ? error : undefined;
    this.logError(error);
    // Once tailing, a missing topic was deleted under the tail; before that, it never was there.
    const message =
      domain?.code === 'NOT_FOUND' && this.started
        ? `The topic "${this.topic}" no longer exists: it was deleted while this tab tailed it.`
        : (domain?.message ?? 'The live tail failed inside Tributary; the server log has the details.');
    this.send({ type: 'error', code: domain?.code ?? 'INTERNAL', message, fatal: true });
    // An outage (brokers down or stalled) passes: trying again later makes sense. A deleted topic does not.
    const reconnect = domain?.code === 'KAFKA_UNAVAILABLE';
    this.send({ type: 'end', reason: message, reconnect });
    this.sink.close(LIVE_CLOSE.fatal, domain?.code ?? 'INTERNAL');
    void this.close();
  }
}
