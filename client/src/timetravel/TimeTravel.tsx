// The draft in the past: the text as it stood at a milestone or any moment (read-only, marked as
// a past state, with the way back to the live draft), with the paragraphs' status, positions and
// consensus as they were then; or two points compared as an attributed redline. The point lives
// in the address (?asOf=… or ?from=…&to=…), so it can be shared and the back button works.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/endpoints.js';
import type { FrameView, Position } from '../api/types.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { stanceBarProperties } from '../draft/positions/stanceBar.js';
import { PositionGroups } from '../draft/positions/PositionGroups.js';
import { tallyByTarget } from '../draft/positions/tally.js';
import { consensusStatusWords } from '../consensus/words.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError, Notice, StakeholderChip } from '../ui/bits.js';
import {
  compareHref,
  describePoint,
  NOW,
  pastDraftHref,
  pointIndex,
  travelPoints,
  type TravelPoint,
  type TravelView,
} from './points.js';
import { Redline } from './Redline.js';
import { Scrubber } from './Scrubber.js';

// In points.ts, so the live draft can tell without loading this view.
export { travelViewOf, type TravelView } from './points.js';

export function TimeTravel({ documentId, view }: { documentId: string; view: TravelView }) {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const draftPath = paths.draft(negotiationId, documentId);
  const milestones = useLiveResource(
    `milestones:${documentId}`,
    () => api.milestones(negotiationId, documentId),
    (n) => n.documentId === documentId && (n.kind === 'document' || n.kind === 'paragraph'),
  );
  const points = useMemo(() => travelPoints(milestones.data?.milestones ?? []), [milestones.data]);
  const symbol = milestones.data?.milestones[0]?.documentSymbol ?? null;
  const describeAsOf = (asOf: string) => {
    if (asOf.startsWith('time:')) return formatDateTime(asOf.slice('time:'.length));
    const point = points[pointIndex(points, asOf)];
    return point && (point.asOf === asOf || asOf.startsWith('revision:'))
      ? describePoint(t, formatDateTime, point)
      : asOf;
  };

  return (
    <div className="draft timetravel">
      <header className="draft__header">
        <div className="draft__heading">
          <p className="document-card__symbol">
            <Link to={paths.negotiation(negotiationId)}>{t('draft.backToOverview')}</Link> ·{' '}
            {symbol && <>{symbol} · </>}
            <Link to={paths.consensus(negotiationId, documentId)}>{t('consensus.link')}</Link>
          </p>
          <h1 className="draft__title">
            {view.kind === 'as-of' ? t('timetravel.title') : t('timetravel.compareTitle')}
          </h1>
        </div>
      </header>
      <div className="notice notice--warning timetravel__banner" role="note">
        <p>
          <strong>
            {view.kind === 'as-of' ? t('timetravel.pastState') : t('timetravel.comparing')}
          </strong>{' '}
          {view.kind === 'as-of'
            ? t('timetravel.pastExplain', { when: describeAsOf(view.asOf) })
            : t('timetravel.compareExplain', {
                from: describeAsOf(view.from),
                to: describeAsOf(view.to),
              })}
        </p>
        <Link className="button button--primary" to={draftPath}>
          {t('timetravel.backToLive')}
        </Link>
      </div>
      {milestones.error && !milestones.data ? (
        <LoadError error={milestones.error} retry={milestones.reload} />
      ) : null}
      <div className="timetravel__controls">
        {view.kind === 'as-of' && points.length > 0 && (
          <Scrubber
            points={points}
            asOf={view.asOf}
            onChange={(asOf) => void navigate(pastDraftHref(draftPath, asOf))}
          />
        )}
        <CompareForm
          key={view.kind === 'compare' ? `${view.from}|${view.to}` : view.asOf}
          points={points}
          initialFrom={view.kind === 'compare' ? view.from : view.asOf}
          initialTo={view.kind === 'compare' ? view.to : NOW}
          onCompare={(from, to) => void navigate(compareHref(draftPath, from, to))}
        />
        {view.kind === 'compare' && (
          <p>
            <Link to={pastDraftHref(draftPath, view.from)}>
              {t('timetravel.showTextAt', { when: describeAsOf(view.from) })}
            </Link>
          </p>
        )}
      </div>
      {view.kind === 'as-of' ? (
        <PastText key={view.asOf} documentId={documentId} asOf={view.asOf} />
      ) : (
        <Comparison
          key={`${view.from}|${view.to}`}
          documentId={documentId}
          from={view.from}
          to={view.to}
        />
      )}
    </div>
  );
}

