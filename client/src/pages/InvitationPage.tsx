// Accepting an invitation from its link (`/invitations/<id>#token=…`): the token never leaves the
// fragment except in the body of the preview and accept requests, and is wiped from the address
// bar at once. Accepting signs in, creating the account when the e-mail has none. The preview does
// not say whether the e-mail has an account, so the form asks for a name and a password always;
// the server uses the password to sign in when there is one, or both to create it.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { api } from '../api/endpoints.js';
import { describeError } from '../api/errors.js';
import { ApiError } from '../api/http.js';
import type { InvitationPreview } from '../api/types.js';
import { paths } from '../app/paths.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import { useSession } from '../session/session.js';
import { Loading, Notice } from '../ui/bits.js';
import { AuthLayout } from './AuthLayout.js';

/** Reads `token` from the fragment once and removes the fragment from the address. */
function useFragmentToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token'));
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  return token;
}

function invitationProblem(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return t('invitation.notFound');
    if (error.status === 409) return t('invitation.used');
    if (error.status === 410) return t('invitation.expired');
  }
  return describeError(t, error);
}

export function InvitationPage() {
  const { t, formatDateTime } = useI18n();
  const { invitationId = '' } = useParams();
  const token = useFragmentToken();
  const { signedIn } = useSession();
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(token ? null : t('invitation.noToken'));
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState<string | null>(null);

  useEffect(() => {
    if (!token) return;
    let current = true;
    api.previewInvitation(invitationId, token).then(
      (answer) => current && setPreview(answer),
      (error: unknown) => current && setProblem(invitationProblem(t, error)),
    );
    return () => {
      current = false;
    };
  }, [invitationId, token, t]);

  if (accepted) return <Navigate to={paths.negotiation(accepted)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token || !preview) return;
    setBusy(true);
    setProblem(null);
    try {
      const info = await api.acceptInvitation(invitationId, {
        token,
        password,
        displayName: displayName.trim(),
      });
      signedIn(info);
      setAccepted(preview.negotiation?.negotiationId ?? '');
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 401
          ? t('invitation.wrongPassword')
          : invitationProblem(t, error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('invitation.title')}>
      {problem && (
        <Notice tone="error">
          <p>{problem}</p>
          <Link to={paths.signIn()}>{t('invitation.signInInstead')}</Link>
        </Notice>
      )}
      {!preview && !problem && <Loading />}
      {preview && (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <p>
            {t('invitation.summary', {
              negotiation: preview.negotiation?.title ?? '',
              stakeholder: preview.stakeholder?.name ?? '',
              role: t(`role.${preview.role}`),
            })}
          </p>
          <p className="muted">
            {t('invitation.for', { email: preview.email })}{' '}
            {t('invitation.expires', { date: formatDateTime(preview.expiresAt) })}
          </p>
          <p>{t('invitation.howToAccept')}</p>
          <label className="field">
            <span className="field__label">{t('invitation.displayName')}</span>
            <input
              name="displayName"
              autoComplete="name"
              required
              maxLength={100}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('invitation.password')}</span>
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
            {busy ? t('invitation.accepting') : t('invitation.accept')}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
