import { diffLines } from 'diff';

export interface DiffCell {
  /** 1-based line number on its side. */
  n: number;
  text: string;
  changed: boolean;
}

/** One row of a side-by-side diff: a line on each side, or a gap where the other side has none. */
export interface DiffRow {
  left?: DiffCell;
  right?: DiffCell;
}

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * `left` and `right` line by line: unchanged lines face each other; a removed block faces the added block
 * that replaced it, row by row, the shorter one padded with gaps.
 */
export function sideBySide(left: string, right: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let l = 0;
  let r = 0;
  const parts = diffLines(left, right);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (const text of linesOf(part.value))
        rows.push({ left: { n: ++l, text, changed: false }, right: { n: ++r, text, changed: false } });
      continue;
    }
    const removed = part.removed ? linesOf(part.value) : [];
    const next = parts[i + 1];
    const added = part.added ? linesOf(part.value) : next?.added ? linesOf(next.value) : [];
    if (part.removed && next?.added) i++;
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const row: DiffRow = {};
      if (k < removed.length) row.left = { n: ++l, text: removed[k]!, changed: true };
      if (k < added.length) row.right = { n: ++r, text: added[k]!, changed: true };
      rows.push(row);
    }
  }
  return rows;
}
