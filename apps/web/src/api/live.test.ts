import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveCommand, LiveEvent, Message } from '@tributary/contract';
import { LiveTailConnection } from './live.ts';

/** Stands in for the browser's WebSocket: records what the client sends, lets the test play the server. */
class FakeSocket {
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: LiveCommand[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as LiveCommand);
  }
  close(code = 1005) {
    this.drop(code);
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  emit(event: LiveEvent) {
    this.onmessage?.({ data: JSON.stringify(event) });
  }
  drop(code: number) {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code });
  }
}

const row = (partition: number, offset: number): Message => ({
  partition,
  offset: String(offset),
  timestamp: 0,
  timestampType: 'CreateTime',
  key: null,
  value: { format: 'string', text: `m${partition}-${offset}`, size: 4, truncated: false },
  headers: [],
  sizes: { key: 0, value: 4, headers: 0 },
});

/** A `messages` frame of one message (the server's batches may hold one). */
const message = (partition: number, offset: number): LiveEvent => ({
  type: 'messages',
  messages: [row(partition, offset)],
});

const subscribed = (resumed: boolean, positions: [number, string][], filter = {}): LiveEvent => ({
  type: 'subscribed',
  topic: 't',
  allPartitions: [0, 1],
  partitions: [0, 1],
  positions: positions.map(([partition, offset]) => ({ partition, offset })),
  filter,
  resumed,
});

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('live tail connection', () => {
  it('keeps the newest rows on top in a bounded ring buffer and acknowledges what it showed', () => {
    const tail = new LiveTailConnection('ws://x/live', 3, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    const socket = FakeSocket.all[0]!;
    socket.open();
    expect(socket.sent[0]).toEqual({ type: 'start', from: { mode: 'now' }, partitions: null, filter: {} });
    socket.emit(subscribed(false, [[0, '0']]));
    for (let i = 0; i < 5; i++) socket.emit(message(0, i));
    vi.advanceTimersByTime(20);
    expect(tail.state.rows.map((r) => r.id)).toEqual(['0:4', '0:3', '0:2']);
    expect(tail.state.received).toBe(5);
    expect(socket.sent.at(-1)).toEqual({ type: 'ack', count: 5 });
    // One paint per animation frame: frames received within one go on the page together, one ack for them.
    socket.emit({ type: 'messages', messages: [row(0, 5), row(0, 6)] });
    socket.emit(message(0, 7));
    expect(tail.state.received).toBe(5);
    vi.advanceTimersByTime(20);
    expect(tail.state.rows.map((r) => r.id)).toEqual(['0:7', '0:6', '0:5']);
    expect(tail.state.received).toBe(8);
    expect(socket.sent.at(-1)).toEqual({ type: 'ack', count: 3 });
  });

  it('shows and acknowledges rows every 100 ms in a page that paints no frames (a background tab)', () => {
    vi.stubGlobal('requestAnimationFrame', () => 0); // never called back
    const tail = new LiveTailConnection('ws://x/live', 10, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    const socket = FakeSocket.all[0]!;
    socket.open();
    socket.emit(subscribed(false, [[0, '0']]));
    socket.emit({ type: 'messages', messages: [row(0, 0), row(0, 1)] });
    vi.advanceTimersByTime(80);
    expect(tail.state.received).toBe(0);
    vi.advanceTimersByTime(30);
    expect(tail.state.rows.map((r) => r.id)).toEqual(['0:1', '0:0']);
    expect(socket.sent.at(-1)).toEqual({ type: 'ack', count: 2 });
  });

  it('reconnects after a drop and resumes right after the last row of each partition', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: [0, 1], filter: { q: 'x' } });
    tail.start({ mode: 'now' });
    const first = FakeSocket.all[0]!;
    first.open();
    first.emit(
      subscribed(
        false,
        [
          [0, '10'],
          [1, '7'],
        ],
        { q: 'x' },
      ),
    );
    first.emit(message(0, 10));
    first.emit(message(0, 11));
    first.drop(1006);
    expect(tail.state.status).toBe('reconnecting');
    vi.advanceTimersByTime(600);
    const second = FakeSocket.all[1]!;
    second.open();
    expect(second.sent[0]).toEqual({
      type: 'start',
      from: {
        mode: 'offsets',
        offsets: [
          { partition: 0, offset: '12' },
          { partition: 1, offset: '7' },
        ],
      },
      partitions: [0, 1],
      filter: { q: 'x' },
    });
    second.emit(
      subscribed(true, [
        [0, '12'],
        [1, '7'],
      ]),
    );
    expect(tail.state.notice).toBe(
      'Reconnected; resumed at partition 0 at offset 12, partition 1 at offset 7.',
    );
    expect(tail.state.status).toBe('live');
  });

  it('resends on reconnect only a filter the server accepted', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    const first = FakeSocket.all[0]!;
    first.open();
    first.emit(subscribed(false, [[0, '0']]));
    tail.setFilter({ filter: 'value.a == 1' });
    first.emit(subscribed(false, [[0, '0']], { filter: 'value.a == 1' }));
    tail.setFilter({ filter: 'value.a ==' }); // refused by the server: no `subscribed` follows
    first.emit({ type: 'error', code: 'BAD_REQUEST', message: 'Expected a value', fatal: false });
    first.drop(1006);
    vi.advanceTimersByTime(600);
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent[0]).toMatchObject({ type: 'start', filter: { filter: 'value.a == 1' } });
    expect(tail.state.status).toBe('reconnecting');
  });

  it('stays paused across a reconnect', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    FakeSocket.all[0]!.open();
    tail.pause();
    FakeSocket.all[0]!.drop(1001);
    vi.advanceTimersByTime(600);
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent.map((c) => c.type)).toEqual(['start', 'pause']);
  });

  it('does not reconnect after a fatal error, and shows it', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    const socket = FakeSocket.all[0]!;
    socket.open();
    socket.emit({ type: 'error', code: 'NOT_FOUND', message: 'The topic "t" no longer exists', fatal: true });
    socket.drop(4000);
    vi.advanceTimersByTime(30_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(tail.state).toMatchObject({ status: 'ended', error: { fatal: true } });
  });

  it('reconnects with backoff after a tail ended by an outage (end with reconnect: true), and resumes', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    const outage = (socket: FakeSocket) => {
      socket.emit({ type: 'error', code: 'KAFKA_UNAVAILABLE', message: 'Kafka is unavailable', fatal: true });
      socket.emit({ type: 'end', reason: 'Kafka is unavailable', reconnect: true });
      socket.drop(4000);
    };
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.emit(subscribed(false, [[0, '5']]));
    outage(FakeSocket.all[0]!);
    expect(tail.state.status).toBe('reconnecting');
    vi.advanceTimersByTime(600);
    FakeSocket.all[1]!.open();
    outage(FakeSocket.all[1]!); // still down: the next try waits longer
    vi.advanceTimersByTime(600);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(600);
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.all[2]!.open();
    expect(FakeSocket.all[2]!.sent[0]).toMatchObject({
      type: 'start',
      from: { mode: 'offsets', offsets: [{ partition: 0, offset: '5' }] },
    });
    FakeSocket.all[2]!.emit(subscribed(true, [[0, '5']]));
    expect(tail.state).toMatchObject({ status: 'live', error: undefined });
  });

  it('a restart while connecting or waiting to reconnect keeps one socket, and ignores the old one', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    tail.start({ mode: 'last', count: 5 }); // clicked again before the first socket opened
    expect(FakeSocket.all).toHaveLength(2);
    const [first, second] = FakeSocket.all as [FakeSocket, FakeSocket];
    expect(first.readyState).toBe(FakeSocket.CLOSED);
    second.open();
    second.emit(subscribed(false, [[0, '0']]));
    first.emit(message(0, 99)); // a frame the replaced socket still delivers
    second.drop(1006);
    expect(tail.state.status).toBe('reconnecting');
    tail.start({ mode: 'now' }); // "Restart from there" while a reconnect is pending
    vi.advanceTimersByTime(15_000);
    expect(FakeSocket.all).toHaveLength(3); // the pending reconnect did not open a fourth
    FakeSocket.all[2]!.open();
    expect(FakeSocket.all[2]!.sent[0]).toMatchObject({ type: 'start', from: { mode: 'now' } });
    expect(tail.state.received).toBe(0);
  });

  it('a close before any start (StrictMode remount) leaves it startable and "not started"', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.close();
    expect(tail.state.status).toBe('idle');
    tail.start({ mode: 'now' });
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.emit(subscribed(false, [[0, '0']]));
    expect(tail.state.status).toBe('live');
    tail.close();
    expect(tail.state.status).toBe('ended');
  });

  it('a refused first start leaves it startable again on the same socket', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.start({ mode: 'last', count: 20_000 });
    const socket = FakeSocket.all[0]!;
    socket.open();
    socket.emit({ type: 'error', code: 'BAD_REQUEST', message: 'from.count must be <= 10000', fatal: false });
    expect(tail.state).toMatchObject({ status: 'idle', error: { fatal: false } });
    tail.start({ mode: 'last', count: 100 });
    expect(FakeSocket.all).toHaveLength(1);
    expect(socket.sent.at(-1)).toMatchObject({ type: 'start', from: { mode: 'last', count: 100 } });
  });

  it('reconnects when the server goes silent (no stats, no heartbeat)', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.emit(subscribed(false, [[0, '0']]));
    vi.advanceTimersByTime(36_000);
    vi.advanceTimersByTime(600);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('a filter the server accepts also hides the rows already shown, except rows cut short', () => {
    const tail = new LiveTailConnection('ws://x/live', 100, { partitions: null, filter: {} });
    tail.start({ mode: 'now' });
    const socket = FakeSocket.all[0]!;
    socket.open();
    socket.emit(subscribed(false, [[0, '0']]));
    for (let i = 0; i < 3; i++) socket.emit(message(0, i));
    const cut = row(0, 3);
    socket.emit({ type: 'messages', messages: [{ ...cut, value: { ...cut.value!, truncated: true } }] });
    vi.advanceTimersByTime(200);
    expect(tail.state.rows.map((r) => r.id)).toEqual(['0:3', '0:2', '0:1', '0:0']);

    tail.setFilter({ filter: 'value == "m0-1" || offset >= 4' });
    socket.emit(message(0, 4)); // sent before the server took the filter: acknowledged, not shown
    socket.emit(message(0, 5));
    socket.emit(subscribed(false, [[0, '6']], { filter: 'value == "m0-1" || offset >= 6' }));
    vi.advanceTimersByTime(200);
    expect(tail.state.rows.map((r) => r.id)).toEqual(['0:3', '0:1']);
    expect(socket.sent.at(-1)).toEqual({ type: 'ack', count: 2 });
    expect(tail.state.received).toBe(6);
  });
});
