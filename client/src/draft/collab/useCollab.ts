// The document's live text for a React screen: one CollabSession, connected while mounted, and
// `restart()` for a fresh copy (after the server refused a change, the old copy is poisoned).
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { CollabSession, type CollabSnapshot } from './collabSession.js';

export interface Collab {
  session: CollabSession;
  snapshot: CollabSnapshot;
  restart: () => void;
}

export function useCollab(documentId: string): Collab {
  const [session, setSession] = useState(() => new CollabSession(documentId));
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const restart = useCallback(() => {
    session.destroy();
    setSession(new CollabSession(documentId));
  }, [session, documentId]);
  return { session, snapshot, restart };
}
