// The consensus dashboard of a document: consensus over time as a chart, the objections that block
// it with their statements, who stands where as a heatmap of delegations, and the coalitions —
// live at "now", and (all but the chart) as they stood at any milestone of the timeline.
import type { ChangeNotice } from '@accord/shared';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { NOW, pastDraftHref, travelPoints } from '../timetravel/points.js';
import { Scrubber } from '../timetravel/Scrubber.js';
import { Loading, LoadError } from '../ui/bits.js';
import { BlockingObjections } from './BlockingObjections.js';
import { Coalitions } from './Coalitions.js';
import { BracketBurndown } from '../brackets/BracketBurndown.js';
import { ConsensusChart } from './ConsensusChart.js';
import { Heatmap, type HeatmapRow } from './Heatmap.js';
import { HeatmapLegend } from './HeatmapLegend.js';
import { dailyPoints, loadSeries } from './series.js';

const RECORD_KINDS = new Set(['position', 'amendment', 'paragraph', 'document']);

export function ConsensusPage() {
  const { documentId = '' } = useParams();
  const { t, timeZone } = useI18n();
  const { negotiation, stakeholders } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const [asOf, setAsOf] = useState(NOW);
  const [inherited, setInherited] = useState(false);
  const live = asOf === NOW;
  const recordChange = (n: ChangeNotice) => n.documentId === documentId && RECORD_KINDS.has(n.kind);
  const milestones = useLiveResource(
    `milestones:${documentId}`,
    () => api.milestones(negotiationId, documentId),
    (n) =>
      n.documentId === documentId &&
      (n.kind === 'document' || n.kind === 'paragraph' || n.kind === 'amendment'),
  );
  const points = useMemo(() => travelPoints(milestones.data?.milestones ?? []), [milestones.data]);
  const consensus = useLiveResource(
    `consensus:${documentId}:${asOf}`,
    () => api.consensus(documentId, live ? undefined : asOf),
    (n) => live && recordChange(n),
  );
  const coalitions = useLiveResource(
    `coalitions:${documentId}:${asOf}:${inherited}`,
    () =>
      api.coalitions(documentId, {
        ...(live ? {} : { asOf }),
        includeInherited: inherited,
      }),
    (n) => live && n.documentId === documentId && n.kind === 'position',
  );
  // Consensus per day, from the record: the last position of each day the document moved.
  const series = useLiveResource(
    `consensus-series:${documentId}:${timeZone}`,
    async () => {
      const [activity, marks] = await Promise.all([
        api.activity(negotiationId, { limit: 500 }),
        api.milestones(negotiationId, documentId),
      ]);
      return loadSeries(dailyPoints(activity, documentId, marks.milestones, timeZone), (at) =>
        api.consensus(documentId, at),
      );
    },
    recordChange,
  );
  const delegations = negotiation.stakeholders.filter((s) => s.kind === 'delegation');
  const draftPath = paths.draft(negotiationId, documentId);
  const travelTo = live
    ? (points.findLast((p) => p.milestone?.kind === 'revision-issued')?.asOf ?? NOW)
    : asOf;

  if (consensus.error && !consensus.data)
    return <LoadError error={consensus.error} retry={consensus.reload} />;
  const view = consensus.data;
  const paragraphRows: HeatmapRow[] = (view?.paragraphs ?? [])
    .filter((p) => p.label !== null)
    .map((p) => ({
      key: p.paragraphId,
      consensus: p,
      header: (
        <Link
          to={`${draftPath}?paragraph=${p.paragraphId}`}
          title={t('consensus.openParagraph', { label: p.label ?? '' })}
        >
          {p.label}
        </Link>
      ),
    }));
  const amendmentRows: HeatmapRow[] = (view?.amendments ?? []).map((a) => ({
    key: a.amendmentId,
    consensus: a,
    header: (
      <span title={a.proposedText || a.originalText}>
        {t('consensus.amendmentRow', {
          code: stakeholders.get(a.sponsorStakeholderId)?.shortCode ?? '?',
          kind: t(`amendmentKind.${a.kind}`).toLowerCase(),
          label: a.paragraphLabel ?? '',
        })}
      </span>
    ),
  }));
  const summary = view?.summary;
  return (
    <div className="consensus">
      <p className="document-card__symbol">
        <Link to={draftPath}>{view?.title ?? ''}</Link> ·{' '}
        <Link to={pastDraftHref(draftPath, travelTo)}>{t('dashboard.timeTravel')}</Link>
      </p>
      <h1>{t('consensus.title', { symbol: view?.symbol ?? '' })}</h1>
      <p className="muted consensus__rule">{t('consensus.ruleStated')}</p>

      <section aria-labelledby="consensus-over-time" className="dashboard__section">
        <h2 id="consensus-over-time">{t('dashboard.overTime')}</h2>
        <p className="muted">{t('dashboard.overTimeExplain')}</p>
        {series.error && !series.data ? (
          <LoadError error={series.error} retry={series.reload} />
        ) : series.data ? (
          <ConsensusChart series={series.data} />
        ) : (
          <Loading />
        )}
      </section>

      <section aria-labelledby="bracket-burndown" className="dashboard__section">
        <h2 id="bracket-burndown">{t('burndown.title')}</h2>
        <BracketBurndown documentId={documentId} />
      </section>

      {points.length > 0 && <Scrubber points={points} asOf={asOf} onChange={setAsOf} />}
      {!view && <Loading />}
      {view && summary && (
        <>
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
          <section aria-labelledby="blocking-objections" className="dashboard__section">
            <h2 id="blocking-objections">{t('dashboard.objections')}</h2>
            <BlockingObjections view={view} />
          </section>
          <HeatmapLegend />
          <section aria-labelledby="heatmap-paragraphs">
            <h2 id="heatmap-paragraphs">{t('consensus.paragraphs')}</h2>
            <Heatmap
              caption={t('consensus.paragraphs')}
              firstColumn={t('consensus.paragraph')}
              rows={paragraphRows}
              delegations={delegations}
            />
          </section>
          <section aria-labelledby="heatmap-amendments">
            <h2 id="heatmap-amendments">{t('consensus.amendments')}</h2>
            {amendmentRows.length === 0 ? (
              <p className="muted">{t('consensus.noAmendments')}</p>
            ) : (
              <Heatmap
                caption={t('consensus.amendments')}
                firstColumn={t('consensus.amendment')}
                rows={amendmentRows}
                delegations={delegations}
              />
            )}
          </section>
        </>
      )}
      <section aria-labelledby="coalitions" className="dashboard__section">
        <h2 id="coalitions">{t('dashboard.coalitions')}</h2>
        <p className="muted">{t('dashboard.coalitionsExplain')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={inherited}
            onChange={(e) => setInherited(e.target.checked)}
          />
          {t('dashboard.includeInherited')}
        </label>
        {coalitions.error && !coalitions.data ? (
          <LoadError error={coalitions.error} retry={coalitions.reload} />
        ) : coalitions.data ? (
          <Coalitions view={coalitions.data} />
        ) : (
          <Loading />
        )}
      </section>
    </div>
  );
}
