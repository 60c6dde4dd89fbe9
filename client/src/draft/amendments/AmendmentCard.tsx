// One amendment: the change as a suggestion, who sponsors and co-sponsors it (a chair's
// compromise is the Chair's, never their delegation's), its status and rationale, where others
// stand on it, and what the user may do — co-sponsor, withdraw, state a position, revise it (its
// sponsor), table a sub-amendment to it, or (the chair) accept, reject, merge it into a compromise
// or restore a rejection or merge. Its sub-amendments are nested under it, to be decided first.
// A refused action shows the server's reason on the card itself, not only in a toast.
import { can } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import type { Amendment } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice, StakeholderChip } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import { TakenUpFrom } from '../../recommendations/TakenUpFrom.js';
import { resolveEncodedRange } from '../anchors.js';
import { useDraft } from '../draft-context.js';
import { PositionForm } from '../positions/PositionForm.js';
import { PositionGroups } from '../positions/PositionGroups.js';
import { AmendmentReviseForm, hasWords } from './AmendmentReviseForm.js';
import { excerpt, mergedInto } from './merge.js';
import { MergeControl } from './MergeControl.js';
import { RestoreControl } from './RestoreControl.js';
import { SubAmendmentForm } from './SubAmendmentForm.js';
import { SuggestionView } from './SuggestionView.js';
import './sub-amendments.css';

type OpenForm = 'reject' | 'withdraw' | 'revise' | 'merge' | 'sub' | null;

/**
 * `nested`: shown inside its parent's card. A sub-amendment whose parent is in the list is
 * rendered only there, so lists can pass every amendment.
 */
