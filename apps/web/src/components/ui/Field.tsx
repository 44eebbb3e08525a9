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

/** What every control in a frame carries: its id and the help/error lines bound to it. */
interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** Label above, the control, then help and error text bound to it. */
function Frame({
  label,
  help,
  error,
  className,
  children,
}: FieldFrame & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-0.5 ${className ?? ''}`}>
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      {children({ id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {help && (
        <p id={helpId} className="text-xs text-muted">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** The props of a framed control: the frame's, the element's own (less id/className), inputClassName. */
type FieldProps<A> = FieldFrame & Omit<A, 'className' | 'id'> & { inputClassName?: string };

/** Splits a framed control's props into the frame's and the element's. */
function splitFrame<P extends FieldFrame & { inputClassName?: string }>({
  label,
  help,
  error,
  className,
  inputClassName = '',
  ...own
}: P) {
  return { frame: { label, help, error, className }, inputClassName, own };
}

export function TextField(props: FieldProps<InputHTMLAttributes<HTMLInputElement>>) {
  const { frame, inputClassName, own } = splitFrame(props);
  return (
    <Frame {...frame}>
      {(control) => <input {...control} className={`${inputClass} ${inputClassName}`} {...own} />}
    </Frame>
  );
}

export function TextArea(props: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { frame, inputClassName, own } = splitFrame(props);
  return (
    <Frame {...frame}>
      {(control) => (
        <textarea {...control} className={`${inputClass} font-mono ${inputClassName}`} {...own} />
      )}
    </Frame>
  );
}

export function Select(props: FieldProps<SelectHTMLAttributes<HTMLSelectElement>>) {
  const { frame, inputClassName, own } = splitFrame(props);
  return (
    <Frame {...frame}>
      {(control) => <select {...control} className={`${inputClass} ${inputClassName}`} {...own} />}
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
