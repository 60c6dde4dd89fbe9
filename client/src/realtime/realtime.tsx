// The socket.io connection for live application events, one per signed-in tab: change notices
// (deduplicated by log position) fan out to whoever subscribed, and the server's end of the
// session sends the user back to sign-in.
//
//   const realtime = useRealtime();
//   useEffect(() => realtime.onChange((notice) => { if (notice.kind === 'amendment') reload(); }), []);
import {
  REALTIME_PATH,
  type ChangeNotice,
  type ClientToServerEvents,
  type SessionEndedNotice,
  type ServerToClientEvents,
} from '@accord/shared';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { useLatest } from '../lib/useLatest.js';

export type AccordSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type ChangeListener = (notice: ChangeNotice) => void;
type EndListener = (ended: SessionEndedNotice) => void;

export interface Realtime {
  socket: AccordSocket;
  /** Subscribes to change notices; returns the unsubscribe function. */
  onChange: (listener: ChangeListener) => () => void;
  onSessionEnded: (listener: EndListener) => () => void;
  close: () => void;
}

/** How many positions to remember when deduplicating notices that arrive through two rooms. */
const SEEN_LIMIT = 500;

export function createRealtime(socket: AccordSocket): Realtime {
  const changeListeners = new Set<ChangeListener>();
  const endListeners = new Set<EndListener>();
  const seen = new Set<string>();
  socket.on('change', (notice) => {
    const key = `${notice.position}:${notice.kind}:${notice.id ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    for (const listener of [...changeListeners]) listener(notice);
  });
  socket.on('session:ended', (ended) => {
    for (const listener of [...endListeners]) listener(ended);
  });
  return {
    socket,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onSessionEnded(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    close: () => socket.close(),
  };
}

const RealtimeContext = createContext<Realtime | null>(null);

/** Opens the socket for the signed-in user; closes it when they sign out. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [realtime] = useState(() =>
    createRealtime(io({ path: REALTIME_PATH, withCredentials: true, autoConnect: false })),
  );
  useEffect(() => {
    realtime.socket.connect();
    return () => realtime.close();
  }, [realtime]);
  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime outside RealtimeProvider');
  return realtime;
}

/** Calls `listener` for every change notice while the component is mounted. */
export function useChangeNotices(listener: ChangeListener): void {
  const realtime = useRealtime();
  const latest = useLatest(listener);
  useEffect(() => realtime.onChange((notice) => latest.current(notice)), [realtime, latest]);
}
