// The gate in front of every signed-in route: waits for the session, sends strangers to the
// sign-in page and opens the socket.io connection for the rest. Kept out of App.tsx so that
// socket.io and the realtime layer load only after sign-in.
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { RealtimeProvider, useRealtime } from '../realtime/realtime.js';
import { useSession } from '../session/session.js';
import { Loading, LoadError } from '../ui/bits.js';
import { paths } from './paths.js';

/** When the server ends the session (sign-out elsewhere, expiry), ask again: it answers 401. */
function SessionEndWatcher() {
  const realtime = useRealtime();
  const { refresh } = useSession();
  useEffect(
    () =>
      realtime.onSessionEnded((ended) => {
        if (ended.reason === 'session-ended') refresh();
      }),
    [realtime, refresh],
  );
  return null;
}

export function RequireSession() {
  const { state, refresh } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadError error={state.error} retry={refresh} />;
  if (state.status === 'signed-out')
    return <Navigate to={paths.signIn(`${location.pathname}${location.search}`)} replace />;
  return (
    <RealtimeProvider>
      <SessionEndWatcher />
      <Outlet />
    </RealtimeProvider>
  );
}
