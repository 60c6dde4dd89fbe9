// The people in this document right now, each with their delegation's code and colour (the same
// colour as their caret in the text).
import { useNegotiation } from '../../app/negotiation-context.js';
import { useI18n } from '../../i18n/i18n.js';
import { SkipOnError } from '../SkipOnError.js';
import { SkippedItems } from '../skippedItems.js';
import { chairTitleKey } from '../../ui/chairTitle.js';
import type { DocumentPresence } from './usePresence.js';

// For a list shown without a page that counts what it skipped.
const uncounted = new SkippedItems();

export function PresenceList({
  people,
  skipped = uncounted,
}: {
  people: readonly DocumentPresence[];
  /** Where a person who cannot be shown is counted. */
  skipped?: SkippedItems;
}) {
  const { t } = useI18n();
  const { stakeholders, negotiation } = useNegotiation();
  const chairs = negotiation.chairs.length;
  return (
    <section className="presence" aria-label={t('presence.inDocument')}>
      <h2 className="presence__title">{t('presence.inDocument')}</h2>
      <ul className="presence__list">
        {people.map((p) => (
          <SkipOnError key={p.clientId} skipped={skipped} itemKey={`person:${p.clientId}`}>
            <Person
              person={p}
              code={stakeholders.get(p.stakeholderId)?.shortCode ?? ''}
              chairs={chairs}
            />
          </SkipOnError>
        ))}
      </ul>
      {people.filter((p) => !p.self).length === 0 && (
        <p className="muted">{t('presence.nobodyElse')}</p>
      )}
    </section>
  );
}

function Person({
  person: p,
  code: delegationCode,
  chairs,
}: {
  person: DocumentPresence;
  code: string;
  chairs: number;
}) {
  const { t } = useI18n();
  // A chair shows as Chair (Co-facilitator), not as their delegation.
  const title = chairTitleKey(p.chair, chairs);
  const code = title ? t(title) : delegationCode;
  return (
    <li className="presence__person" title={p.stakeholderName}>
      <span className="presence__swatch" style={{ backgroundColor: p.color }} aria-hidden="true">
        {code}
      </span>
      <span className="presence__name" dir="auto">
        {t('presence.person', { name: p.name, code })}
        {p.self && ` (${t('common.you')})`}
      </span>
    </li>
  );
}
