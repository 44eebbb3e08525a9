import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner.tsx';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in words: "Deletes topic orders and all its 1,204 messages." */
  children: ReactNode;
  /** The confirm button names the action ("Delete topic"), never just "OK". */
  confirmLabel: string;
  /** When set, the person types this (e.g. the topic name) before the button is enabled. */
  typeToConfirm?: string;
  danger?: boolean;
  /** Keeps the confirm button disabled, e.g. while nothing is chosen yet. */
  confirmDisabled?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal that asks before something irreversible, and shows the server's answer if it fails. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { onCancel } = props;
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  const blocked =
    props.pending ||
    props.confirmDisabled ||
    (props.typeToConfirm !== undefined && typed !== props.typeToConfirm);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="w-full max-w-lg rounded-lg bg-white p-5 shadow-xl"
      >
        <h2 id={titleId} className="mb-2 text-lg font-semibold">
          {props.title}
        </h2>
        <div className="space-y-2 text-sm text-slate-700">{props.children}</div>
        {props.typeToConfirm !== undefined && (
          <div className="mt-3">
            <label htmlFor={inputId} className="block text-sm text-slate-600">
              Type <span className="font-mono font-semibold">{props.typeToConfirm}</span> to confirm
            </label>
            <input
              id={inputId}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm"
              autoComplete="off"
            />
          </div>
        )}
        <ErrorBanner error={props.error} />
        <div className="mt-4 flex justify-end gap-2">
          <button
            ref={cancelRef}
            type="button"
            onClick={props.onCancel}
            className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            Cancel
          </button>
          <button
            type="button"
            disabled={blocked}
            onClick={props.onConfirm}
            className={`rounded px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 ${props.danger ? 'bg-red-600 hover:bg-red-700' : 'bg-blue-600 hover:bg-blue-700'}`}
          >
            {props.pending ? 'Working…' : props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
