import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'warn-outline' | 'ghost';
export type ButtonSize = 'sm' | 'md';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-accent-bg text-on-accent hover:brightness-110 border border-transparent',
  secondary: 'border border-line-strong bg-surface text-fg hover:bg-surface-2',
  danger: 'bg-danger-bg text-on-accent hover:brightness-110 border border-transparent',
  'danger-outline': 'border border-danger bg-surface text-danger hover:bg-danger-soft',
  'warn-outline': 'border border-warn bg-surface text-warn hover:bg-warn-soft',
  ghost: 'border border-transparent text-accent hover:bg-accent-soft',
};
const SIZES: Record<ButtonSize, string> = { sm: 'px-2 py-0.5 text-xs', md: 'px-3 py-1.5 text-sm' };

/** The classes of a button, for a link that looks like one. */
export const buttonClass = (variant: ButtonVariant = 'secondary', size: ButtonSize = 'md') =>
  `inline-flex items-center justify-center gap-1.5 rounded font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50 ${VARIANTS[variant]} ${SIZES[size]}`;

/** A button; `busy` disables it and says so (with `busyLabel` when given) while a request runs. */
export function Button({
  variant = 'secondary',
  size = 'md',
  busy = false,
  busyLabel,
  className = '',
  type = 'button',
  children,
  disabled,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  busy?: boolean;
  busyLabel?: ReactNode;
}) {
  return (
    <button
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`${buttonClass(variant, size)} ${className}`}
      {...rest}
    >
      {busy && (
        <span
          aria-hidden
          className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent"
        />
      )}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
