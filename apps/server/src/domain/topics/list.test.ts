import { describe, expect, it } from 'vitest';
import type { TopicSummary } from '@tributary/contract';
import { compare } from './list.ts';

const row = (name: string, sizeBytes: number | null, partitionCount = 1): TopicSummary => ({
  name,
  internal: false,
  partitionCount,
  replicationFactor: 1,
  underReplicatedPartitions: 0,
  sizeBytes,
  messageCount: null,
});

describe('topic list order', () => {
  const rows = [row('b', 10), row('a', null), row('c', 30), row('d', 10)];
  it('sorts numbers both ways, ties by name, unknown values last either way', () => {
    expect([...rows].sort(compare('sizeBytes', false)).map((r) => r.name)).toEqual(['b', 'd', 'c', 'a']);
    expect([...rows].sort(compare('sizeBytes', true)).map((r) => r.name)).toEqual(['c', 'b', 'd', 'a']);
  });
  it('sorts names', () => {
    expect([...rows].sort(compare('name', true)).map((r) => r.name)).toEqual(['d', 'c', 'b', 'a']);
  });
});
