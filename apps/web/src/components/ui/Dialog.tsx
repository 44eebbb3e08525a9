import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal: Esc closes, Enter in a field submits (it is a form), Tab stays inside, and focus goes back
 * where it was when it closes. `initialFocus` picks the first focused element (a CSS selector).
 */
export function Dialog({
  title,
  children,
  footer,
  onClose,
  onSubmit,
  initialFocus,
}: {
  title: ReactNode;
  children: ReactNode;
  footer: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  initialFocus?: string;
}) {
  const titleId = useId();
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first =
      (initialFocus && box.current?.querySelector<HTMLElement>(initialFocus)) ||
      box.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => before?.focus?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus once, when the dialog opens
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
      if (e.key !== 'Tab' || !box.current) return;
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items.at(-1);
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-backdrop p-4">
      <form
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={submit}
        // The server's sentence says what is wrong with a value; the browser's bubble would hide it.
        noValidate
        className="max-h-full w-full max-w-lg overflow-auto rounded-lg border border-line bg-surface p-5 text-fg shadow-xl"
      >
        <h2 id={titleId} className="mb-2 text-lg font-semibold break-words">
          {title}
        </h2>
        <div className="space-y-2 text-sm">{children}</div>
        <div className="mt-4 flex flex-wrap justify-end gap-2">{footer}</div>
      </form>
    </div>
  );
}
