// Sign-in with e-mail and password; afterwards the user returns to where they were going.
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.js';
import { describeError } from '../api/errors.js';
import { ApiError } from '../api/http.js';
import { safeNext } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session/session.js';
import { Notice } from '../ui/bits.js';
import { AuthLayout } from './AuthLayout.js';

export function SignInPage() {
  const { t } = useI18n();
  const { state, signedIn } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await api.signIn(email.trim(), password));
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
    <AuthLayout title={t('signIn.title')} intro={t('signIn.intro')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate={false}>
        {error && <Notice tone="error">{error}</Notice>}
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
    </AuthLayout>
  );
}
