// One recommendation: its wording, rationale, paragraphs and themes, who endorses it, the
// delegations that took it up (with their amendments in the draft), and its fate drawn as a
// timeline. Organisations endorse or withdraw here; a delegate takes it up in one step.
import { can } from '@accord/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { isRecommendationNotice, recommendationApi } from './recommendation-api.js';
import { TakeUpForm } from './TakeUpForm.js';
import { UptakeTimeline } from './UptakeTimeline.js';
import './recommendations.css';

export function RecommendationPage() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const { recommendationId = '' } = useParams();
  const negotiationId = negotiation.negotiationId;
  const you = negotiation.you;
  const [takingUp, setTakingUp] = useState(false);
  const read = useLiveResource(
    `recommendation:${recommendationId}`,
    () => recommendationApi.get(recommendationId),
    (n) => n.negotiationId === negotiationId && isRecommendationNotice(n),
  );
  const endorse = useAction(() => recommendationApi.endorse(recommendationId));
  const unendorse = useAction(() => recommendationApi.withdrawEndorsement(recommendationId));
  const withdraw = useAction(() => recommendationApi.withdraw(recommendationId));
  if (!read.data) {
    return read.error !== undefined ? (
      <LoadError error={read.error} retry={read.reload} />
    ) : (
      <Loading />
    );
  }
  const { recommendation: r, stakeholders } = read.data;
  const names = new Map(stakeholders.map((s) => [s.stakeholderId, s]));
  const own = r.organisation.stakeholderId === you.stakeholderId;
  const endorsing = r.endorsers.some((e) => e.stakeholderId === you.stakeholderId);
  const tookUp = r.uptake.some((u) => u.delegation.stakeholderId === you.stakeholderId);
  const after = (action: { run: () => Promise<boolean> }) => () =>
    void action.run().then((ok) => ok && read.reload());
  const targets = [
    ...r.paragraphs.map((p) => p.label ?? '¶'),
    ...r.themes.map((theme) => `#${theme}`),
  ];
  return (
    <div className="recommendation">
      <p>
        <Link to={paths.recommendations(negotiationId)}>{t('recommendation.back')}</Link>
      </p>
      <h1 dir="auto">{r.title}</h1>
      <p className="muted" dir="auto">
        {t('recommendation.from', { organisation: r.organisation.name ?? '' })} ·{' '}
        {t('recommendation.on', { targets: targets.join(', ') })}
        {r.documentId && r.paragraphs[0] && (
          <>
            {' · '}
            <Link
              to={`${paths.draft(negotiationId, r.documentId)}#p-${r.paragraphs[0].paragraphId}`}
            >
              {t('recommendation.openDraft')}
            </Link>
          </>
        )}
      </p>
      <h2>{t(`recommendation.change.${r.change}`)}</h2>
      <blockquote className="recommendation__wording" dir="auto">
        {r.proposedText}
      </blockquote>
      {r.rationale.trim() !== '' && (
        <>
          <h2>{t('recommendation.rationale')}</h2>
          <p dir="auto">{r.rationale}</p>
        </>
      )}
      <p>
        {t('recommendation.endorsedBy', { count: r.endorsers.length })}
        {r.endorsers.length > 0 && ': '}
        <span dir="auto">{r.endorsers.map((e) => e.name ?? e.stakeholderId).join(', ')}</span>
      </p>
      {r.uptake.length > 0 && (
        <ul className="recommendation__uptake">
          {r.uptake.map((u) => (
            <li key={u.amendmentId} data-testid="linked-amendment">
              <span dir="auto">
                {t('recommendation.takenUpBy', { name: u.delegation.name ?? '' })}
              </span>{' '}
              <Link to={paths.draft(negotiationId, u.documentId)}>
                {t('recommendation.openAmendment')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="form__actions">
        {!r.withdrawn && !own && can(you.role, 'recommendation.endorse') && (
          <button
            type="button"
            className="button"
            disabled={endorse.busy || unendorse.busy}
            onClick={endorsing ? after(unendorse) : after(endorse)}
          >
            {endorsing ? t('recommendation.unendorse') : t('recommendation.endorse')}
          </button>
        )}
        {!r.withdrawn && own && can(you.role, 'recommendation.withdraw') && (
          <button
            type="button"
            className="button"
            disabled={withdraw.busy}
            onClick={after(withdraw)}
          >
            {t('recommendation.withdraw')}
          </button>
        )}
        {!r.withdrawn && !tookUp && !takingUp && can(you.role, 'recommendation.takeUp') && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setTakingUp(true)}
          >
            {t('recommendation.takeUp')}
          </button>
        )}
      </div>
      {takingUp && (
        <TakeUpForm
          recommendation={r}
          onCancel={() => setTakingUp(false)}
          onDone={() => {
            setTakingUp(false);
            read.reload();
          }}
        />
      )}
      <UptakeTimeline recommendation={r} names={names} />
    </div>
  );
}
