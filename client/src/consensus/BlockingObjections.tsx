// The objections that stand in the way of consensus, paragraph by paragraph and amendment by
// amendment, each with the objecting delegation's own words: what a chair reads before deciding
// where to spend the room's time.
import type { DelegationStanding } from '@accord/shared';
import { Link } from 'react-router';
import type { ConsensusView } from '../api/types.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';

interface Blocked {
  key: string;
  paragraphId: string;
  label: string;
  objectors: DelegationStanding[];
}

/** Paragraphs and pending amendments with at least one objecting delegation, in text order. */
export function blockedTargets(
  view: Pick<ConsensusView, 'paragraphs' | 'amendments'>,
  describeAmendment: (a: ConsensusView['amendments'][number]) => string,
): Blocked[] {
  const paragraphs = view.paragraphs
    .filter((p) => p.objectors.length > 0)
    .map((p) => ({
      key: p.paragraphId,
      paragraphId: p.paragraphId,
      label: p.label ?? '',
      objectors: p.objectors,
    }));
  const amendments = view.amendments
    .filter((a) => a.objectors.length > 0)
    .map((a) => ({
      key: a.amendmentId,
      paragraphId: a.paragraphId,
      label: describeAmendment(a),
      objectors: a.objectors,
    }));
  return [...paragraphs, ...amendments];
}

export function BlockingObjections({ view }: { view: ConsensusView }) {
  const { t, formatDateTime } = useI18n();
  const { negotiation, stakeholders } = useNegotiation();
  const blocked = blockedTargets(view, (a) =>
    t('consensus.amendmentRow', {
      code: stakeholders.get(a.sponsorStakeholderId)?.shortCode ?? '?',
      kind: t(`amendmentKind.${a.kind}`).toLowerCase(),
      label: a.paragraphLabel ?? '',
    }),
  );
  if (blocked.length === 0) return <p className="muted">{t('dashboard.noObjections')}</p>;
  return (
    <ul className="objections">
      {blocked.map((b) => (
        <li key={b.key} className="objections__item">
          <p className="objections__target">
            <Link
              to={`${paths.draft(negotiation.negotiationId, view.documentId)}?paragraph=${b.paragraphId}`}
            >
              {b.label}
            </Link>{' '}
            <span className="badge badge--consensus-contested">
              {t('dashboard.objectionCount', { count: b.objectors.length })}
            </span>
          </p>
          <ul className="objections__list">
            {b.objectors.map((o) => (
              <li key={o.stakeholderId}>
                <abbr className="chip chip--objection" title={o.name}>
                  {o.shortCode}
                </abbr>{' '}
                <strong>{o.name}</strong>
                {o.source === 'group' && o.groups[0] && (
                  <span className="muted">
                    {' '}
                    {t('dashboard.viaGroup', { group: o.groups[0].shortCode })}
                  </span>
                )}
                {o.statement ? (
                  <blockquote className="statement">
                    <p dir="auto">{o.statement}</p>
                    <footer className="muted">{formatDateTime(o.statedAt)}</footer>
                  </blockquote>
                ) : (
                  <p className="muted">{t('dashboard.noStatement')}</p>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
