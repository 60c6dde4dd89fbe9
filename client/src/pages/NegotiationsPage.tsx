// Choosing a negotiation: each one the user takes part in, with the stakeholder and role they
// act as there.
import { Link } from 'react-router';
import { paths } from '../app/paths.js';
import { Shell } from '../app/Shell.js';
import { useI18n } from '../i18n/i18n.js';
import { useSignedIn } from '../session/session.js';

export function NegotiationsPage() {
  const { t, formatDate } = useI18n();
  const { negotiations } = useSignedIn();
  return (
    <Shell>
      <h1>{t('negotiations.title')}</h1>
      {negotiations.length === 0 && <p>{t('negotiations.none')}</p>}
      <ul className="cards">
        {negotiations.map((n) => (
          <li key={n.negotiationId} className="card">
            <h2 className="card__title">
              <Link to={paths.negotiation(n.negotiationId)} dir="auto">
                {n.title}
              </Link>
            </h2>
            <p>
              {t('negotiations.as', {
                role: t(`role.${n.role}`),
                stakeholder: n.stakeholder.name ?? '',
              })}
            </p>
            <p className="muted">{t('negotiations.openedOn', { date: formatDate(n.openedAt) })}</p>
            <p className="card__description">{n.description}</p>
          </li>
        ))}
      </ul>
    </Shell>
  );
}
