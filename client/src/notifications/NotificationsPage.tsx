// The notification pages under /notifications: the inbox (paged, newest first, with "mark all
// read") and, at /notifications/preferences, the e-mail preferences.
import {
  notificationContracts,
  type EmailChannel,
  type InboxView,
  type NotificationKind,
  type NotificationPreferencesView,
  type NotificationView,
} from '@accord/shared';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { call } from '../api/call.js';
import { Shell } from '../app/Shell.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { useChangeNotices } from '../realtime/realtime.js';
import { InboxList } from './InboxList.js';
import { notificationPaths } from './paths.js';
import { PreferencesForm } from './PreferencesForm.js';
import './notifications-inbox.css';

const PAGE = 30;

export function NotificationsPage() {
  return (
    <Routes>
      <Route index element={<InboxScreen />} />
      <Route path="preferences" element={<PreferencesScreen />} />
    </Routes>
  );
}

function InboxScreen() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [older, setOlder] = useState<NotificationView[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const inbox = useResource<InboxView>(`notifications:inbox:${unreadOnly}`, () =>
    call(notificationContracts.listInbox, {
      query: { limit: PAGE, ...(unreadOnly ? { unreadOnly: 'true' as const } : {}) },
    }),
  );
  useChangeNotices((notice) => {
    if (notice.kind === 'notification') inbox.reload();
  });
  const refresh = () => {
    setOlder([]);
    setCursor(undefined);
    inbox.reload();
  };
  const markRead = async (ids: string[] | null) => {
    await call(notificationContracts.markRead, { body: ids ? { notificationIds: ids } : {} });
    refresh();
  };
  const loadOlder = async () => {
    const from = cursor === undefined ? inbox.data?.nextCursor : cursor;
    if (!from) return;
    const page = await call(notificationContracts.listInbox, {
      query: { limit: PAGE, before: from, ...(unreadOnly ? { unreadOnly: 'true' as const } : {}) },
    });
    setOlder((previous) => [...previous, ...page.entries]);
    setCursor(page.nextCursor);
  };
  const entries = [...(inbox.data?.entries ?? []), ...older];
  const more = cursor === undefined ? inbox.data?.nextCursor : cursor;
  return (
    <Shell>
      <div className="inbox-page">
        <div className="inbox-page__head">
          <h1>{t('notifications.title')}</h1>
          <Link to={notificationPaths.preferences()}>{t('notifications.settings')}</Link>
        </div>
        <div className="inbox-page__tools">
          <label>
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(e) => setUnreadOnly(e.target.checked)}
            />
            {t('notifications.unreadOnly')}
          </label>
          <button
            type="button"
            className="button"
            disabled={!inbox.data || inbox.data.unreadCount === 0}
            onClick={() => void markRead(null)}
          >
            {t('notifications.markAllRead')}
          </button>
        </div>
        {inbox.data && (
          <InboxList
            entries={entries}
            onOpen={(entry) => {
              if (!entry.read) void markRead([entry.notificationId]);
            }}
            onMarkRead={(entry) => void markRead([entry.notificationId])}
          />
        )}
        {more && (
          <button type="button" className="button button--quiet" onClick={() => void loadOlder()}>
            {t('notifications.more')}
          </button>
        )}
      </div>
    </Shell>
  );
}

function PreferencesScreen() {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<NotificationPreferencesView | undefined>(undefined);
  const loaded = useResource('notifications:preferences', () =>
    call(notificationContracts.getPreferences, {}),
  );
  const view = saved ?? loaded.data;
  const change = async (kind: NotificationKind, channel: EmailChannel) => {
    setSaving(true);
    try {
      setSaved(
        await call(notificationContracts.setPreferences, { body: { email: { [kind]: channel } } }),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Shell>
      <div className="inbox-page">
        <div className="inbox-page__head">
          <h1>{t('notifications.prefs.title')}</h1>
          <Link to={notificationPaths.inbox()}>{t('notifications.prefs.back')}</Link>
        </div>
        {view && (
          <PreferencesForm view={view} saving={saving} onChange={(k, c) => void change(k, c)} />
        )}
        {saved && !saving && (
          <p role="status" className="notify-prefs__saved">
            {t('notifications.prefs.saved')}
          </p>
        )}
      </div>
    </Shell>
  );
}
