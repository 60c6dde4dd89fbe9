// The connection indicator of the draft: connected and saved, reconnecting, offline with how many
// changes wait to be sent, or stopped by the server (with what to do about it).
import { CollabCloseCode, CollabCloseReason, isWriteRefused } from '@accord/shared';
import { useI18n } from '../../i18n/i18n.js';
import type { PlainMessageKey } from '../../i18n/i18n.js';
import type { CollabSnapshot } from './collabSession.js';

export function stoppedMessage(code: number, reason: string): PlainMessageKey {
  // Checked first: a full document is also a refused write (the local copy must be dropped).
  if (code === CollabCloseCode.DocumentTooLarge) {
    return reason.startsWith(CollabCloseReason.ParagraphTooLong)
      ? 'connection.paragraphTooLong'
      : 'connection.documentFull';
  }
  // The schema gate's refusals are refused writes too, with their own reason to give.
  if (code === CollabCloseCode.SchemaViolation) return 'connection.schemaViolation';
  if (code === CollabCloseCode.ParagraphLocked) return 'connection.paragraphLocked';
  if (isWriteRefused(code, reason)) return 'connection.refused';
  switch (code) {
    case CollabCloseCode.SessionEnded:
      return 'connection.sessionEnded';
    case CollabCloseCode.Forbidden:
      return 'connection.accessRevoked';
    case CollabCloseCode.DocumentNotFound:
      return 'connection.notFound';
    case CollabCloseCode.UpdateTooLarge:
    case CollabCloseCode.FrameTooLarge:
    case CollabCloseCode.MessageTooBig:
      return 'connection.tooLarge';
    case CollabCloseCode.RateLimited:
      return 'connection.rateLimited';
    case CollabCloseCode.MalformedMessage:
      return 'connection.malformed';
    default:
      return 'connection.stopped';
  }
}

export function ConnectionStatus({
  snapshot,
  onReconnect,
}: {
  snapshot: CollabSnapshot;
  onReconnect?: () => void;
}) {
  const { t } = useI18n();
  const { state, unsent } = snapshot;
  const label =
    state.kind === 'stopped'
      ? t(stoppedMessage(state.code, state.reason))
      : t(`connection.${state.kind}`);
  return (
    <div
      className={`connection connection--${state.kind}`}
      role="status"
      aria-label={t('connection.label')}
      data-state={state.kind}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{label}</span>
      {unsent > 0 && state.kind !== 'synced' && (
        <span className="connection__unsent">
          {' · '}
          {state.kind === 'stopped'
            ? t('connection.lostUnsent', { count: unsent })
            : t('connection.unsent', { count: unsent })}
        </span>
      )}
      {state.kind === 'stopped' && onReconnect && state.code !== CollabCloseCode.SessionEnded && (
        <button type="button" className="button button--small" onClick={onReconnect}>
          {t('connection.reconnect')}
        </button>
      )}
    </div>
  );
}
