// One amendment: the change as a suggestion, who sponsors and co-sponsors it, its status and
// rationale, where others stand on it, and what the user may do — co-sponsor, withdraw, state a
// position, or (the chair) accept or reject it.
import { can } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import type { Amendment } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { StakeholderChip } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import { resolveEncodedRange } from '../anchors.js';
import { useDraft } from '../draft-context.js';
import { PositionForm } from '../positions/PositionForm.js';
import { PositionGroups } from '../positions/PositionGroups.js';
import { SuggestionView } from './SuggestionView.js';

export function AmendmentCard({ amendment }: { amendment: Amendment }) {
  const { t, formatDateTime } = useI18n();
  const draft = useDraft();
  const { you, role, positions, ydoc, activeId, setActiveId, reloadAmendments, reloadDocument } =
    draft;
  const id = useId();
  const [positionOpen, setPositionOpen] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const pending = amendment.status === 'pending';
  const ours = amendment.sponsorStakeholderId === you.stakeholderId;
  const cosponsoring = amendment.cosponsorStakeholderIds.includes(you.stakeholderId);
  const onIt = positions.filter(
    (p) => p.target.kind === 'amendment' && p.target.id === amendment.amendmentId,
  );
  const mine = onIt.find((p) => p.stakeholderId === you.stakeholderId);
  const code = amendment.sponsor.shortCode ?? '';
  const anchored = amendment.proposal.anchor;
  const placed = pending && anchored ? resolveEncodedRange(ydoc, anchored) !== null : true;

  const after = (_result?: unknown) => {
    reloadAmendments();
    reloadDocument();
  };
  const cosponsor = useAction(
    async () => after(await api.cosponsor(amendment.amendmentId)),
    () => t('amendment.cosponsored'),
  );
  const withdraw = useAction(
    async () => after(await api.withdraw(amendment.amendmentId)),
    () => t('amendment.withdrawn'),
  );
  const accept = useAction(
    async () => after(await api.accept(amendment.amendmentId)),
    () => t('amendment.accepted'),
  );
  const reject = useAction(
    async () => after(await api.reject(amendment.amendmentId, reason.trim())),
    () => t('amendment.rejected'),
  );
  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    void reject.run().then((ok) => ok && setRejecting(false));
  };

  const active = activeId === amendment.amendmentId;
  return (
    <article
      className={`amendment card amendment--${amendment.status}${active ? ' is-active' : ''}`}
      aria-labelledby={`${id}-title`}
      data-amendment-id={amendment.amendmentId}
      onFocus={() => setActiveId(amendment.amendmentId)}
      onMouseEnter={() => setActiveId(amendment.amendmentId)}
    >
      <header className="amendment__header">
        <h4 id={`${id}-title`} className="amendment__title">
          <StakeholderChip stakeholder={amendment.sponsor} /> {t(`amendmentKind.${amendment.kind}`)}
          {amendment.chairsCompromise && (
            <span className="tag">{t('amendment.chairsCompromise')}</span>
          )}
        </h4>
        <span className={`badge badge--amendment-${amendment.status}`}>
          {t(`amendmentStatus.${amendment.status}`)}
        </span>
      </header>
      <SuggestionView proposal={amendment.proposal} code={code} />
      {!placed && <p className="muted">{t('amendment.unplaced')}</p>}
      <dl className="amendment__facts">
        <dt>{t('amendment.sponsor')}</dt>
        <dd>{amendment.sponsor.name}</dd>
        {amendment.cosponsors.length > 0 && (
          <>
            <dt>{t('amendment.cosponsors')}</dt>
            <dd className="chips">
              {amendment.cosponsors.map((c) => (
                <StakeholderChip key={c.stakeholderId} stakeholder={c} />
              ))}
            </dd>
          </>
        )}
        {amendment.rationale && (
          <>
            <dt>{t('amendment.rationale')}</dt>
            <dd>{amendment.rationale}</dd>
          </>
        )}
      </dl>
      <p className="muted">
        {t('amendment.tabledAt', { date: formatDateTime(amendment.tabledAt) })}
        {amendment.revision > 1 &&
          ` · ${t('amendment.revised', { count: amendment.revision - 1 })}`}
      </p>
      {amendment.reason && <p>{t('amendment.reason', { reason: amendment.reason })}</p>}

      {pending && (
        <div className="amendment__actions">
          {can(role, 'amendment.cosponsor') && !ours && !cosponsoring && (
            <button
              type="button"
              className="button"
              disabled={cosponsor.busy}
              onClick={() => void cosponsor.run()}
            >
              {t('amendment.cosponsor')}
            </button>
          )}
          {can(role, 'amendment.withdraw') && ours && (
            <button
              type="button"
              className="button"
              disabled={withdraw.busy}
              onClick={() => void withdraw.run()}
            >
              {t('amendment.withdraw')}
            </button>
          )}
          {can(role, 'amendment.decide') && (
            <>
              <button
                type="button"
                className="button button--accept"
                disabled={accept.busy}
                onClick={() => void accept.run()}
              >
                {t('amendment.accept')}
              </button>
              <button
                type="button"
                className="button button--danger"
                aria-expanded={rejecting}
                onClick={() => setRejecting((v) => !v)}
              >
                {t('amendment.reject')}
              </button>
            </>
          )}
        </div>
      )}
      {rejecting && (
        <form className="form" onSubmit={submitReject}>
          <label className="field">
            <span className="field__label">{t('amendment.rejectReason')}</span>
            <textarea
              rows={2}
              required
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          </label>
          <div className="form__actions">
            <button
              type="submit"
              className="button button--danger"
              disabled={!reason.trim() || reject.busy}
            >
              {t('amendment.confirmReject')}
            </button>
            <button type="button" className="button" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}

      <section className="amendment__positions" aria-label={t('amendment.positions')}>
        <PositionGroups positions={onIt} />
        {pending && can(role, 'position.state') && (
          <>
            <button
              type="button"
              className="button button--small"
              aria-expanded={positionOpen}
              onClick={() => setPositionOpen((v) => !v)}
            >
              {positionOpen ? t('amendment.hidePositionForm') : t('amendment.statePosition')}
            </button>
            {positionOpen && (
              <PositionForm
                target={{ kind: 'amendment', id: amendment.amendmentId }}
                current={mine}
              />
            )}
          </>
        )}
      </section>
    </article>
  );
}
