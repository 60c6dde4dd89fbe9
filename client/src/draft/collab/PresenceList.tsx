// The people in this document right now, each with their delegation's code and colour (the same
// colour as their caret in the text).
import { useNegotiation } from '../../app/negotiation-context.js';
import { useI18n } from '../../i18n/i18n.js';
import type { DocumentPresence } from './usePresence.js';

export function PresenceList({ people }: { people: readonly DocumentPresence[] }) {
  const { t } = useI18n();
  const { stakeholders } = useNegotiation();
  return (
    <section className="presence" aria-label={t('presence.inDocument')}>
      <h2 className="presence__title">{t('presence.inDocument')}</h2>
      <ul className="presence__list">
        {people.map((p) => {
          const code = stakeholders.get(p.stakeholderId)?.shortCode ?? '';
          return (
            <li key={p.clientId} className="presence__person" title={p.stakeholderName}>
              <span
                className="presence__swatch"
                style={{ backgroundColor: p.color }}
                aria-hidden="true"
              >
                {code}
              </span>
              <span className="presence__name">
                {t('presence.person', { name: p.name, code })}
                {p.self && ` (${t('common.you')})`}
              </span>
            </li>
          );
        })}
      </ul>
      {people.filter((p) => !p.self).length === 0 && (
        <p className="muted">{t('presence.nobodyElse')}</p>
      )}
    </section>
  );
}
