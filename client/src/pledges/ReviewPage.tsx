// The review of an adopted text's pledges, per objective, as of a chosen day: every objective
// with its counts (on track, at risk, off track, achieved, silent — no report within the review
// window), and for the chosen objective its pledges with their latest reports and the trend over
// the year before. The review forum's background paper downloads from here. The same view serves
// the public review page (no account), which reads the public endpoints and offers no paper.
import { REVIEW_WINDOW_DAYS_DEFAULT, standings, type PledgeReview } from '@accord/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { AdoptedTextSelect } from './AdoptedTextSelect.js';
import { pledgeApi, reviewPaperUrl, type ReviewQuery } from './pledge-api.js';
import { StandingBadge } from './StandingBadge.js';
import { TrendChart } from './TrendChart.js';
import './pledges.css';

const today = () => new Date().toISOString().slice(0, 10);

function ObjectiveDetail({
  objective,
  pledgeLink,
}: {
  objective: NonNullable<PledgeReview['objective']>;
  pledgeLink: (pledgeId: string) => string;
}) {
  const { t, formatDate } = useI18n();
  const day = (date: string) => formatDate(`${date}T12:00:00Z`);
  return (
    <section className="card pledge-review__objective" aria-labelledby="objective-title">
      <h2 id="objective-title" dir="auto">
        {objective.label}
      </h2>
      <TrendChart trend={objective.trend} />
      {objective.rows.length === 0 && <p className="muted">{t('pledge.review.noPledges')}</p>}
      <ul className="pledge-review__rows">
        {objective.rows.map((row) => (
          <li key={row.pledgeId} data-testid="review-row">
            <StandingBadge standing={row.standing} />{' '}
            <Link to={pledgeLink(row.pledgeId)} dir="auto">
              {row.title}
            </Link>{' '}
            <span className="muted" dir="auto">
              {row.pledgerName}
            </span>
            {row.latestReport && (
              <p className="muted" dir="auto">
                {t('pledge.fromTo', {
                  from: day(row.latestReport.period.from),
                  to: day(row.latestReport.period.to),
                })}
                {row.latestReport.narrative && ` — ${row.latestReport.narrative}`}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReviewPage() {
  const { negotiation } = useNegotiation();
  return <ReviewView negotiationId={negotiation.negotiationId} visitor={false} />;
}

/** `visitor`: someone without an account, on the public pages (public endpoints, no paper). */
export function ReviewView({
  negotiationId,
  visitor,
}: {
  negotiationId: string;
  visitor: boolean;
}) {
  const { t } = useI18n();
  const list = useResource(`${visitor ? 'public-' : ''}pledges:${negotiationId}`, () =>
    visitor ? pledgeApi.publicList(negotiationId) : pledgeApi.list(negotiationId),
  );
  const pledgeLink = (pledgeId: string) =>
    visitor ? paths.publicPledge(pledgeId) : paths.pledge(negotiationId, pledgeId);
  const texts = list.data?.adoptedTexts ?? [];
  const [chosenText, setChosenText] = useState('');
  const [asOf, setAsOf] = useState(today());
  const [windowDays, setWindowDays] = useState(REVIEW_WINDOW_DAYS_DEFAULT);
  const [objectiveId, setObjectiveId] = useState<string | undefined>(undefined);
  const documentId = chosenText || texts[0]?.documentId || '';
  const query: ReviewQuery = { documentId, objectiveId, asOf, windowDays };
  const review = useResource(`pledge-review:${visitor}:${JSON.stringify(query)}`, () =>
    documentId && asOf
      ? (visitor ? pledgeApi.publicReview : pledgeApi.review)(negotiationId, query)
      : Promise.resolve(null),
  );
  const objective = review.data?.objective ?? null;
  return (
    <div className="pledges pledge-review">
      <p>
        <Link to={visitor ? paths.publicPledges(negotiationId) : paths.pledges(negotiationId)}>
          {visitor ? t('pledge.public.all') : t('pledge.back')}
        </Link>
      </p>
      <h1>{t('pledge.review.title')}</h1>
      <p className="muted">{t('pledge.review.intro', { days: windowDays })}</p>
      {list.error !== undefined && !list.data && (
        <LoadError error={list.error} retry={list.reload} />
      )}
      {list.data && texts.length === 0 && <p className="muted">{t('pledge.noAdoptedText')}</p>}
      {texts.length > 0 && (
        <div className="pledge-form__row">
          <AdoptedTextSelect
            texts={texts}
            value={documentId}
            onChange={(value) => {
              setChosenText(value);
              setObjectiveId(undefined);
            }}
          />
          <label className="field">
            <span className="field__label">{t('pledge.review.asOf')}</span>
            <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">{t('pledge.review.window')}</span>
            <input
              type="number"
              min={1}
              max={3650}
              value={windowDays}
              onChange={(e) =>
                setWindowDays(Math.min(3650, Math.max(1, Number(e.target.value) || 1)))
              }
            />
          </label>
        </div>
      )}
      {review.error !== undefined && <LoadError error={review.error} retry={review.reload} />}
      {!review.data && review.error === undefined && documentId && <Loading />}
      {review.data && (
        <>
          {!visitor && (
            <p className="pledge-links">
              {t('pledge.review.paper')}{' '}
              {(['html', 'pdf', 'docx'] as const).map((format) => (
                <a
                  key={format}
                  className="button"
                  href={reviewPaperUrl(negotiationId, query, format)}
                >
                  {format.toUpperCase()}
                </a>
              ))}
            </p>
          )}
          <table className="pledge-review__table">
            <thead>
              <tr>
                <th scope="col">{t('pledge.objectives')}</th>
                {standings.map((s) => (
                  <th key={s} scope="col">
                    {t(`pledge.standing.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {review.data.objectives.map((o) => (
                <tr
                  key={o.objectiveId}
                  className={o.objectiveId === objectiveId ? 'pledge-review__current' : undefined}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="pledge-review__pick"
                      aria-pressed={o.objectiveId === objectiveId}
                      onClick={() => setObjectiveId(o.objectiveId)}
                      dir="auto"
                    >
                      {o.label}
                    </button>
                  </th>
                  {standings.map((s) => (
                    <td
                      key={s}
                      className={o.counts[s] > 0 ? `pledge-review__count--${s}` : 'muted'}
                    >
                      {o.counts[s]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {objective ? (
            <ObjectiveDetail objective={objective} pledgeLink={pledgeLink} />
          ) : (
            <p className="muted">{t('pledge.review.choose')}</p>
          )}
        </>
      )}
    </div>
  );
}
