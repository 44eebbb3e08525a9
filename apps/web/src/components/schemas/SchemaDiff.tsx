import { useMemo } from 'react';
import { sideBySide, type DiffCell } from './diff-rows.ts';

/** One side's lines; a changed line is tinted and marked (− or +), so colour is not the only sign. */
function Side(props: { cells: (DiffCell | undefined)[]; label: string; mark: '−' | '+'; tint: string }) {
  return (
    <pre aria-label={props.label} className="min-w-0 overflow-x-auto text-xs leading-5">
      {props.cells.map((cell, i) => (
        <div key={i} className={cell === undefined ? 'bg-surface-2' : cell.changed ? props.tint : ''}>
          <span className="inline-block w-10 select-none pr-2 text-right text-muted">
            {cell?.changed ? props.mark : ''}
            {cell?.n ?? ''}
          </span>
          {cell?.text ?? '\u00a0'}
        </div>
      ))}
    </pre>
  );
}

/** Two schema texts side by side, in one scroll area so their rows stay aligned. */
export function SchemaDiff(props: { left: string; right: string; leftLabel: string; rightLabel: string }) {
  const rows = useMemo(() => sideBySide(props.left, props.right), [props.left, props.right]);
  return (
    <div className="grid max-h-[32rem] grid-cols-2 gap-3 overflow-y-auto rounded border border-line bg-surface p-2">
      <Side cells={rows.map((r) => r.left)} label={props.leftLabel} mark="−" tint="bg-danger-soft" />
      <Side cells={rows.map((r) => r.right)} label={props.rightLabel} mark="+" tint="bg-ok-soft" />
    </div>
  );
}
