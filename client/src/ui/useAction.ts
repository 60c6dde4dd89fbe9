// Runs a user's command (a click, a form) with a busy flag, reporting failure as a toast in the
// catalogue's words and success as an optional toast.
import { useCallback, useState } from 'react';
import { describeError } from '../api/errors.js';
import { useI18n } from '../i18n/i18n.js';
import { useToasts } from './toasts.js';

export interface Action<A extends unknown[]> {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: string | null;
}

export function useAction<A extends unknown[]>(
  perform: (...args: A) => Promise<unknown>,
  success?: () => string | undefined,
): Action<A> {
  const { t } = useI18n();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await perform(...args);
        const message = success?.();
        if (message) toasts.show(message, { tone: 'success' });
        return true;
      } catch (failure) {
        const message = describeError(t, failure);
        setError(message);
        toasts.show(message, { tone: 'error' });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [perform, success, t, toasts],
  );
  return { run, busy, error };
}
