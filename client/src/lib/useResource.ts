// Loads something from the API for a key, keeps the last answer while reloading (no flicker when
// a live change arrives), and ignores answers that arrive after the key changed.
//
//   const amendments = useResource(`amendments:${documentId}`, () => api.amendments(documentId));
//   amendments.reload();
import { useCallback, useEffect, useState } from 'react';
import { useLatest } from './useLatest.js';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  /** True until the first answer (or failure) for this key. */
  loading: boolean;
  reload: () => void;
}

interface State<T> {
  key: string;
  data?: T;
  error?: unknown;
}

export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const loader = useLatest(load);
  const [state, setState] = useState<State<T>>({ key });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    loader.current().then(
      (data) => {
        if (current) setState({ key, data });
      },
      (error: unknown) => {
        if (current)
          setState((previous) => ({
            key,
            data: previous.key === key ? previous.data : undefined,
            error,
          }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, version, loader]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const mine = state.key === key ? state : { key };
  return {
    data: mine.data,
    error: mine.error,
    loading: mine.data === undefined && mine.error === undefined,
    reload,
  };
}
