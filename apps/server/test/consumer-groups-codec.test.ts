import { describe, expect, it } from 'vitest';
import {
  decodeOffsetCommitKey,
  decodeOffsetCommitValue,
  javaStringHash,
  offsetsPartitionFor,
} from '../src/domain/consumer-groups/offsets-codec.ts';
import type { LagHistoryStore, LagSample } from '../src/domain/consumer-groups/lag-history-store.ts';
import { LagSampler } from '../src/domain/consumer-groups/lag-sampler.ts';
import { whileCoordinatorBusy } from '../src/kafka/admin/kafkajs-groups.ts';
import { normalizeState, isActive } from '../src/domain/consumer-groups/state.ts';

const str16 = (s: string) => {
  const b = Buffer.from(s);
  return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
};
const i16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const i64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};

describe('__consumer_offsets codec', () => {
  it('hashes group ids like Java String.hashCode and picks the same partition as the coordinator', () => {
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648); // Integer.MIN_VALUE: Utils.abs gives 0
    expect(offsetsPartitionFor('polygenelubricants', 50)).toBe(0);
    expect(offsetsPartitionFor('hello', 50)).toBe(99162322 % 50);
    expect(offsetsPartitionFor('kgrp', 50)).toBe(Math.abs(javaStringHash('kgrp')) % 50);
  });

  it('decodes offset-commit keys (v0/v1) and skips group-metadata and KIP-848 records', () => {
    const key = Buffer.concat([i16(1), str16('g1'), str16('orders'), i32(7)]);
    expect(decodeOffsetCommitKey(key)).toEqual({ group: 'g1', topic: 'orders', partition: 7 });
    expect(decodeOffsetCommitKey(Buffer.concat([i16(0), str16('g'), str16('t'), i32(0)]))).toEqual({
      group: 'g',
      topic: 't',
      partition: 0,
    });
    expect(decodeOffsetCommitKey(Buffer.concat([i16(2), str16('g1')]))).toBeNull();
    expect(decodeOffsetCommitKey(Buffer.concat([i16(1), str16('g1')]))).toBeNull(); // truncated
    expect(decodeOffsetCommitKey(null)).toBeNull();
  });

  it('decodes values of versions 1, 3 and 4 (flexible) and treats null as a deletion', () => {
    const v1 = Buffer.concat([i16(1), i64(42), str16('m'), i64(1000), i64(2000)]);
    expect(decodeOffsetCommitValue(v1)).toEqual({
      offset: 42,
      leaderEpoch: -1,
      metadata: 'm',
      commitTimestamp: 1000,
    });
    const v3 = Buffer.concat([i16(3), i64(5), i32(2), str16('meta'), i64(1234)]);
    expect(decodeOffsetCommitValue(v3)).toEqual({
      offset: 5,
      leaderEpoch: 2,
      metadata: 'meta',
      commitTimestamp: 1234,
    });
    const v4 = Buffer.concat([
      i16(4),
      i64(9),
      i32(0),
      Buffer.from([4]),
      Buffer.from('abc'),
      i64(77),
      Buffer.from([0]),
    ]);
    expect(decodeOffsetCommitValue(v4)).toEqual({
      offset: 9,
      leaderEpoch: 0,
      metadata: 'abc',
      commitTimestamp: 77,
    });
    expect(decodeOffsetCommitValue(null)).toBeNull();
    expect(decodeOffsetCommitValue(Buffer.concat([i16(9), i64(1)]))).toBeNull();
  });

  it('normalizes state spellings and knows when a group is active', () => {
    expect(normalizeState('PREPARINGREBALANCE')).toBe('PreparingRebalance');
    expect(normalizeState('Stable')).toBe('Stable');
    expect(normalizeState('whatever')).toBe('Unknown');
    expect(isActive('Empty', 0)).toBe(false);
    expect(isActive('Dead', 0)).toBe(false);
    expect(isActive('Stable', 1)).toBe(true);
    expect(isActive('PreparingRebalance', 0)).toBe(true);
  });
});

describe('lag history', () => {
  it('shows one sample per interval when several servers sample the same group', async () => {
    const samples: LagSample[] = [];
    const store: LagHistoryStore = {
      append: async (_c, _g, sample) => void samples.push(sample),
      since: async (_c, _g, since) => samples.filter((s) => s.t >= since),
    };
    const sampler = new LagSampler(
      () => {
        throw new Error('no cluster in a unit test');
      },
      { store, intervalMs: 1000, watched: [] },
    );
    const now = Date.now() - (Date.now() % 1000);
    // two servers, each sampling every second, a few ms apart
    for (const t of [now - 2000, now - 1990, now - 1000, now - 995])
      await store.append('c', 'g', { t, lags: { a: t % 7 } });
    const history = await sampler.history('c', 'g', 60);
    expect(history.series[0]!.points.map((p) => p.time)).toEqual([now - 1990, now - 995]);
  });
});

describe('lag sampler watch list', () => {
  it('keeps the most recently opened groups only, up to maxWatched', () => {
    // no cluster is reachable: the immediate first samples fail and are only logged
    const groupsOf = () => {
      throw new Error('no cluster in a unit test');
    };
    const logged: string[] = [];
    const sampler = new LagSampler(groupsOf, {
      store: { append: async () => {}, since: async () => [] },
      intervalMs: 60_000,
      watched: ['c/pinned'],
      maxWatched: 3,
      log: (message) => logged.push(message),
    });
    for (const g of ['a', 'b', 'c', 'd']) sampler.watch('c', g);
    sampler.watch('c', 'b'); // opened again: most recent now
    sampler.watch('c', 'e');
    expect(sampler.watchedGroups().map((w) => w.group)).toEqual(['pinned', 'e', 'b']);
  });
});

describe('group calls on a busy coordinator', () => {
  it('retries while the coordinator loads, and fails at once on any other error', async () => {
    let calls = 0;
    const loading = Object.assign(new Error('retries exceeded'), {
      // kafkajs's spelling, inside its retries-exceeded wrapper
      cause: Object.assign(new Error('The coordinator is loading'), { type: 'GROUP_LOAD_IN_PROGRESS' }),
    });
    const answer = await whileCoordinatorBusy(async () => {
      calls += 1;
      if (calls === 1) throw loading;
      if (calls === 2)
        throw Object.assign(new Error('Failed to find group coordinator'), {
          name: 'KafkaJSGroupCoordinatorNotFound',
        });
      return 'described';
    });
    expect([answer, calls]).toEqual(['described', 3]);
    calls = 0;
    const other = Object.assign(new Error('no'), { type: 'GROUP_AUTHORIZATION_FAILED' });
    await expect(
      whileCoordinatorBusy(async () => {
        calls += 1;
        throw other;
      }),
    ).rejects.toBe(other);
    expect(calls).toBe(1);
  });
});
