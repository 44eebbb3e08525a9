import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../src/domain/errors.ts';
import {
  DEFAULT_LIVE_OPTIONS,
  LiveSession,
  LiveTailRegistry,
  type LiveOptions,
} from '../src/domain/live/index.ts';
import { FakeSink, FakeTopic, type FakeRecord } from './live-fake-source.ts';

const sessions: LiveSession<FakeRecord>[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

function open(topic: FakeTopic, options: Partial<LiveOptions> = {}) {
  const sink = new FakeSink();
  const session = new LiveSession('t', topic, sink, {
    ...DEFAULT_LIVE_OPTIONS,
    maxWaitMs: 50,
    statsIntervalMs: 40,
    retryBackoffMs: 5,
    ...options,
  });
  sessions.push(session);
  return { sink, session };
}

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 3000 });

describe('live session', () => {
  it('starts at the log end (now) and delivers each partition in order', async () => {
    const topic = new FakeTopic(2);
    topic.produce(0, 'old');
    const { sink, session } = open(topic);
    await session.command({ type: 'start', from: { mode: 'now' } });
    expect(sink.of('subscribed')[0]).toMatchObject({
      partitions: [0, 1],
      positions: [
        { partition: 0, offset: '1' },
        { partition: 1, offset: '0' },
      ],
      resumed: false,
    });
    topic.produce(0, 'a0', 'a1');
    topic.produce(1, 'b0');
    topic.produce(0, 'a2');
    await until(() => sink.values().length === 4);
    const p0 = sink
      .messages()
      .filter((m) => m.partition === 0)
      .map((m) => m.offset);
    expect(p0).toEqual(['1', '2', '3']);
    expect(sink.values()).not.toContain('old');
  });

  it('starts at the last N of each partition, or resumes at given offsets', async () => {
    const topic = new FakeTopic(2);
    topic.produce(0, 'x0', 'x1', 'x2');
    topic.produce(1, 'y0', 'y1');
    const { sink, session } = open(topic);
    await session.command({ type: 'start', from: { mode: 'last', count: 2 } });
    await until(() => sink.values().length === 4);
    expect(sink.values().sort()).toEqual(['x1', 'x2', 'y0', 'y1']);

    await session.command({
      type: 'start',
      from: { mode: 'offsets', offsets: [{ partition: 0, offset: '0' }] },
      partitions: [0],
    });
    expect(sink.of('subscribed').at(-1)).toMatchObject({ resumed: true, partitions: [0] });
    await until(() => sink.values().length === 7);
    expect(sink.values().slice(4)).toEqual(['x0', 'x1', 'x2']);
  });

  it('holds its position while paused and delivers what came meanwhile on resume', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic);
    await session.command({ type: 'start', from: { mode: 'now' } });
    topic.produce(0, 'before');
    await until(() => sink.values().length === 1);
    await session.command({ type: 'pause' });
    expect(sink.of('paused')[0]?.positions).toEqual([{ partition: 0, offset: '1' }]);
    topic.produce(0, 'during1', 'during2');
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.values()).toEqual(['before']);
    await until(() => sink.of('stats').some((s) => s.paused && s.lag === 2));
    await session.command({ type: 'resume' });
    await until(() => sink.values().length === 3);
    expect(sink.values()).toEqual(['before', 'during1', 'during2']);
  });

  it('applies a new filter without restarting, and reports a bad one without ending the tail', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic);
    await session.command({ type: 'start', from: { mode: 'now' }, filter: { q: 'red' } });
    topic.produce(0, 'red1', 'blue1');
    await until(() => sink.values().length === 1);
    await session.command({ type: 'filter', filter: { q: 'blue' } });
    topic.produce(0, 'red2', 'blue2');
    await until(() => sink.values().length === 2);
    expect(sink.values()).toEqual(['red1', 'blue2']);
    await session.command({ type: 'filter', filter: { q: '(oops' } });
    expect(sink.of('error').at(-1)).toMatchObject({ code: 'BAD_REQUEST', fatal: false });
    expect(sink.of('error').at(-1)?.message).toMatch(/The tail goes on with the previous filter\.$/);
    topic.produce(0, 'blue3');
    await until(() => sink.values().length === 3);
    expect(sink.closed).toBeUndefined();
    await until(() => sink.of('stats').some((s) => s.filtered > 0));
  });

  it('skips (and counts) matching messages the tab has not acknowledged room for, then sends again', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic, { maxInFlight: 5 });
    await session.command({ type: 'start', from: { mode: 'now' } });
    topic.produce(0, ...Array.from({ length: 20 }, (_, i) => `m${i}`));
    await until(() => sink.of('stats').reduce((n, s) => n + s.skipped, 0) === 15);
    expect(sink.values()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(topic.decodes).toBe(5); // what is dropped without a filter is never decoded
    await session.command({ type: 'ack', count: 5 });
    topic.produce(0, 'after');
    await until(() => sink.values().includes('after'));
    const last = sink.of('stats').at(-1)!;
    expect(last.skippedTotal).toBe(15);
    expect(last.sentTotal).toBe(6);
  });

  it('sends the first message after a quiet spell at once, then one frame per batchMs at most', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic, { batchMs: 1000, statsIntervalMs: 60_000 });
    await session.command({ type: 'start', from: { mode: 'now' } });
    const produced = Date.now();
    topic.produce(0, 'first');
    await until(() => sink.values().includes('first'));
    expect(Date.now() - produced).toBeLessThan(900); // not held for a batchMs
    topic.produce(0, 'second', 'third');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.values()).toEqual(['first']); // within batchMs of the last frame: they wait together
    await until(() => sink.values().length === 3);
    expect(sink.of('messages').map((f) => f.messages.length)).toEqual([1, 2]);
  });

  it('sends the rest of a round at once after a full frame, not a batchMs later', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic, { batchMs: 1000, batchMax: 100, statsIntervalMs: 60_000 });
    await session.command({ type: 'start', from: { mode: 'now' } });
    const produced = Date.now();
    topic.produce(0, ...Array.from({ length: 250 }, (_, i) => `m${i}`));
    await until(() => sink.values().length === 250);
    expect(Date.now() - produced).toBeLessThan(900); // the last 50 were not held for a batchMs
    expect(sink.of('messages').map((f) => f.messages.length)).toEqual([100, 100, 50]);
    topic.produce(0, 'next');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.values()).not.toContain('next'); // the cadence holds: within batchMs of the last frame
    await until(() => sink.values().includes('next'));
  });

  it('paces its fetches while records flow and long-polls while the partition is quiet', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic, { maxWaitMs: 40, paceMs: 25, paceBytes: 4096 });
    await session.command({ type: 'start', from: { mode: 'now' } });
    await until(() => topic.requests.length >= 2);
    topic.produce(0, 'wake');
    await until(() => sink.values().includes('wake'));
    await until(() => topic.requests.some((r) => r.offset === 1n));
    const quiet = topic.requests.filter((r) => r.offset === 0n);
    const afterRecords = topic.requests.find((r) => r.offset === 1n)!;
    // Nothing yet: ask for anything, wait long. Records came: let the broker gather a round's worth.
    expect(quiet.every((r) => r.minBytes === 1 && r.maxWaitMs === 40)).toBe(true);
    expect(afterRecords).toMatchObject({ minBytes: 4096, maxWaitMs: 25 });
    // That paced fetch found nothing more: the next one long-polls again.
    await until(() => topic.requests.filter((r) => r.offset === 1n).length >= 2);
    expect(topic.requests.filter((r) => r.offset === 1n)[1]).toMatchObject({ minBytes: 1, maxWaitMs: 40 });
  });

  it('sends messages in batches (one frame per batchMs or batchMax), other events after them, counts honest', async () => {
    const topic = new FakeTopic(2);
    const { sink, session } = open(topic, { batchMs: 30, batchMax: 100, statsIntervalMs: 1000 });
    await session.command({ type: 'start', from: { mode: 'now' } });
    await session.command({ type: 'filter', filter: { q: 'keep' } });
    topic.produce(0, ...Array.from({ length: 250 }, (_, i) => `keep a${i}`));
    topic.produce(1, ...Array.from({ length: 40 }, (_, i) => (i % 2 ? `keep b${i}` : `drop b${i}`)));
    await until(() => sink.values().length === 270);
    const frames = sink.of('messages');
    expect(frames.length).toBeLessThanOrEqual(8); // 270 in frames of at most 100, not 270 frames
    expect(Math.max(...frames.map((f) => f.messages.length))).toBeLessThanOrEqual(100);
    // Each partition in order, whatever the frames.
    const of = (p: number) =>
      sink
        .messages()
        .filter((m) => m.partition === p)
        .map((m) => Number(m.offset));
    expect(of(0)).toEqual([...of(0)].sort((a, b) => a - b));
    // A pause is said after every message offered before it.
    topic.produce(0, 'keep last');
    await until(() => sink.values().includes('keep last'));
    await session.command({ type: 'pause' });
    const paused = sink.events.findIndex((e) => e.type === 'paused');
    expect(sink.events.slice(paused).some((e) => e.type === 'messages')).toBe(false);
    // Every message read is either sent or filtered (nothing was skipped: room enough).
    await until(() => sink.of('stats').length > 0 && sink.of('stats').at(-1)!.sentTotal === 271);
    const filtered = sink.of('stats').reduce((n, s) => n + s.filtered, 0);
    expect(filtered).toBe(20);
    expect(sink.of('stats').at(-1)!.skippedTotal).toBe(0);
  });

  it('skips while the socket buffer is over its limit', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic, { maxBufferedBytes: 1000 });
    await session.command({ type: 'start', from: { mode: 'now' } });
    sink.buffered = 5000;
    topic.produce(0, 'a', 'b');
    await until(() => sink.of('stats').some((s) => s.skipped === 2 && s.bufferedBytes === 5000));
    sink.buffered = 0;
    topic.produce(0, 'c');
    await until(() => sink.values().length === 1);
    expect(sink.values()).toEqual(['c']);
  });

  it('reports the topic rate from the log-end offsets', async () => {
    const topic = new FakeTopic(2);
    const { sink, session } = open(topic, { statsIntervalMs: 200 });
    await session.command({ type: 'start', from: { mode: 'now' } });
    await until(() => sink.of('stats').length >= 1);
    topic.produce(0, ...Array.from({ length: 30 }, () => 'x'));
    topic.produce(1, ...Array.from({ length: 10 }, () => 'y'));
    await until(() => sink.of('stats').some((s) => s.topicRate > 0));
    const stats = sink.of('stats').find((s) => s.topicRate > 0)!;
    // 40 messages appended within one ~200 ms interval: about 200/s.
    expect(stats.topicRate).toBeGreaterThan(100);
    expect(stats.topicRate).toBeLessThan(400);
  });

  it('counts the topic rate from the start, and `partitions: null` in a start tails every partition again', async () => {
    const topic = new FakeTopic(2);
    const { sink, session } = open(topic, { statsIntervalMs: 200 });
    await session.command({ type: 'start', from: { mode: 'now' }, partitions: [1] });
    topic.produce(1, ...Array.from({ length: 20 }, () => 'x')); // before the first stats event
    await until(() => sink.of('stats').length >= 1);
    expect(sink.of('stats')[0]?.topicRate).toBeGreaterThan(0);
    await session.command({ type: 'start', from: { mode: 'now' }, partitions: null });
    expect(sink.of('subscribed').at(-1)?.partitions).toEqual([0, 1]);
  });

  it('moves past transaction markers instead of fetching them again and again', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic);
    await session.command({ type: 'start', from: { mode: 'now' } });
    topic.produce(0, 'in-tx');
    topic.marker(0);
    await until(() => sink.values().length === 1);
    await until(() => sink.of('stats').some((s) => s.lag === 0 && s.sentTotal === 1));
    topic.marker(0);
    topic.produce(0, 'after-tx');
    await until(() => sink.values().length === 2);
    expect(sink.values()).toEqual(['in-tx', 'after-tx']);
  });

  it('jumps ahead when a partition is further behind than the lag cap', async () => {
    const topic = new FakeTopic(1);
    topic.produce(0, ...Array.from({ length: 50 }, (_, i) => `m${i}`));
    const { sink, session } = open(topic, { maxLagPerPartition: 10 });
    await session.command({
      type: 'start',
      from: { mode: 'offsets', offsets: [{ partition: 0, offset: '0' }] },
    });
    await until(() => sink.values().length === 10);
    expect(sink.values()[0]).toBe('m40');
    await until(() => sink.of('stats').some((s) => s.skippedTotal === 40));
  });

  it('changes partitions on the same session, keeping the position of those it keeps', async () => {
    const topic = new FakeTopic(3);
    const { sink, session } = open(topic);
    await session.command({ type: 'start', from: { mode: 'now' }, partitions: [0] });
    topic.produce(0, 'p0a');
    topic.produce(1, 'p1a');
    await until(() => sink.values().length === 1);
    await session.command({ type: 'partitions', partitions: [0, 2] });
    expect(sink.of('subscribed').at(-1)).toMatchObject({ partitions: [0, 2], allPartitions: [0, 1, 2] });
    topic.produce(2, 'p2a');
    topic.produce(1, 'p1b');
    topic.produce(0, 'p0b');
    await until(() => sink.values().length === 3);
    expect(sink.values().sort()).toEqual(['p0a', 'p0b', 'p2a']);
    await session.command({ type: 'partitions', partitions: [7] });
    expect(sink.of('error').at(-1)).toMatchObject({ code: 'BAD_REQUEST', fatal: false });
    expect(sink.of('error').at(-1)?.message).toMatch(/Partition 7 does not exist/);
  });

  it('ends with a fatal error event when the topic is deleted while tailed', async () => {
    const topic = new FakeTopic(2);
    const { sink, session } = open(topic);
    await session.command({ type: 'start', from: { mode: 'now' } });
    topic.deleted = true;
    topic.produce(0, 'wake');
    await until(() => sink.closed !== undefined);
    expect(sink.of('error')[0]).toMatchObject({ code: 'NOT_FOUND', fatal: true });
    expect(sink.of('error')[0]?.message).toBe(
      'The topic "t" no longer exists: it was deleted while this tab tailed it.',
    );
    expect(sink.of('end')[0]).toMatchObject({ reconnect: false });
    expect(sink.closed?.code).toBe(4000);
  });

  it('retries a Kafka outage a few times, then ends with the error', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic);
    await session.command({ type: 'start', from: { mode: 'now' } });
    topic.failing = new DomainError('KAFKA_UNAVAILABLE', 'Kafka is unavailable: Connection refused');
    topic.produce(0, 'wake');
    await until(() => sink.closed !== undefined);
    expect(topic.fetches).toBeGreaterThanOrEqual(DEFAULT_LIVE_OPTIONS.retryLimit);
    expect(sink.of('error')[0]).toMatchObject({ code: 'KAFKA_UNAVAILABLE', fatal: true });
    // An outage passes: the tab may try again later (a deleted topic says reconnect: false).
    expect(sink.of('end')[0]).toMatchObject({ reconnect: true });
  });

  it('sends heartbeats even before the tail starts, and stops them on close', async () => {
    const topic = new FakeTopic(1);
    const { sink, session } = open(topic, { heartbeatMs: 20 });
    await until(() => sink.of('heartbeat').length >= 2);
    expect(sink.of('heartbeat')[0]?.at).toBeGreaterThan(Date.now() - 5000);
    await session.close();
    const count = sink.of('heartbeat').length;
    await new Promise((r) => setTimeout(r, 60));
    expect(sink.of('heartbeat').length).toBe(count);
  });

  it('stops every fetch loop on close', async () => {
    const topic = new FakeTopic(4);
    const { session } = open(topic, { maxWaitMs: 10_000 });
    await session.command({ type: 'start', from: { mode: 'now' } });
    await until(() => topic.fetches === 4);
    const started = Date.now();
    await session.close(); // the 10 s long polls are aborted, not waited out
    expect(Date.now() - started).toBeLessThan(1000);
    const fetches = topic.fetches;
    topic.produce(0, 'late');
    await new Promise((r) => setTimeout(r, 50));
    expect(topic.fetches).toBe(fetches);
  });
});

describe('live tail registry', () => {
  it('refuses a tail past the cap with a sentence, and frees the slot on remove', async () => {
    let cap = 2;
    const registry = new LiveTailRegistry(() => cap);
    const tail = () => ({
      closed: false,
      async close() {
        this.closed = true;
      },
    });
    const [a, b, c] = [tail(), tail(), tail()];
    registry.add(a);
    registry.add(b);
    expect(() => registry.add(c)).toThrow(/already runs 2 live tails/);
    await registry.remove(a);
    expect(a.closed).toBe(true);
    registry.add(c);
    cap = 5;
    expect(registry.size).toBe(2);
  });
});
