// One consultation for a member: what it asks and about which revision, the answer form when
// they may answer and have not yet, the public link and early closing for the chair and the
// secretariat, and the way to the synthesis for those who may read it.
import type { AnswerInput } from '@accord/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError, Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { AnswerForm } from './AnswerForm.js';
import { audienceKey, identityKey } from './labels.js';
import { consultationApi, isConsultationNotice } from './consultation-api.js';
import { PhaseBadge } from './PhaseBadge.js';
import { RevisionText } from './RevisionText.js';
import './consultations.css';

export function ConsultationPage() {
  const { t } = useI18n();
  const { consultationId = '' } = useParams();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const consultation = useLiveResource(
    `consultation:${consultationId}`,
    () => consultationApi.get(consultationId),
    (n) => n.id === consultationId && isConsultationNotice(n),
  );
  const [reason, setReason] = useState('');
  const answer = useAction(
    async (answers: AnswerInput[]) => {
      await consultationApi.answer(consultationId, answers);
      consultation.reload();
    },
    () => t('consultation.thanks'),
  );
  const close = useAction(
    async () => {
      await consultationApi.close(consultationId, reason.trim());
      consultation.reload();
    },
    () => t('consultation.closedToast'),
  );
  if (consultation.error !== undefined && !consultation.data) {
    return <LoadError error={consultation.error} retry={consultation.reload} />;
  }
  const c = consultation.data;
  if (!c) return <Loading />;
  const link = c.linkPath ? `${window.location.origin}${c.linkPath}` : null;
  return (
    <div className="consultation">
      <p>
        <Link to={paths.consultations(negotiationId)}>{t('consultation.back')}</Link>
      </p>
      <div className="page-heading">
        <h1 dir="auto">{c.title}</h1>
        {c.you.mayReadSynthesis && (
          <Link
            className="button"
            to={paths.consultationSynthesis(negotiationId, c.consultationId)}
          >
            {t('consultation.synthesis')}
          </Link>
        )}
      </div>
      <p>
        <PhaseBadge consultation={c} />{' '}
        <span className="muted" dir="auto">
          {t('consultation.on', { document: c.documentTitle ?? '', revision: c.revisionLabel })} ·{' '}
          {t(audienceKey[c.audience])} · {t(identityKey[c.identity])} ·{' '}
          {t('consultation.responses', { count: c.responses })}
        </span>
      </p>
      {c.intro && (
        <p className="consultation-intro" dir="auto">
          {c.intro}
        </p>
      )}
      {link && (
        <div className="card consultation-link">
          <p className="field__label">{t('consultation.link')}</p>
          <code dir="ltr" data-testid="consultation-link">
            {link}
          </code>
          <p className="field__hint">{t('consultation.linkHint')}</p>
        </div>
      )}
      {c.you.mayManage && c.phase !== 'closed' && (
        <div className="card consultation-close">
          <label className="field">
            <span className="field__label">{t('consultation.closeReason')}</span>
            <input
              maxLength={1000}
              dir="auto"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="button"
            disabled={close.busy}
            onClick={() => void close.run()}
          >
            {t('consultation.closeNow')}
          </button>
        </div>
      )}
      <div className="consultation-columns">
        <RevisionText paragraphs={c.paragraphs} revisionLabel={c.revisionLabel} />
        <section className="card">
          <h2>{t('consultation.questions')}</h2>
          {c.you.answered && <Notice tone="info">{t('consultation.youAnswered')}</Notice>}
          {!c.you.answered && !c.you.mayAnswer && (
            <Notice tone="info">{t('consultation.notInvited')}</Notice>
          )}
          {!c.you.answered && c.you.mayAnswer && c.phase !== 'open' && (
            <Notice tone="info">
              {t(c.phase === 'closed' ? 'consultation.isClosed' : 'consultation.notYet')}
            </Notice>
          )}
          {!c.you.answered && c.you.mayAnswer && c.phase === 'open' && (
            <>
              {c.identity === 'anonymous' && (
                <p className="field__hint">{t('consultation.anonymousNote')}</p>
              )}
              <AnswerForm
                questions={c.questions}
                paragraphs={c.paragraphs}
                busy={answer.busy}
                onSubmit={(answers) => void answer.run(answers)}
              />
            </>
          )}
          {(c.you.answered || !c.you.mayAnswer || c.phase !== 'open') && (
            <ol>
              {c.questions.map((q) => (
                <li key={q.questionId} dir="auto">
                  {q.prompt}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
