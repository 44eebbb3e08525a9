import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type Bounds } from '../src/domain/messages/positions.ts';
import { DomainError } from '../src/domain/errors.ts';

const bounds: Bounds = [
  { partition: 0, low: '0', high: '100' },
  { partition: 1, low: '10', high: '50' },
];
const craft = (state: unknown) => Buffer.from(JSON.stringify(state)).toString('base64url');

function refusal(cursor: string): string {
  try {
    decodeCursor(cursor, bounds);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_REQUEST');
    return (error as DomainError).message;
  }
  throw new Error('the cursor was accepted');
}

describe('page cursor', () => {
  it('continues where the page it came from ended', () => {
    const cursor = encodeCursor('forward', [
      { partition: 0, position: 40n },
      { partition: 1, position: 5n },
    ]);
    expect(decodeCursor(cursor, bounds)).toEqual({
      direction: 'forward',
      ranges: [
        { partition: 0, from: 40n, to: 100n },
        { partition: 1, from: 10n, to: 50n },
      ],
    });
  });

  it('refuses a crafted cursor naming one partition many times (issue 10: 1,450 times took 230 MB)', () => {
    const cursor = craft({ v: 1, d: 'f', p: Array.from({ length: 1450 }, () => [0, '0']) });
    expect(cursor.length).toBeGreaterThan(15_000);
    expect(refusal(cursor)).toMatch(/more partitions than the topic has/);
    expect(
      refusal(
        craft({
          v: 1,
          d: 'f',
          p: [
            [0, '0'],
            [0, '5'],
          ],
        }),
      ),
    ).toMatch(/partition 0 is named twice/);
  });

  it('refuses an unknown direction, odd positions and unreadable text, each with a sentence', () => {
    expect(refusal(craft({ v: 1, d: 'x', p: [] }))).toMatch(/unknown direction/);
    for (const p of [[[0, '-1']], [[-1, '0']], [[0.5, '0']], [[0, 1]], [[0, '1'.repeat(20)]], [[0]], ['0:1']])
      expect(refusal(craft({ v: 1, d: 'b', p }))).toMatch(/a position is not a partition and an offset/);
    for (const text of ['%%%', craft(null), craft({ v: 2, d: 'f', p: [] }), craft([1, 2])])
      expect(refusal(text)).toMatch(/^The cursor is not one this server gave out.*load the first page again/);
  });
});