export function AmendmentCard({
  amendment,
  nested = false,
}: {
  amendment: Amendment;
  nested?: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const draft = useDraft();
  const {
    you,
    role,
    positions,
    amendments,
    document,
    ydoc,
    activeId,
    setActiveId,
    reloadAmendments,
    reloadDocument,
  } = draft;
  const id = useId();
  const [positionOpen, setPositionOpen] = useState(false);
  const [form, setForm] = useState<OpenForm>(null);
  const rejecting = form === 'reject';
  const toggle = (which: Exclude<OpenForm, null>) => setForm((f) => (f === which ? null : which));
  const [reason, setReason] = useState('');
  const [withdrawReason, setWithdrawReason] = useState('');
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
    async () => after(await api.withdraw(amendment.amendmentId, withdrawReason.trim())),
    () => t('amendment.withdrawn'),
  );
  const accept = useAction(
    async () => after(await api.accept(amendment.amendmentId)),
    () => t(amendment.parentAmendmentId ? 'subAmendment.accepted' : 'amendment.accepted'),
  );
  const reject = useAction(
    async () => after(await api.reject(amendment.amendmentId, reason.trim())),
    () => t('amendment.rejected'),
  );
  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    void reject.run().then((ok) => ok && setForm(null));
  };
  const submitWithdraw = (event: FormEvent) => {
    event.preventDefault();
    void withdraw.run().then((ok) => ok && setForm(null));
  };
  const labelOf = (paragraphId: string) =>
    document.paragraphs.find((p) => p.id === paragraphId)?.label ?? t('panel.heading');
  const compromise = amendment.mergedInto
    ? amendments.find((a) => a.amendmentId === amendment.mergedInto)
    : undefined;
  const merged = amendment.chairsCompromise ? mergedInto(amendment, amendments) : [];
  // The reason the server gave for refusing the last quick action (co-sponsor, accept).
  const refused = cosponsor.error ?? accept.error;
  const subAmendments = amendments.filter((a) => a.parentAmendmentId === amendment.amendmentId);
  const pendingSubs = subAmendments.filter((a) => a.status === 'pending').length;
  const parent = amendment.parentAmendmentId
    ? amendments.find((a) => a.amendmentId === amendment.parentAmendmentId)
    : undefined;
  const mayTakeSub =
    pending && !amendment.parentAmendmentId && hasWords(amendment.kind) && !document.adopted;
  // Restoring a sub-amendment needs its parent still pending (the server says so too).
  const restorable =
    (amendment.status === 'rejected' || amendment.status === 'merged') &&
    (!amendment.parentAmendmentId || parent?.status === 'pending');

  const active = activeId === amendment.amendmentId;
  if (parent && !nested) return null;
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
          {amendment.chairsCompromise ? (
            <span className="chip chip--chair">{t('amendment.chair')}</span>
          ) : (
            <StakeholderChip stakeholder={amendment.sponsor} />
          )}{' '}
          {t(`amendmentKind.${amendment.kind}`)}
          {amendment.chairsCompromise && (
            <span className="tag">{t('amendment.chairsCompromise')}</span>
          )}
          {amendment.parentAmendmentId && <span className="tag">{t('subAmendment.tag')}</span>}
        </h4>
        <span className={`badge badge--amendment-${amendment.status}`}>
          {t(`amendmentStatus.${amendment.status}`)}
        </span>
      </header>
      <SuggestionView proposal={amendment.proposal} code={code} />
      <TakenUpFrom amendment={amendment} />
      {!placed && <p className="muted">{t('amendment.unplaced')}</p>}
      <dl className="amendment__facts">
        <dt>{t('amendment.sponsor')}</dt>
        <dd dir="auto">
          {amendment.chairsCompromise ? t('amendment.chair') : amendment.sponsor.name}
        </dd>
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
            <dd dir="auto">{amendment.rationale}</dd>
          </>
        )}
      </dl>
      <p className="muted">
        {t('amendment.tabledAt', { date: formatDateTime(amendment.tabledAt) })}
        {amendment.revision > 1 &&
          ` · ${t('amendment.revised', { count: amendment.revision - 1 })}`}
      </p>
      {amendment.reason && <p dir="auto">{t('amendment.reason', { reason: amendment.reason })}</p>}
      {amendment.restored && (
        <p dir="auto" className="amendment__restored">
          {t('amendmentRestore.restored', {
            date: formatDateTime(amendment.restored.restoredAt),
            reason: amendment.restored.reason,
          })}
        </p>
      )}
      {amendment.status === 'merged' && (
        <p>
          {compromise
            ? t('amendmentMerge.mergedInto', {
                label: labelOf(compromise.paragraphId),
                words: excerpt(compromise),
              })
            : t('amendmentMerge.mergedIntoUnknown')}
        </p>
      )}
      {merged.length > 0 && (
        <div className="amendment__merged">
          <span className="muted">{t('amendmentMerge.bridges')}</span>{' '}
          <span className="chips">
            {merged.map((m) => (
              <StakeholderChip key={m.amendmentId} stakeholder={m.sponsor} />
            ))}
          </span>
        </div>
      )}

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
          {can(role, 'amendment.revise') && ours && (
            <button
              type="button"
              className="button"
              aria-expanded={form === 'revise'}
              onClick={() => toggle('revise')}
            >
              {t('amendmentRevise.open')}
            </button>
          )}
          {can(role, 'amendment.table') && mayTakeSub && (
            <button
              type="button"
              className="button"
              aria-expanded={form === 'sub'}
              onClick={() => toggle('sub')}
            >
              {t('subAmendment.open')}
            </button>
          )}
          {can(role, 'amendment.withdraw') && ours && (
            <button
              type="button"
              className="button"
              aria-expanded={form === 'withdraw'}
              onClick={() => toggle('withdraw')}
            >
              {t('amendment.withdraw')}
            </button>
          )}
          {can(role, 'amendment.decide') && (
            <>
              <button
                type="button"
                className="button button--accept"
                disabled={accept.busy || pendingSubs > 0}
                onClick={() => void accept.run()}
              >
                {t('amendment.accept')}
              </button>
              <button
                type="button"
                className="button button--danger"
                aria-expanded={rejecting}
                onClick={() => toggle('reject')}
              >
                {t('amendment.reject')}
              </button>
              <button
                type="button"
                className="button"
                aria-expanded={form === 'merge'}
                onClick={() => toggle('merge')}
              >
                {t('amendmentMerge.open')}
              </button>
            </>
          )}
        </div>
      )}
      {pending && rejecting && (
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
            <button type="button" className="button" onClick={() => setForm(null)}>
              {t('common.cancel')}
            </button>
          </div>
          {reject.error && <Notice tone="error">{reject.error}</Notice>}
        </form>
      )}
      {pending && form === 'withdraw' && (
        <form className="form" onSubmit={submitWithdraw}>
          <label className="field">
            <span className="field__label">
              {t('amendmentWithdraw.reason')}{' '}
              <span className="muted">({t('common.optional')})</span>
            </span>
            <textarea
              rows={2}
              maxLength={1000}
              value={withdrawReason}
              onChange={(e) => setWithdrawReason(e.target.value)}
              autoFocus
            />
          </label>
          <div className="form__actions">
            <button type="submit" className="button button--danger" disabled={withdraw.busy}>
              {t('amendmentWithdraw.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setForm(null)}>
              {t('common.cancel')}
            </button>
          </div>
          {withdraw.error && <Notice tone="error">{withdraw.error}</Notice>}
        </form>
      )}
      {pending && form === 'revise' && (
        <AmendmentReviseForm amendment={amendment} onDone={() => setForm(null)} />
      )}
      {pending && form === 'merge' && (
        <MergeControl amendment={amendment} onDone={() => setForm(null)} />
      )}
      {pending && form === 'sub' && (
        <SubAmendmentForm parent={amendment} onDone={() => setForm(null)} />
      )}
      {pending && pendingSubs > 0 && can(role, 'amendment.decide') && (
        <p className="muted">{t('subAmendment.pendingFirst', { count: pendingSubs })}</p>
      )}
      {restorable && can(role, 'amendment.restore') && (
        <div className="amendment__actions">
          <RestoreControl amendmentId={amendment.amendmentId} onRestored={after} />
        </div>
      )}
      {amendment.status === 'accepted' && can(role, 'amendment.restore') && (
        <p className="muted">{t('amendmentRestore.notAccepted')}</p>
      )}
      {refused && <Notice tone="error">{refused}</Notice>}

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
      {subAmendments.length > 0 && (
        <ol className="amendment__subs" aria-label={t('subAmendment.list')}>
          {subAmendments.map((sub) => (
            <li key={sub.amendmentId}>
              <AmendmentCard amendment={sub} nested />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
