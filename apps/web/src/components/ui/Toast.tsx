import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Toast {
  id: number;
  text: string;
  tone: 'ok' | 'danger';
}

const ToastContext = createContext<(text: string, tone?: Toast['tone']) => void>(() => {});

/** `useToast()("Topic orders deleted.")`: a short message that outlives the page that caused it. */
export const useToast = () => useContext(ToastContext);

let next = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (text: string, tone: Toast['tone'] = 'ok') => {
      const id = next++;
      setToasts((all) => [...all, { id, text, tone }]);
      setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      {toasts.length > 0 && (
        <div
          role="status"
          aria-label={t('common.notifications')}
          className="fixed right-4 bottom-4 z-50 flex max-w-sm flex-col gap-2"
        >
          {toasts.map((toast) => (
            <div
              key={toast.id}
              className={`flex items-start gap-3 rounded-lg border-l-4 bg-surface px-4 py-3 text-sm text-fg shadow-lg ${toast.tone === 'ok' ? 'border-ok' : 'border-danger'}`}
            >
              <span className="flex-1">{toast.text}</span>
              <button
                type="button"
                aria-label={t('common.dismiss')}
                className="text-muted hover:text-fg"
                onClick={() => dismiss(toast.id)}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      )}
    </ToastContext.Provider>
  );
}
