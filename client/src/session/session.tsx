// Who is signed in: asked of the server once at start (the cookie is httpOnly, so only the server
// knows), updated by signing in, accepting an invitation and signing out, and dropped whenever
// the server answers 401.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api } from '../api/endpoints.js';
import { ApiError, setUnauthenticatedHandler } from '../api/http.js';
import type { SessionInfo } from '../api/types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; info: SessionInfo }
  | { status: 'failed'; error: unknown };

interface SessionContextValue {
  state: SessionState;
  /** After a sign-in or an accepted invitation. */
  signedIn: (info: SessionInfo) => void;
  signOut: () => Promise<void>;
  refresh: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    api.session().then(
      (info) => current && setState({ status: 'signed-in', info }),
      (error: unknown) => {
        if (!current) return;
        setState(
          error instanceof ApiError && error.status === 401
            ? { status: 'signed-out' }
            : { status: 'failed', error },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [version]);
  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ status: 'signed-out' }));
    return () => setUnauthenticatedHandler(undefined);
  }, []);
  const signedIn = useCallback((info: SessionInfo) => setState({ status: 'signed-in', info }), []);
  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setState({ status: 'signed-out' });
    }
  }, []);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(
    () => ({ state, signedIn, signOut, refresh }),
    [state, signedIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user's session; only inside routes that require one. */
export function useSignedIn(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn without a session');
  return state.info;
}
