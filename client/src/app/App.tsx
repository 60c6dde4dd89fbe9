// The app's routes: the pages before sign-in, then everything that needs a session (with the
// socket.io connection open), grouped per negotiation.
import { useEffect } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { ChairConsolePage } from '../chair/ChairConsolePage.js';
import { ManagePage } from '../chair/ManagePage.js';
import { ConsensusPage } from '../consensus/ConsensusPage.js';
import { AuthorshipPage } from '../draft/authorship/AuthorshipPage.js';
import { DraftPage } from '../draft/DraftPage.js';
import { NegotiationHome } from '../home/NegotiationHome.js';
import { I18nProvider, useBrowserI18n, useI18n } from '../i18n/i18n.js';
import { InvitationPage } from '../pages/InvitationPage.js';
import { NegotiationsPage } from '../pages/NegotiationsPage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { ProjectorPage } from '../projector/ProjectorPage.js';
import { RealtimeProvider, useRealtime } from '../realtime/realtime.js';
import { RoundtablePage } from '../roundtables/RoundtablePage.js';
import { RoundtablesPage } from '../roundtables/RoundtablesPage.js';
import { SessionProvider, useSession } from '../session/session.js';
import { Loading, LoadError } from '../ui/bits.js';
import { ToastProvider } from '../ui/toasts.js';
import { NegotiationLayout } from './NegotiationLayout.js';
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

function RequireSession() {
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

function NotFound() {
  const { t } = useI18n();
  return (
    <main id="main" className="main">
      <p>{t('shell.notFound')}</p>
      <a href={paths.home()}>{t('shell.backHome')}</a>
    </main>
  );
}

export function App() {
  const i18n = useBrowserI18n();
  return (
    <I18nProvider i18n={i18n}>
      <ToastProvider>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/invitations/:invitationId" element={<InvitationPage />} />
              <Route element={<RequireSession />}>
                <Route index element={<NegotiationsPage />} />
                <Route path="/negotiations/:negotiationId" element={<NegotiationLayout />}>
                  <Route index element={<NegotiationHome />} />
                  <Route path="manage" element={<ManagePage />} />
                  <Route path="chair" element={<ChairConsolePage />} />
                  <Route path="roundtables" element={<RoundtablesPage />} />
                  <Route path="roundtables/:roundtableId" element={<RoundtablePage />} />
                  <Route path="documents/:documentId" element={<DraftPage />} />
                  <Route path="documents/:documentId/consensus" element={<ConsensusPage />} />
                  <Route path="documents/:documentId/authorship" element={<AuthorshipPage />} />
                  <Route path="documents/:documentId/projector" element={<ProjectorPage />} />
                </Route>
              </Route>
              <Route path="*" element={<NotFound />} />
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </ToastProvider>
    </I18nProvider>
  );
}
