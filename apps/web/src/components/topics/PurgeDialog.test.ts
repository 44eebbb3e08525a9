import { describe, expect, it } from 'vitest';
import { describePartitions, partitionMessages } from './PurgeDialog.tsx';

const partition = (startOffset: string | null, endOffset: string | null) => ({
  partition: 0,
  leader: 1,
  replicas: [1],
  isr: [1],
  offlineReplicas: [],
  startOffset,
  endOffset,
  sizeBytes: null,
});

describe('purge wording', () => {
  it('names the chosen partitions the way a sentence does', () => {
    expect(describePartitions([1])).toBe('partition 1');
    expect(describePartitions([0, 2])).toBe('partitions 0 and 2');
    expect(describePartitions([0, 1, 3])).toBe('partitions 0, 1 and 3');
  });

  it('counts a partition as end minus start offset, beyond 2^53, and unknown when an offset is', () => {
    expect(partitionMessages(partition('5', '12'))).toBe(7n);
    expect(partitionMessages(partition('0', '9007199254740993'))).toBe(9007199254740993n);
    expect(partitionMessages(partition(null, '12'))).toBeNull();
  });
});
