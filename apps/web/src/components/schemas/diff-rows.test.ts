import { describe, expect, it } from 'vitest';
import { sideBySide } from './diff-rows.ts';

describe('side-by-side schema diff', () => {
  it('faces unchanged lines, pairs a replaced block with its replacement and pads additions', () => {
    const rows = sideBySide('{\n  "a": 1,\n  "b": 2\n}\n', '{\n  "a": 1,\n  "b": 3,\n  "c": 4\n}\n');
    expect(rows).toEqual([
      { left: { n: 1, text: '{', changed: false }, right: { n: 1, text: '{', changed: false } },
      {
        left: { n: 2, text: '  "a": 1,', changed: false },
        right: { n: 2, text: '  "a": 1,', changed: false },
      },
      { left: { n: 3, text: '  "b": 2', changed: true }, right: { n: 3, text: '  "b": 3,', changed: true } },
      { right: { n: 4, text: '  "c": 4', changed: true } },
      { left: { n: 4, text: '}', changed: false }, right: { n: 5, text: '}', changed: false } },
    ]);
  });

  it('shows a removed block alone on the left', () => {
    expect(sideBySide('a\nb\nc', 'a\nc')).toEqual([
      { left: { n: 1, text: 'a', changed: false }, right: { n: 1, text: 'a', changed: false } },
      { left: { n: 2, text: 'b', changed: true } },
      { left: { n: 3, text: 'c', changed: false }, right: { n: 2, text: 'c', changed: false } },
    ]);
  });
});
