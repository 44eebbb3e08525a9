import { useId, useState } from 'react';
import { ConfirmDialog } from '../ConfirmDialog.tsx';

/** Asks for the new total; says what growing a topic does to keyed messages. */
export function AddPartitionsDialog(props: {
  topic: string;
  current: number;
  pending: boolean;
  error: unknown;
  onConfirm: (count: number) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [count, setCount] = useState(String(props.current + 1));
  const n = Number(count);
  const added = Number.isInteger(n) ? n - props.current : 0;
  return (
    <ConfirmDialog
      title={`Add partitions to ${props.topic}`}
      confirmLabel={added > 0 ? `Add ${added} partition${added === 1 ? '' : 's'}` : 'Add partitions'}
      pending={props.pending}
      error={props.error}
      onCancel={props.onCancel}
      onConfirm={() => props.onConfirm(n)}
    >
      <label htmlFor={id} className="block">
        New partition count (now {props.current})
      </label>
      <input
        id={id}
        type="number"
        min={props.current + 1}
        value={count}
        onChange={(e) => setCount(e.target.value)}
        className="w-32 rounded border border-slate-300 px-2 py-1"
      />
      <p>
        {added > 0
          ? `Adds ${added} partition${added === 1 ? '' : 's'} (${props.current} → ${n}). `
          : 'The count can only grow. '}
        Partitions can never be removed again, and messages with a key may go to a different partition than
        before, which breaks per-key ordering for consumers reading old and new messages.
      </p>
    </ConfirmDialog>
  );
}
