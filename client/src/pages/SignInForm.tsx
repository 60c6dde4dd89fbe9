// Sign-in with e-mail and password, given its words and what to do once signed in: the same form
// serves the sign-in screen loaded on its own (app/sign-in/) and the app's /sign-in route.
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorWords } from '../api/errors.js';
import { ApiError } from '../api/http.js';
import { sessionApi } from '../api/session-api.js';
import type { SessionInfo } from '../api/types.js';
import type { SignInKey } from '../app/sign-in/signInMessages.js';
import { AuthFrame } from './AuthFrame.js';

/** The messages the form shows: the app's `t` gives them, and so does the sign-in screen's. */
export interface SignInWords extends ErrorWords {
  (key: Exclude<SignInKey, `error.${string}`>): string;
}

export function SignInForm({
  t,
  onSignedIn,
}: {
  t: SignInWords;
  onSignedIn: (info: SessionInfo) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await sessionApi.signIn(email.trim(), password));
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401
          ? t('signIn.failed')
          : failure instanceof ApiError && failure.status === 429
            ? t('signIn.tooMany')
            : describeError(t, failure),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame
      name={t('app.name')}
      tagline={t('app.tagline')}
      title={t('signIn.title')}
      intro={t('signIn.intro')}
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate={false}>
        {error && (
          <div className="notice notice--error" role="alert">
            {error}
          </div>
        )}
        <label className="field">
          <span className="field__label">{t('signIn.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
          />
        </label>
        <label className="field">
          <span className="field__label">{t('signIn.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </AuthFrame>
  );
}
