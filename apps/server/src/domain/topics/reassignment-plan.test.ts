import { describe, expect, it } from 'vitest';
import { planReassignment } from './reassignment-plan.ts';

const current = [
  { partition: 0, replicas: [1, 2] },
  { partition: 1, replicas: [1, 2] },
  { partition: 2, replicas: [3, 1] },
];
const plan = (body: Parameters<typeof planReassignment>[3]) =>
  planReassignment('t', current, [1, 2, 3], body);

describe('planReassignment', () => {
  it('keeps the partitions whose replicas change', () => {
    expect(
      plan({
        partitions: [
          { partition: 0, replicas: [2, 3] },
          { partition: 1, replicas: [1, 2] },
        ],
      }),
    ).toEqual([{ partition: 0, replicas: [2, 3] }]);
  });

  it('spreads every partition round-robin over the online brokers, keeping its replica count', () => {
    // 0 → [1, 2] and 2 → [3, 1] are already there: only 1 moves.
    expect(plan({ spread: true })).toEqual([{ partition: 1, replicas: [2, 3] }]);
  });

  it('says what is wrong with a bad list', () => {
    expect(() => plan({ partitions: [{ partition: 0, replicas: [2, 9] }] })).toThrow(
      /name broker 9, not online in this cluster \(online: 1, 2, 3\)/,
    );
    expect(() => plan({ partitions: [{ partition: 0, replicas: [2, 2] }] })).toThrow(/name broker 2 twice/);
    expect(() => plan({ partitions: [{ partition: 5, replicas: [2, 3] }] })).toThrow(
      /has 3 partitions \(0–2\): partition 5 does not exist/,
    );
    expect(() =>
      plan({
        partitions: [
          { partition: 0, replicas: [2, 3] },
          { partition: 0, replicas: [1, 3] },
        ],
      }),
    ).toThrow(/Partition 0 is listed twice/);
    expect(() => plan({})).toThrow(/either "partitions"/);
    expect(() => plan({ spread: true, partitions: [{ partition: 0, replicas: [1] }] })).toThrow(/not both/);
    expect(() => planReassignment('t', current, [1], { spread: true })).toThrow(/only 1 broker is online/);
  });
});
