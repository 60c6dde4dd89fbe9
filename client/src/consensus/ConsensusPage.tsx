// Who stands where on a document: the consensus per paragraph and per pending amendment as a
// heatmap of delegations, live at "now", and as it stood at any milestone of the timeline.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { Heatmap, HeatmapLegend, type HeatmapRow } from './Heatmap.js';
import { Timeline } from './Timeline.js';

const RECORD_KINDS = new Set(['position', 'amendment', 'paragraph', 'document']);

export function ConsensusPage() {
  const { documentId = '' } = useParams();
  const { t } = useI18n();
  const { negotiation, stakeholders } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const [index, setIndex] = useState<number | null>(null);
  const milestones = useLiveResource(
    `milestones:${documentId}`,
    () => api.milestones(negotiationId, documentId),
    (n) =>
      n.documentId === documentId &&
      (n.kind === 'document' || n.kind === 'paragraph' || n.kind === 'amendment'),
  );
  const points = (milestones.data?.milestones ?? []).filter((m) => m.asOf !== null);
  const asOf = index === null ? undefined : (points[index]?.asOf ?? undefined);
  const consensus = useLiveResource(
    `consensus:${documentId}:${asOf ?? 'now'}`,
    () => api.consensus(documentId, asOf),
    (n) => asOf === undefined && n.documentId === documentId && RECORD_KINDS.has(n.kind),
  );
  const delegations = negotiation.stakeholders.filter((s) => s.kind === 'delegation');

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
          to={`${paths.draft(negotiationId, documentId)}?paragraph=${p.paragraphId}`}
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
        <Link to={paths.draft(negotiationId, documentId)}>{view?.title ?? ''}</Link>
      </p>
      <h1>{t('consensus.title', { symbol: view?.symbol ?? '' })}</h1>
      <p className="muted consensus__rule">{t('consensus.rule')}</p>
      <Timeline milestones={points} index={index} onChange={setIndex} />
      {!view && <Loading />}
      {view && summary && (
        <>
          <p className="consensus__summary" role="status">
            {t('consensus.summary', {
              agreed: summary.byStatus['agreed-ad-ref'],
              contested: summary.byStatus.contested,
              reservations: summary.byStatus['pending-reservations'],
              consensus: summary.byStatus.consensus,
              none: summary.byStatus['no-positions'],
            })}
          </p>
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
    </div>
  );
}