function CompareForm({
  points,
  initialFrom,
  initialTo,
  onCompare,
}: {
  points: readonly TravelPoint[];
  initialFrom: string;
  initialTo: string;
  onCompare: (from: string, to: string) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  // A moment or revision typed into the address is offered as well, under its own name.
  const options = useMemo(() => {
    const list = points.map((p) => ({ value: p.asOf, label: describePoint(t, formatDateTime, p) }));
    for (const extra of [initialFrom, initialTo]) {
      if (!list.some((o) => o.value === extra)) {
        list.push({
          value: extra,
          label: extra.startsWith('time:') ? formatDateTime(extra.slice(5)) : extra,
        });
      }
    }
    return list;
  }, [points, initialFrom, initialTo, t, formatDateTime]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCompare(from, to);
  };
  return (
    <form className="timetravel__compare" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <strong id={`${id}-title`}>{t('timetravel.compareLabel')}</strong>
      <label className="field__label" htmlFor={`${id}-from`}>
        {t('timetravel.from')}
      </label>
      <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <label className="field__label" htmlFor={`${id}-to`}>
        {t('timetravel.to')}
      </label>
      <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        {t('timetravel.compare')}
      </button>
    </form>
  );
}

function Comparison({ documentId, from, to }: { documentId: string; from: string; to: string }) {
  const comparison = useResource(`compare:${documentId}:${from}:${to}`, () =>
    api.compare(documentId, from, to),
  );
  if (comparison.error) return <LoadError error={comparison.error} retry={comparison.reload} />;
  if (!comparison.data) return <Loading />;
  return (
    <div className="draft__page timetravel__page timetravel__page--redline">
      <Redline comparison={comparison.data} />
    </div>
  );
}

function PastText({ documentId, asOf }: { documentId: string; asOf: string }) {
  const { t } = useI18n();
  // The past does not change; "now" follows the record as it moves.
  const frame = useLiveResource(
    `frame:${documentId}:${asOf}`,
    () => api.frame(documentId, asOf),
    (n) => asOf === NOW && n.documentId === documentId,
  );
  if (frame.error) return <LoadError error={frame.error} retry={frame.reload} />;
  if (!frame.data) return <Loading />;
  if (frame.data.paragraphs.length === 0)
    return <Notice tone="info">{t('timetravel.noText')}</Notice>;
  return <PastFrame frame={frame.data} />;
}

function PastFrame({ frame }: { frame: FrameView }) {
  const { t, formatDateTime } = useI18n();
  const { stakeholders } = useNegotiation();
  const [chosen, setChosen] = useState<string | null>(
    () => frame.paragraphs.find((p) => p.label !== null)?.id ?? null,
  );
  // The record's positions, with the stakeholders as the negotiation knows them.
  const positions = useMemo<Position[]>(
    () =>
      frame.positions.map((p) => {
        const s = stakeholders.get(p.stakeholderId);
        return {
          ...p,
          documentId: frame.documentId,
          stakeholder: {
            stakeholderId: p.stakeholderId,
            name: s?.name ?? null,
            shortCode: s?.shortCode ?? null,
            kind: s?.kind ?? null,
          },
        };
      }),
    [frame, stakeholders],
  );
  const stances = useMemo(
    () => tallyByTarget(positions.filter((p) => p.target.kind === 'paragraph')),
    [positions],
  );
  const consensusOf = useMemo(
    () => new Map(frame.consensus.paragraphs.map((c) => [c.paragraphId, c])),
    [frame.consensus.paragraphs],
  );
  const paragraph = frame.paragraphs.find((p) => p.id === chosen);
  const consensus = chosen ? consensusOf.get(chosen) : undefined;
  const amendments = frame.amendments.filter((a) => a.paragraphId === chosen);
  const { summary } = frame.consensus;
  return (
    <>
      <p className="draft__meta">
        {frame.asOf.revisionInForce
          ? t('draft.revision', { label: frame.asOf.revisionInForce })
          : t('draft.noRevision')}{' '}
        · {t(`mode.${frame.document.mode}`)}
        {frame.asOf.recordOccurredAt && (
          <span className="muted">
            {' '}
            · {t('timetravel.lastRecorded', { date: formatDateTime(frame.asOf.recordOccurredAt) })}
          </span>
        )}
      </p>
      <p className="consensus__summary" role="status">
        {t('consensus.summaryStated', {
          agreed: summary.byStatus['agreed-ad-ref'],
          contested: summary.byStatus.contested,
          reservations: summary.byStatus['pending-reservations'],
          consensus: summary.byStatus.consensus,
          soFar: summary.byStatus['no-objection-so-far'],
          none: summary.byStatus['no-positions'],
        })}
      </p>
      <div className="draft__body">
        <div className="draft__page timetravel__page">
          <div
            className="draft-text past-text"
            aria-label={t('timetravel.textLabel', { title: frame.document.title })}
            role="document"
          >
            {frame.paragraphs.map((p) => {
              const bar = stanceBarProperties(stances.get(p.id));
              const classes = ['para', `para--${p.chairStatus}`];
              if (bar) classes.push('para--has-stances');
              if (p.id === chosen) classes.push('para--current');
              return (
                // Pointer users pick a paragraph by clicking it; keyboard users by the list beside.
                <p
                  key={p.id}
                  className={classes.join(' ')}
                  data-label={p.label ?? ''}
                  data-kind={p.kind}
                  data-paragraph-id={p.id}
                  style={bar}
                  onClick={() => setChosen(p.id)}
                >
                  {p.text}
                </p>
              );
            })}
          </div>
        </div>
        <aside className="draft__side" aria-label={t('panel.label')}>
          <section className="panel">
            <label className="inline-field">
              <span>{t('draft.goToParagraph')}</span>
              <select value={chosen ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {frame.paragraphs
                  .filter((p) => p.label !== null)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
              </select>
            </label>
            {paragraph && (
              <>
                <h2 className="panel__title">
                  {t('timetravel.paragraphThen', { label: paragraph.label ?? '' })}
                </h2>
                {consensus && (
                  <p>
                    <span className={`badge badge--consensus-${consensus.status}`}>
                      {consensusStatusWords(t, consensus)}
                    </span>{' '}
                    <span className="muted">
                      {t('consensus.breadthValue', {
                        supporting: consensus.breadth.supporting,
                        of: consensus.breadth.of,
                      })}
                    </span>
                  </p>
                )}
                <h3>{t('timetravel.positionsThen')}</h3>
                <PositionGroups
                  positions={positions.filter(
                    (p) => p.target.kind === 'paragraph' && p.target.id === paragraph.id,
                  )}
                />
                <h3>{t('timetravel.amendmentsThen')}</h3>
                {amendments.length === 0 ? (
                  <p className="muted">{t('timetravel.noAmendmentsThen')}</p>
                ) : (
                  <ul className="timetravel__amendments">
                    {amendments.map((a) => {
                      const sponsor = stakeholders.get(a.sponsorStakeholderId);
                      return (
                        <li key={a.amendmentId}>
                          <StakeholderChip
                            stakeholder={{
                              name: sponsor?.name ?? null,
                              shortCode: sponsor?.shortCode ?? null,
                            }}
                          />{' '}
                          {t(`amendmentKind.${a.proposal.kind}`)}{' '}
                          <span className={`badge badge--amendment-${a.status}`}>
                            {t(`amendmentStatus.${a.status}`)}
                          </span>
                          {a.proposal.proposedText && (
                            <q className="timetravel__proposed">{a.proposal.proposedText}</q>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
