// The pledges towards each adopted text, as cards: title, who pledged, the latest report's
// standing. Used by the signed-in pledges page and the public page, with their own links.
import type { AdoptedTextView, PledgeView } from '@accord/shared';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { StandingBadge } from './StandingBadge.js';

export function PledgeList({
  texts,
  pledges,
  linkTo,
}: {
  texts: readonly AdoptedTextView[];
  pledges: readonly PledgeView[];
  linkTo: (pledgeId: string) => string;
}) {
  const { t, formatDate } = useI18n();
  if (texts.length === 0) return <p className="muted">{t('pledge.noAdoptedText')}</p>;
  return (
    <>
      {texts.map((text) => {
        const mine = pledges.filter((p) => p.documentId === text.documentId);
        return (
          <section key={text.documentId} className="pledge-text">
            <h2 dir="auto">{text.title}</h2>
            <p className="muted">
              {text.symbol} · {t('pledge.adoptedOn', { date: formatDate(text.adoptedAt) })} ·{' '}
              {t('pledge.count', { count: mine.length })}
            </p>
            {mine.length === 0 && <p className="muted">{t('pledge.none')}</p>}
            <ul className="cards pledge-list">
              {mine.map((p) => {
                const latest = p.reports.at(-1);
                return (
                  <li key={p.pledgeId} className="card pledge-card" data-testid="pledge-card">
                    <Link to={linkTo(p.pledgeId)} className="pledge-card__title" dir="auto">
                      {p.content.title}
                    </Link>
                    <p className="muted">
                      <span dir="auto">{p.pledger.name}</span> ·{' '}
                      {t(`pledge.kind.${p.pledger.kind}`)}
                    </p>
                    <p>
                      {p.withdrawn ? (
                        <span className="badge">{t('pledge.withdrawn')}</span>
                      ) : latest ? (
                        <StandingBadge standing={latest.status} />
                      ) : (
                        <span className="muted">{t('pledge.noReports')}</span>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
