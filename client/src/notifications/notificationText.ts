// What an inbox entry says, in the reader's language: one message per kind, filled from the
// entry's payload (ids become links elsewhere; here only the document's title and the facts).
import type { NotificationView } from '@accord/shared';
import type { I18n } from '../i18n/i18n.js';

export function notificationText(
  entry: Pick<NotificationView, 'kind' | 'payload' | 'documentTitle'>,
  { t, formatDateTime }: Pick<I18n, 't' | 'formatDateTime'>,
): string {
  const { payload } = entry;
  const document = entry.documentTitle ?? t('notifications.someDocument');
  const until = payload.until ? formatDateTime(payload.until) : '';
  switch (entry.kind) {
    case 'revision-issued':
      return t('notifications.kind.revision-issued', {
        revision: payload.revisionLabel ?? '',
        document,
      });
    case 'deadline-approaching':
      return t('notifications.kind.deadline-approaching', {
        kind: payload.deadlineKind ?? 'positions',
        document,
        until,
      });
    case 'silence-started':
      return t('notifications.kind.silence-started', { document, until });
    case 'silence-broken':
      return t('notifications.kind.silence-broken', { document });
    case 'silence-ended':
      return t('notifications.kind.silence-ended', {
        document,
        outcome: payload.silenceOutcome ?? 'withdrawn',
      });
    case 'amendment-decided':
      return t('notifications.kind.amendment-decided', {
        document,
        outcome: payload.amendmentOutcome ?? 'merged',
      });
    case 'mentioned':
      return t('notifications.kind.mentioned', { document });
    case 'position-requested':
      return t('notifications.kind.position-requested', { document });
  }
}
