// The sign-in screen when a visit starts at /sign-in: React and the sign-in form only, without
// the app's router, catalogues or API contracts, so the first page a delegate sees stays light
// (issue #18: at most 80 KiB of gzipped JavaScript). It speaks the browser's language, like the
// app before anyone chooses one, and once signed in loads the page the user was going to.
import { pickUiLanguage, textDirection, unLanguages } from '@accord/shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { sessionApi } from '../../api/session-api.js';
import { browserLanguages } from '../../i18n/browserLanguages.js';
import { SignInForm } from '../../pages/SignInForm.js';
import { paths, safeNext } from '../paths.js';
import { signInTranslate } from './signInMessages.js';

/** Mounts the sign-in screen into `root`; someone already signed in goes straight on. */
export async function mountSignIn(root: HTMLElement): Promise<void> {
  const asked = safeNext(new URLSearchParams(window.location.search).get('next'));
  // Never back to this screen: someone signed in would go round in circles.
  const next = asked.startsWith(paths.signIn()) ? paths.home() : asked;
  const goOn = () => window.location.replace(next);
  const language = pickUiLanguage(browserLanguages(), unLanguages);
  const [t, signedIn] = await Promise.all([
    signInTranslate(language),
    sessionApi.session().then(
      () => true,
      // Nobody signed in (401), or the server could not say: the form is the way forward.
      () => false,
    ),
  ]);
  if (signedIn) return goOn();
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
  createRoot(root).render(
    <StrictMode>
      <SignInForm t={t} onSignedIn={goOn} />
    </StrictMode>,
  );
}
