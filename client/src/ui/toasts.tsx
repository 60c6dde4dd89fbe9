// Short notices in one polite live region: news that concerns the user and the outcome of their
// own actions. Each stays until dismissed or for a while; none steals focus.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

export interface Toast {
  id: number;
  message: string;
  detail?: string;
  tone: 'info' | 'success' | 'error';
}

interface Toasts {
  show: (message: string, options?: { detail?: string; tone?: Toast['tone'] }) => void;
}

const ToastContext = createContext<Toasts | null>(null);
const VISIBLE_MS = 8000;
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);
  const show = useCallback<Toasts['show']>(
    (message, options = {}) => {
      const id = nextId++;
      const toast: Toast = { id, message, tone: options.tone ?? 'info' };
      if (options.detail) toast.detail = options.detail;
      setToasts((list) => [...list.slice(-2), toast]);
      // Errors stay until dismissed: they may need acting on.
      if (toast.tone !== 'error') setTimeout(() => dismiss(id), VISIBLE_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toasts" aria-label={t('toast.region')}>
        <ul aria-live="polite" aria-relevant="additions">
          {toasts.map((toast) => (
            <li
              key={toast.id}
              className={`toast toast--${toast.tone}`}
              role={toast.tone === 'error' ? 'alert' : undefined}
            >
              <div className="toast__text">
                <p className="toast__message">{toast.message}</p>
                {toast.detail && <p className="toast__detail">{toast.detail}</p>}
              </div>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => dismiss(toast.id)}
              >
                {t('toast.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </ToastContext.Provider>
  );
}

export function useToasts(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToasts outside ToastProvider');
  return toasts;
}
