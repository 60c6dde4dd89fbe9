// One pledge in the negotiation: its history replayed step by step, and, for the pledger's own
// members (or the secretariat for an outside actor), revising it, the progress report form and
// withdrawal.
import { can } from '@accord/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { isPledgeNotice, pledgeApi } from './pledge-api.js';
import { PledgeHistory } from './PledgeHistory.js';
import { ReportForm } from './ReportForm.js';
import { RevisePledgeForm } from './RevisePledgeForm.js';
import './pledges.css';

export function PledgePage() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const { pledgeId = '' } = useParams();
  const detail = useLiveResource(
    `pledge:${pledgeId}`,
    () => pledgeApi.get(pledgeId),
    (n) => isPledgeNotice(n) && n.id === pledgeId,
  );
  const [reason, setReason] = useState('');
  const [revising, setRevising] = useState(false);
  // The adopted texts, for the objectives a revision may choose; fetched once the form opens.
  const texts = useResource(`pledge-texts:${revising ? negotiation.negotiationId : ''}`, () =>
    revising ? pledgeApi.list(negotiation.negotiationId) : Promise.resolve(undefined),
  );
  const withdraw = useAction(
    async () => {
      await pledgeApi.withdraw(pledgeId, reason.trim());
      detail.reload();
    },
    () => t('pledge.withdrawnToast'),
  );
  const pledge = detail.data?.pledge;
  const you = negotiation.you;
  const mine =
    pledge !== undefined &&
    can(you.role, 'pledge.report') &&
    (pledge.pledger.stakeholderId === null
      ? you.role === 'secretariat'
      : pledge.pledger.stakeholderId === you.stakeholderId);
  return (
    <div className="pledges">
      <p>
        <Link to={paths.pledges(negotiation.negotiationId)}>{t('pledge.back')}</Link>
      </p>
      {detail.error !== undefined && !detail.data && (
        <LoadError error={detail.error} retry={detail.reload} />
      )}
      {!detail.data && detail.error === undefined && <Loading />}
      {pledge && detail.data && (
        <>
          <h1 dir="auto">{pledge.content.title}</h1>
          <p>
            <a href={paths.publicPledge(pledge.pledgeId)} target="_blank" rel="noreferrer">
              {t('pledge.publicLink')}
            </a>
          </p>
          <div className="pledge-columns">
            <PledgeHistory key={detail.data.history.length} history={detail.data.history} />
            {mine && !pledge.withdrawn && (
              <div>
                {revising ? (
                  <RevisePledgeForm
                    pledge={pledge}
                    text={texts.data?.adoptedTexts.find((x) => x.documentId === pledge.documentId)}
                    onRevised={() => {
                      setRevising(false);
                      detail.reload();
                    }}
                    onCancel={() => setRevising(false)}
                  />
                ) : (
                  <p>
                    <button type="button" className="button" onClick={() => setRevising(true)}>
                      {t('pledgeRevise.open')}
                    </button>
                  </p>
                )}
                <ReportForm pledge={pledge} onReported={detail.reload} />
                <form
                  className="form card pledge-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (reason.trim() !== '') void withdraw.run();
                  }}
                >
                  <h2>{t('pledge.withdrawTitle')}</h2>
                  <label className="field">
                    <span className="field__label">{t('pledge.withdrawReason')}</span>
                    <input
                      required
                      maxLength={1000}
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      dir="auto"
                    />
                  </label>
                  <div className="form__actions">
                    <button
                      type="submit"
                      className="button"
                      disabled={reason.trim() === '' || withdraw.busy}
                    >
                      {t('pledge.withdraw')}
                    </button>
                  </div>
                </form>
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}
