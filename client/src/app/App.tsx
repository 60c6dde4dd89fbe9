// The app's routes: the pages before sign-in, then everything that needs a session (with the
// socket.io connection open), grouped per negotiation.
import { BrowserRouter, Route, Routes } from 'react-router';
import { LanguageRoot, useI18n } from '../i18n/i18n.js';
import { SessionProvider } from '../session/session.js';
import { ToastProvider } from '../ui/toasts.js';
import { lazyPage } from './lazyPage.js';
import { paths } from './paths.js';

// Every page is its own chunk (see lazyPage.tsx): only what the route shows is downloaded.
const SignInPage = lazyPage(() => import('../pages/SignInPage.js'), 'SignInPage');
const InvitationPage = lazyPage(() => import('../pages/InvitationPage.js'), 'InvitationPage');
const RequireSession = lazyPage(() => import('./RequireSession.js'), 'RequireSession');
const NegotiationsPage = lazyPage(() => import('../pages/NegotiationsPage.js'), 'NegotiationsPage');
const NegotiationLayout = lazyPage(() => import('./NegotiationLayout.js'), 'NegotiationLayout');
const NegotiationHome = lazyPage(() => import('../home/NegotiationHome.js'), 'NegotiationHome');
const ManagePage = lazyPage(() => import('../chair/ManagePage.js'), 'ManagePage');
const ChairConsolePage = lazyPage(() => import('../chair/ChairConsolePage.js'), 'ChairConsolePage');
const RoundtablesPage = lazyPage(
  () => import('../roundtables/RoundtablesPage.js'),
  'RoundtablesPage',
);
const RoundtablePage = lazyPage(() => import('../roundtables/RoundtablePage.js'), 'RoundtablePage');
const DraftPage = lazyPage(() => import('../draft/DraftPage.js'), 'DraftPage');
const ConsensusPage = lazyPage(() => import('../consensus/ConsensusPage.js'), 'ConsensusPage');
const AuthorshipPage = lazyPage(
  () => import('../draft/authorship/AuthorshipPage.js'),
  'AuthorshipPage',
);
const LanguageVersionsPage = lazyPage(
  () => import('../language-versions/LanguageVersionsPage.js'),
  'LanguageVersionsPage',
);
const ProjectorPage = lazyPage(() => import('../projector/ProjectorPage.js'), 'ProjectorPage');
const ConsultationsPage = lazyPage(
  () => import('../consultations/ConsultationsPage.js'),
  'ConsultationsPage',
);
const ConsultationPage = lazyPage(
  () => import('../consultations/ConsultationPage.js'),
  'ConsultationPage',
);
const SynthesisPage = lazyPage(() => import('../consultations/SynthesisPage.js'), 'SynthesisPage');
const PublicConsultationPage = lazyPage(
  () => import('../consultations/PublicConsultationPage.js'),
  'PublicConsultationPage',
);
const PledgesPage = lazyPage(() => import('../pledges/PledgesPage.js'), 'PledgesPage');
const PledgePage = lazyPage(() => import('../pledges/PledgePage.js'), 'PledgePage');
const PledgeReviewPage = lazyPage(() => import('../pledges/ReviewPage.js'), 'ReviewPage');
const PublicPledgesPage = lazyPage(
  () => import('../pledges/PublicPledgesPage.js'),
  'PublicPledgesPage',
);
const PublicPledgePage = lazyPage(
  () => import('../pledges/PublicPledgePage.js'),
  'PublicPledgePage',
);
const PublicReviewPage = lazyPage(
  () => import('../pledges/PublicReviewPage.js'),
  'PublicReviewPage',
);
const RecommendationsPage = lazyPage(
  () => import('../recommendations/RecommendationsPage.js'),
  'RecommendationsPage',
);
const RecommendationPage = lazyPage(
  () => import('../recommendations/RecommendationPage.js'),
  'RecommendationPage',
);
const NotificationsPage = lazyPage(
  () => import('../notifications/NotificationsPage.js'),
  'NotificationsPage',
);

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
  return (
    <LanguageRoot>
      <ToastProvider>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/invitations/:invitationId" element={<InvitationPage />} />
              <Route path="/consult/:token" element={<PublicConsultationPage />} />
              <Route
                path="/public/negotiations/:negotiationId/pledges"
                element={<PublicPledgesPage />}
              />
              <Route
                path="/public/negotiations/:negotiationId/pledges/review"
                element={<PublicReviewPage />}
              />
              <Route path="/public/pledges/:pledgeId" element={<PublicPledgePage />} />
              <Route element={<RequireSession />}>
                <Route index element={<NegotiationsPage />} />
                <Route path="/notifications/*" element={<NotificationsPage />} />
                <Route path="/negotiations/:negotiationId" element={<NegotiationLayout />}>
                  <Route index element={<NegotiationHome />} />
                  <Route path="manage" element={<ManagePage />} />
                  <Route path="chair" element={<ChairConsolePage />} />
                  <Route path="roundtables" element={<RoundtablesPage />} />
                  <Route path="recommendations" element={<RecommendationsPage />} />
                  <Route
                    path="recommendations/:recommendationId"
                    element={<RecommendationPage />}
                  />
                  <Route path="consultations" element={<ConsultationsPage />} />
                  <Route path="consultations/:consultationId" element={<ConsultationPage />} />
                  <Route
                    path="consultations/:consultationId/synthesis"
                    element={<SynthesisPage />}
                  />
                  <Route path="roundtables/:roundtableId" element={<RoundtablePage />} />
                  <Route path="pledges" element={<PledgesPage />} />
                  <Route path="pledges/review" element={<PledgeReviewPage />} />
                  <Route path="pledges/:pledgeId" element={<PledgePage />} />
                  <Route path="documents/:documentId" element={<DraftPage />} />
                  <Route path="documents/:documentId/consensus" element={<ConsensusPage />} />
                  <Route path="documents/:documentId/authorship" element={<AuthorshipPage />} />
                  <Route path="documents/:documentId/projector" element={<ProjectorPage />} />
                  <Route
                    path="documents/:documentId/languages"
                    element={<LanguageVersionsPage />}
                  />
                </Route>
              </Route>
              <Route path="*" element={<NotFound />} />
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </ToastProvider>
    </LanguageRoot>
  );
}
