// The bell in the header: a link to the inbox that says how many notifications are unread.
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { notificationPaths } from './paths.js';
import { useUnreadCount } from './useUnreadCount.js';
import './notifications-inbox.css';

export function NotificationBell() {
  const count = useUnreadCount();
  return <BellLink count={count} />;
}

/** The link itself, apart from the live count, so it can be shown with any number. */
export function BellLink({ count }: { count: number }) {
  const { t, formatNumber } = useI18nWithNumbers();
  const label = t('notifications.bell', { count });
  return (
    <Link to={notificationPaths.inbox()} className="bell" aria-label={label} title={label}>
      <span aria-hidden="true" className="bell__icon">
        🔔
      </span>
      {count > 0 && (
        <span aria-hidden="true" className="bell__count">
          {formatNumber(count)}
        </span>
      )}
    </Link>
  );
}

function useI18nWithNumbers() {
  const i18n = useI18n();
  return { ...i18n, formatNumber: (n: number) => new Intl.NumberFormat(i18n.locale).format(n) };
}
