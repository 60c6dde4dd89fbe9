// The app's /sign-in route (reached from inside the app, e.g. when a session ends): the sign-in
// form in the UI language; afterwards the user returns to where they were going. A visit that
// starts at /sign-in loads the lighter screen of app/sign-in/ instead, with the same form.
import { Navigate, useSearchParams } from 'react-router';
import { safeNext } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session/session.js';
import { SignInForm } from './SignInForm.js';

export function SignInPage() {
  const { t } = useI18n();
  const { state, signedIn } = useSession();
  const [params] = useSearchParams();

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;
  return <SignInForm t={t} onSignedIn={signedIn} />;
}
