// A recommendation's fate, drawn: the five stages of uptake as a line of stations (reached ones
// filled), then each step from the record in order with its date. The stages are an SVG so the
// picture reads at a glance; the steps below say the same in words for screen readers.
import type { StakeholderRefView } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';
import type { Recommendation, TimelineEntry } from './recommendation-api.js';

const STAGES = ['submitted', 'takenUp', 'accepted', 'inRevision', 'inFinalText'] as const;
type Stage = (typeof STAGES)[number];

function reachedStages(recommendation: Recommendation): Set<Stage> {
  const kinds = new Set(recommendation.timeline.map((e) => e.kind));
  const reached = new Set<Stage>(['submitted']);
  if (kinds.has('taken-up')) reached.add('takenUp');
  if (recommendation.fate === 'accepted' || recommendation.fate === 'in-final-text') {
    reached.add('accepted');
  }
  if (kinds.has('in-revision')) reached.add('inRevision');
  if (recommendation.fate === 'in-final-text') reached.add('inFinalText');
  return reached;
}

const WIDTH = 600;
const STEP = WIDTH / STAGES.length;

export function UptakeTimeline({
  recommendation,
  names,
}: {
  recommendation: Recommendation;
  names: ReadonlyMap<string, StakeholderRefView>;
}) {
  const { t, formatDateTime } = useI18n();
  const reached = reachedStages(recommendation);
  const stopped = recommendation.fate === 'not-accepted' || recommendation.fate === 'withdrawn';
  const nameOf = (id: string | undefined) => (id ? (names.get(id)?.name ?? id) : '');
  const amendmentSponsor = (amendmentId: string | undefined) =>
    nameOf(
      recommendation.uptake.find((u) => u.amendmentId === amendmentId)?.delegation.stakeholderId,
    );
  const words = (entry: TimelineEntry): string => {
    switch (entry.kind) {
      case 'submitted':
      case 'endorsed':
      case 'endorsement-withdrawn':
        return t(`recommendation.step.${entry.kind}`, { name: nameOf(entry.stakeholderId) });
      case 'taken-up':
        return t('recommendation.step.taken-up', { name: nameOf(entry.delegationId) });
      case 'amendment-accepted':
      case 'amendment-rejected':
      case 'amendment-merged':
      case 'amendment-withdrawn':
      case 'amendment-restored':
        return t(`recommendation.step.${entry.kind}`, {
          name: amendmentSponsor(entry.amendmentId),
        });
      case 'in-revision':
        return t('recommendation.step.in-revision', { label: entry.label ?? '' });
      case 'in-final-text':
        return t('recommendation.step.in-final-text', {
          ref: entry.ref ?? '',
          revision: entry.revisionLabel ?? '',
        });
      case 'not-in-final-text':
        return t('recommendation.step.not-in-final-text', { revision: entry.revisionLabel ?? '' });
      case 'withdrawn':
        return t('recommendation.step.withdrawn');
    }
  };
  return (
    <section className="uptake" aria-labelledby="uptake-heading" data-testid="uptake-timeline">
      <h2 id="uptake-heading">{t('recommendation.timeline')}</h2>
      <svg
        className="uptake__stages"
        viewBox={`0 0 ${WIDTH} 64`}
        role="img"
        aria-label={t(`recommendation.fate.${recommendation.fate}`)}
      >
        <line x1={STEP / 2} x2={WIDTH - STEP / 2} y1={20} y2={20} className="uptake__rail" />
        {STAGES.map((stage, i) => {
          const x = STEP / 2 + i * STEP;
          const on = reached.has(stage);
          const next = STAGES[i + 1];
          return (
            <g key={stage}>
              {next && on && reached.has(next) && (
                <line x1={x} x2={x + STEP} y1={20} y2={20} className="uptake__rail--on" />
              )}
              <circle
                cx={x}
                cy={20}
                r={on ? 9 : 7}
                className={
                  on ? 'uptake__stop--on' : stopped ? 'uptake__stop--stopped' : 'uptake__stop'
                }
              />
              <text x={x} y={52} textAnchor="middle" className="uptake__label">
                {t(`recommendation.stage.${stage}`)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className={`fate fate--${recommendation.fate}`}>
        {t(`recommendation.fate.${recommendation.fate}`)}
      </p>
      {recommendation.finalText && (
        <figure className="uptake__final">
          <figcaption>
            {t('recommendation.finalText', {
              ref: recommendation.finalText.ref,
              revision: recommendation.finalText.revisionLabel,
            })}
          </figcaption>
          <blockquote dir="auto">{recommendation.finalText.words}</blockquote>
        </figure>
      )}
      <ol className="uptake__steps">
        {recommendation.timeline.map((entry, i) => (
          <li key={i} className={`uptake__step uptake__step--${entry.kind}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
            <span dir="auto">{words(entry)}</span>
          </li>
        ))}
        {recommendation.uptake.length === 0 && (
          <li className="uptake__step uptake__step--none">{t('recommendation.step.notYet')}</li>
        )}
      </ol>
    </section>
  );
}
