// The live-tail hook: one WebSocket per Live tab, commands on the same socket, a ring buffer of rows,
// acknowledgements as rows are shown (the server's flow control), heartbeats and reconnect-with-resume.
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  LIVE_CLOSE,
  type LiveCommand,
  type LiveEvent,
  type LiveEventOf,
  type LiveFilter,
  type LiveFrom,
  type LivePosition,
  type LiveStats,
  type Message,
} from '@tributary/contract';
import { compileFilter } from '@tributary/contract/filter';
import { apiPath } from './client.ts';

export type LiveStatus = 'idle' | 'connecting' | 'live' | 'paused' | 'reconnecting' | 'ended';

export interface LiveRow {
  /** `partition:offset`, stable across renders. */
  id: string;
  message: Message;
}

export interface LiveState {
  status: LiveStatus;
  /** Newest first, at most `bufferSize`. */
  rows: LiveRow[];
  /** Every message received since the tab started (rows beyond the buffer are forgotten). */
  received: number;
  stats: LiveStats | undefined;
  subscribed: LiveEventOf<'subscribed'> | undefined;
  error: { message: string; fatal: boolean } | undefined;
  /** E.g. where a reconnect resumed. */
  notice: string | undefined;
}

export interface LiveOptions {
  partitions: number[] | null;
  filter: LiveFilter;
}

/** Received rows are shown (and acknowledged) at least this often, even when the page paints no frames. */
const FLUSH_AT_LEAST_MS = 100;

/** No frame (stats come every second while tailing, heartbeats every 15 s) for this long: reconnect. */
const SILENCE_MS = 35_000;
const MAX_BACKOFF_MS = 10_000;

