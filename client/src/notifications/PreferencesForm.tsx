// E-mail preferences: per kind of notification, at once, in the daily digest, or not at all.
// When the server sends no e-mail it says so, and the choices are kept for when it does.
import {
  emailChannels,
  notificationKinds,
  type EmailChannel,
  type NotificationKind,
  type NotificationPreferencesView,
} from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

export interface PreferencesFormProps {
  view: NotificationPreferencesView;
  saving: boolean;
  onChange: (kind: NotificationKind, channel: EmailChannel) => void;
}

export function PreferencesForm({ view, saving, onChange }: PreferencesFormProps) {
  const { t } = useI18n();
  const channelLabel = (channel: EmailChannel) =>
    channel === 'immediate'
      ? t('notifications.prefs.immediate')
      : channel === 'digest'
        ? t('notifications.prefs.digest')
        : t('notifications.prefs.off');
  return (
    <div className="notify-prefs">
      <p>{t('notifications.prefs.intro')}</p>
      {!view.emailStatus.configured && (
        <p className="notify-prefs__off" role="status">
          {t('notifications.prefs.emailOff')}
        </p>
      )}
      {notificationKinds.map((kind) => (
        <fieldset key={kind} className="notify-prefs__kind" disabled={saving}>
          <legend>{t(`notifications.prefs.kind.${kind}`)}</legend>
          {emailChannels.map((channel) => (
            <label key={channel} className="notify-prefs__choice">
              <input
                type="radio"
                name={`notify-${kind}`}
                value={channel}
                checked={view.email[kind] === channel}
                onChange={() => onChange(kind, channel)}
              />
              {channelLabel(channel)}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
