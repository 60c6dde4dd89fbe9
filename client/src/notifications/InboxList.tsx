// The inbox as a list: each notice in words, when it happened, a link to what it is about, and
// whether it is read. Stateless: the page loads the entries and handles the buttons.
import { notificationPath, type NotificationView } from '@accord/shared';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { notificationText } from './notificationText.js';

export interface InboxListProps {
  entries: readonly NotificationView[];
  onOpen: (entry: NotificationView) => void;
  onMarkRead: (entry: NotificationView) => void;
}

export function InboxList({ entries, onOpen, onMarkRead }: InboxListProps) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  if (entries.length === 0) return <p className="inbox__empty">{t('notifications.empty')}</p>;
  return (
    <ul className="inbox">
      {entries.map((entry) => (
        <li
          key={entry.notificationId}
          className={entry.read ? 'inbox__entry' : 'inbox__entry inbox__entry--unread'}
        >
          {!entry.read && <span className="visually-hidden">{t('notifications.unread')}</span>}
          <Link
            to={notificationPath(entry.payload)}
            className="inbox__text"
            dir="auto"
            onClick={() => onOpen(entry)}
          >
            {notificationText(entry, i18n)}
          </Link>
          <time className="inbox__time" dateTime={entry.createdAt}>
            {formatDateTime(entry.createdAt)}
          </time>
          {!entry.read && (
            <button
              type="button"
              className="button button--quiet inbox__mark"
              onClick={() => onMarkRead(entry)}
            >
              {t('notifications.markRead')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
