// A pledge as it stood at one point: who pledged, what, with whom and until when, its indicators
// with the latest figure reported, the objectives and paragraphs it serves, and its reports. The
// signed-in detail page and the public page both show it, for the pledge now or at a step.
import type { PledgeView } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';
import { StandingBadge } from './StandingBadge.js';

export function PledgeDetails({ pledge }: { pledge: PledgeView }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { content } = pledge;
  const day = (date: string) => formatDate(`${date}T12:00:00Z`);
  const latestFigure = (ref: string) =>
    pledge.reports
      .findLast((r) => r.figures.some((f) => f.ref === ref))
      ?.figures.find((f) => f.ref === ref)?.value;
  return (
    <article className="pledge-details">
      <p className="muted">
        <span dir="auto">{pledge.pledger.name}</span> · {t(`pledge.kind.${pledge.pledger.kind}`)} ·{' '}
        {t('pledge.registeredOn', { date: formatDateTime(pledge.registeredAt) })}
      </p>
      {pledge.withdrawn && (
        <p className="notice notice--warning" dir="auto">
          {t('pledge.withdrawnOn', {
            date: formatDateTime(pledge.withdrawn.at),
            reason: pledge.withdrawn.reason,
          })}
        </p>
      )}
      <p className="pledge-details__commitments" dir="auto">
        {content.commitments}
      </p>
      <dl className="pledge-details__facts">
        <dt>{t('pledge.timeline')}</dt>
        <dd>
          {t('pledge.fromTo', { from: day(content.timeline.start), to: day(content.timeline.end) })}
        </dd>
        {content.partners.length > 0 && (
          <>
            <dt>{t('pledge.partners')}</dt>
            <dd dir="auto">{content.partners.join(' · ')}</dd>
          </>
        )}
        <dt>{t('pledge.objectives')}</dt>
        <dd>
          <ul className="pledge-details__links">
            {content.objectives.map((o) => (
              <li key={o.objectiveId} dir="auto">
                {o.label}
              </li>
            ))}
            {content.paragraphs.map((p) => (
              <li key={p.paragraphId}>{p.ref}</li>
            ))}
          </ul>
        </dd>
      </dl>
      {content.indicators.length > 0 && (
        <table className="pledge-indicators">
          <caption>{t('pledge.indicators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pledge.indicator.name')}</th>
              <th scope="col">{t('pledge.indicator.baseline')}</th>
              <th scope="col">{t('pledge.indicator.latest')}</th>
              <th scope="col">{t('pledge.indicator.target')}</th>
            </tr>
          </thead>
          <tbody>
            {content.indicators.map((i) => (
              <tr key={i.ref}>
                <th scope="row" dir="auto">
                  {i.name} {i.unit && <span className="muted">({i.unit})</span>}
                </th>
                <td>{i.baseline}</td>
                <td>{latestFigure(i.ref) ?? '—'}</td>
                <td>{i.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('pledge.reports')}</h3>
      {pledge.reports.length === 0 && <p className="muted">{t('pledge.noReports')}</p>}
      <ol className="pledge-reports">
        {[...pledge.reports].reverse().map((r) => (
          <li key={r.reportId} className="pledge-report">
            <StandingBadge standing={r.status} />{' '}
            <span className="muted">
              {t('pledge.fromTo', { from: day(r.period.from), to: day(r.period.to) })}
            </span>
            {r.narrative && (
              <p dir="auto" className="pledge-report__narrative">
                {r.narrative}
              </p>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
