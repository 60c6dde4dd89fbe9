// The language menu of the header: the interface in any UN language that has a catalogue, each
// named in its own script. The choice is kept on the account (PUT /api/me/language) and comes
// back with the session, so every device the person signs in from follows it.
import { useEffect, useId } from 'react';
import { api } from '../api/endpoints.js';
import { useSession } from '../session/session.js';
import { useToasts } from '../ui/toasts.js';
import { useI18n, useLanguageChoice } from './i18n.js';
import './language-menu.css';
import { availableLanguages, isUiLanguage, nativeLanguageNames, unLanguages } from './locales.js';

export function LanguageMenu() {
  const { t } = useI18n();
  const { language, loading, choose } = useLanguageChoice();
  const { state, signedIn } = useSession();
  const toasts = useToasts();
  const id = useId();
  const info = state.status === 'signed-in' ? state.info : undefined;
  const saved = info?.user.language;

  // The account's choice wins over the browser's, on this device as on any other.
  useEffect(() => {
    if (saved) choose(saved);
  }, [saved, choose]);

  const onChange = (value: string) => {
    if (!isUiLanguage(value)) return;
    choose(value);
    if (!info) return;
    api.chooseLanguage(value).then(
      () => signedIn({ ...info, user: { ...info.user, language: value } }),
      () => toasts.show(t('language.saveFailed'), { tone: 'error' }),
    );
  };

  const offered = unLanguages.filter((l) => availableLanguages.includes(l));
  return (
    <div className="language-menu">
      <label htmlFor={id} className="language-menu__label">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={language}
        aria-busy={loading}
        onChange={(event) => onChange(event.target.value)}
      >
        {offered.map((l) => (
          // Each name in its own language and direction, whatever the page's.
          <option key={l} value={l} lang={l} dir="auto">
            {nativeLanguageNames[l]}
          </option>
        ))}
      </select>
      {loading && (
        <span role="status" className="language-menu__loading">
          {t('language.loading')}
        </span>
      )}
    </div>
  );
}
