import type { InputHTMLAttributes } from 'react';
import { inputClass } from './Field.tsx';

/** A labelled search field; `/` anywhere on the page focuses the first one (see useShortcuts). */
export function SearchBox({
  label,
  className = 'w-full sm:w-72',
  ...input
}: { label: string; className?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>) {
  return (
    <div className={`relative ${className}`}>
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        className="pointer-events-none absolute top-1/2 left-2 h-4 w-4 -translate-y-1/2 text-muted"
      >
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="m13 13 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        aria-label={label}
        data-search
        className={`${inputClass} w-full py-1.5 pl-8`}
        {...input}
      />
    </div>
  );
}
