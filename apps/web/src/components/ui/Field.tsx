import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

export const inputClass =
  'rounded border border-line-strong bg-surface px-2 py-1 text-sm text-fg placeholder:text-muted disabled:opacity-60 aria-[invalid=true]:border-danger';

interface FieldFrame {
  label: ReactNode;
  /** A line under the field, read out with it (aria-describedby). */
  help?: ReactNode;
  /** Shown under the field in red and marks it invalid. */
  error?: string | null | undefined;
  /** Classes of the wrapper (width, grid span). */
  className?: string;
}

/** Label above, the control, then help and error text bound to it. */
function Frame({
  id,
  frame,
  children,
}: {
  id: string;
  frame: FieldFrame;
  children: (described: string | undefined) => ReactNode;
}) {
  const helpId = frame.help ? `${id}-help` : undefined;
  const errorId = frame.error ? `${id}-error` : undefined;
  const described = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-0.5 ${frame.className ?? ''}`}>
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {frame.label}
      </label>
      {children(described)}
      {frame.help && (
        <p id={helpId} className="text-xs text-muted">
          {frame.help}
        </p>
      )}
      {frame.error && (
        <p id={errorId} className="text-xs text-danger">
          {frame.error}
        </p>
      )}
    </div>
  );
}

type Own = 'className' | 'id';

export function TextField({
  label,
  help,
  error,
  className,
  inputClassName = '',
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, Own> & { inputClassName?: string }) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, help, error, className }}>
      {(described) => (
        <input
          id={id}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} ${inputClassName}`}
          {...input}
        />
      )}
    </Frame>
  );
}

export function TextArea({
  label,
  help,
  error,
  className,
  inputClassName = '',
  ...input
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own> & { inputClassName?: string }) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, help, error, className }}>
      {(described) => (
        <textarea
          id={id}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} font-mono ${inputClassName}`}
          {...input}
        />
      )}
    </Frame>
  );
}

export function Select({
  label,
  help,
  error,
  className,
  inputClassName = '',
  children,
  ...select
}: FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, Own> & { inputClassName?: string }) {
  const id = useId();
  return (
    <Frame id={id} frame={{ label, help, error, className }}>
      {(described) => (
        <select
          id={id}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} ${inputClassName}`}
          {...select}
        >
          {children}
        </select>
      )}
    </Frame>
  );
}

/** A checkbox (or, with `type="radio"`, a radio) with its label on the right. */
export function Checkbox({
  label,
  className = '',
  ...input
}: { label: ReactNode; className?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>) {
  return (
    <label className={`inline-flex items-center gap-1.5 text-sm text-fg ${className}`}>
      <input type="checkbox" className="h-4 w-4 accent-[var(--accent-bg)]" {...input} />
      {label}
    </label>
  );
}