export function liveUrl(cluster: string, topic: string): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}${apiPath`/api/clusters/${cluster}/topics/${topic}/live`}`;
}

export const describePositions = (positions: LivePosition[]) =>
  positions.map((p) => `partition ${p.partition} at offset ${p.offset}`).join(', ');

/**
 * Which rows a filter keeps, with the same meaning as on the server. A row whose key, value or a header
 * was cut short is kept: the cut-off part might be what matched.
 */
export function rowFilter(filter: LiveFilter): (row: LiveRow) => boolean {
  if (!filter.q && !filter.filter?.trim()) return () => true;
  let matches: (message: Message) => boolean;
  try {
    matches = compileFilter(filter);
  } catch {
    return () => true; // the server refuses such a filter and says why
  }
  const cut = (m: Message) =>
    !!m.key?.truncated || !!m.value?.truncated || m.headers.some((h) => !!h.value?.truncated);
  return (row) => cut(row.message) || matches(row.message);
}

/** Owns the socket; React reads `state` through useSyncExternalStore. */
export class LiveTailConnection {
  state: LiveState = {
    status: 'idle',
    rows: [],
    received: 0,
    stats: undefined,
    subscribed: undefined,
    error: undefined,
    notice: undefined,
  };
  private socket: WebSocket | undefined;
  private listeners = new Set<() => void>();
  private pending: LiveRow[] = [];
  /** Rows the accepted filter lets through (see rowFilter). */
  private shown: (row: LiveRow) => boolean = () => true;
  private frame: number | undefined;
  private frameTimer: ReturnType<typeof setTimeout> | undefined;
  private positions = new Map<number, bigint>();
  private wanted = false; // the user wants a tail (not stopped)
  private paused = false;
  private attempt = 0;
  /** The server ended the tail saying a reconnect can help (an outage): the close that follows is retried. */
  private endedForNow = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: string,
    private bufferSize: number,
    private options: LiveOptions,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = () => this.state;

  start(from: LiveFrom): void {
    this.wanted = true;
    this.paused = false;
    this.positions.clear();
    clearTimeout(this.retryTimer); // a reconnect waiting to happen would open a second socket
    this.update({ error: undefined, notice: undefined });
    if (this.socket?.readyState === WebSocket.OPEN) this.sendStart(from);
    else this.connect(from);
  }

  pause(): void {
    this.paused = true;
    this.send({ type: 'pause' });
  }

  resume(): void {
    this.paused = false;
    this.send({ type: 'resume' });
  }

  setPartitions(partitions: number[] | null): void {
    this.options = { ...this.options, partitions };
    this.send({ type: 'partitions', partitions });
  }

  /** Kept for reconnects only once the server accepted it (its `subscribed` echoes the filter). */
  setFilter(filter: LiveFilter): void {
    this.send({ type: 'filter', filter });
  }

  settings(): LiveOptions & { bufferSize: number } {
    return { ...this.options, bufferSize: this.bufferSize };
  }

  setBufferSize(size: number): void {
    this.bufferSize = size;
    this.update({ rows: this.state.rows.slice(0, size) });
  }

  clear(): void {
    this.update({ rows: [] });
  }

  /** Stops for good: the server frees the tail's Kafka client when the socket closes. */
  close(): void {
    this.wanted = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.frameTimer);
    this.socket?.close(LIVE_CLOSE.stopped);
    this.socket = undefined;
    // Never started (React's StrictMode unmounts once in development): still "not started".
    this.update({ status: this.state.status === 'idle' ? 'idle' : 'ended' });
  }

  private connect(from: LiveFrom): void {
    // One socket per tab: one still connecting is replaced (its tail on the server ends with it).
    const replaced = this.socket;
    this.socket = undefined;
    replaced?.close(LIVE_CLOSE.stopped);
    const socket = new WebSocket(this.url);
    this.socket = socket;
    this.update({ status: this.attempt > 0 ? 'reconnecting' : 'connecting' });
    socket.onopen = () => this.sendStart(from);
    socket.onmessage = (e: MessageEvent<string>) => {
      if (this.socket !== socket) return; // a replaced socket's last frames
      this.watchSilence();
      this.onEvent(JSON.parse(e.data) as LiveEvent);
    };
    socket.onclose = (e) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      clearTimeout(this.silenceTimer);
      // An `end` that says reconnecting can help (an outage: brokers down or stalled) is tried again too.
      const retry = this.endedForNow;
      this.endedForNow = false;
      const fatal =
        !retry && (e.code === LIVE_CLOSE.fatal || e.code === LIVE_CLOSE.tooMany || this.state.error?.fatal);
      if (!this.wanted || fatal) return this.update({ status: 'ended' });
      // Dropped (network, proxy, server restart): try again and resume exactly where the rows stopped.
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt++);
      this.update({ status: 'reconnecting', notice: `Connection lost; reconnecting in ${delay / 1000} s …` });
      this.retryTimer = setTimeout(() => this.connect(this.resumeFrom()), delay);
    };
  }

  private resumeFrom(): LiveFrom {
    if (this.positions.size === 0) return { mode: 'now' };
    return {
      mode: 'offsets',
      offsets: [...this.positions].map(([partition, offset]) => ({ partition, offset: offset.toString() })),
    };
  }

  private sendStart(from: LiveFrom): void {
    this.send({ type: 'start', from, partitions: this.options.partitions, filter: this.options.filter });
    if (this.paused) this.send({ type: 'pause' });
  }

  private send(command: LiveCommand): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(command));
  }

  private watchSilence(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.socket?.close(), SILENCE_MS);
  }

  private notePositions(positions: LivePosition[]): void {
    for (const p of positions) this.positions.set(p.partition, BigInt(p.offset));
  }

  private onEvent(event: LiveEvent): void {
    switch (event.type) {
      case 'messages': {
        // A partition's messages come in offset order: its last one here is where a resume would go on.
        const last = new Map<number, string>();
        for (const m of event.messages) {
          last.set(m.partition, m.offset);
          this.pending.push({ id: `${m.partition}:${m.offset}`, message: m });
        }
        for (const [partition, offset] of last) this.positions.set(partition, BigInt(offset) + 1n);
        this.scheduleFlush();
        return;
      }
      case 'subscribed': {
        const resumed = event.resumed && this.attempt > 0;
        this.notePositions(event.positions);
        this.options = { ...this.options, filter: event.filter };
        this.attempt = 0;
        // A changed filter also hides the rows already on the page that it would not have let through.
        this.shown = rowFilter(event.filter);
        return this.update({
          rows: this.state.rows.filter(this.shown),
          subscribed: event,
          status: this.paused ? 'paused' : 'live',
          error: undefined,
          notice: resumed ? `Reconnected; resumed at ${describePositions(event.positions)}.` : undefined,
        });
      }
      case 'stats':
        return this.update({ stats: event });
      case 'paused':
        this.notePositions(event.positions);
        return this.update({ status: 'paused' });
      case 'resumed':
        return this.update({ status: 'live' });
      case 'error': {
        // A refused first start (say, N over the limit) leaves nothing tailing: Start again, on this socket.
        const refused = !event.fatal && this.state.status === 'connecting';
        const status = refused ? 'idle' : this.state.status;
        return this.update({ error: { message: event.message, fatal: event.fatal }, status });
      }
      case 'end':
        if (!event.reconnect) this.wanted = false;
        this.endedForNow = event.reconnect;
        return;
      case 'heartbeat':
        return;
    }
  }

  /**
   * One paint per animation frame at most, with every batch received since (the server sends a batch per
   * 50 ms). A page that paints no frames (a background tab, a headless browser) still flushes every 100 ms
   * (a background tab's timers fire once a second at most), so its rows stay current and its acks keep the
   * server's flow control going: without them the server skipped every message for that page.
   */
  private scheduleFlush(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => this.flush());
    this.frameTimer = setTimeout(() => this.flush(), FLUSH_AT_LEAST_MS);
  }

  /** New rows go on top, the oldest fall off, and the server hears they were shown. */
  private flush(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.frameTimer);
    this.frame = undefined;
    const received = this.pending.reverse();
    this.pending = [];
    // Rows sent before the server took a new filter are acknowledged (flow control) but not shown.
    const fresh = received.filter(this.shown);
    const rows =
      fresh.length >= this.bufferSize ? fresh.slice(0, this.bufferSize) : [...fresh, ...this.state.rows];
    rows.length = Math.min(rows.length, this.bufferSize);
    this.update({ rows, received: this.state.received + received.length });
    this.send({ type: 'ack', count: received.length });
  }

  private update(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** One live tail for the component's lifetime; closing the tab (unmount) closes the socket. */
/**
 * Tails whose Live tab was left for another tab of the same topic: they keep running (their ring buffer is
 * bounded) so coming back shows the same rows; leaving the topic closes them (closeParkedTail).
 */
const parked = new Map<string, LiveTailConnection>();
const parkingKey = (cluster: string, topic: string) => `${cluster}\u0000${topic}`;

/** What a parked tail reads and keeps, for the controls of the tab that takes it back. */
export function parkedTail(
  cluster: string,
  topic: string,
): (LiveOptions & { bufferSize: number }) | undefined {
  return parked.get(parkingKey(cluster, topic))?.settings();
}

/** The topic's page is gone: its parked tail ends. */
export function closeParkedTail(cluster: string, topic: string): void {
  const key = parkingKey(cluster, topic);
  parked.get(key)?.close();
  parked.delete(key);
}

export function useLiveTail(cluster: string, topic: string, bufferSize: number, options: LiveOptions) {
  const key = parkingKey(cluster, topic);
  const [tail] = useState(
    () => parked.get(key) ?? new LiveTailConnection(liveUrl(cluster, topic), bufferSize, options),
  );
  const state = useSyncExternalStore(tail.subscribe, tail.getState);
  useEffect(() => {
    parked.delete(key); // this tab owns it again
    return () => {
      // A running tail waits for the tab to come back; one never started or ended just closes.
      if (tail.getState().status === 'idle' || tail.getState().status === 'ended') tail.close();
      else parked.set(key, tail);
    };
  }, [tail, key]);
  useEffect(() => tail.setBufferSize(bufferSize), [tail, bufferSize]);
  return { state, tail };
}
