// The public answering page, `/consult/:token`: outside the signed-in app, no account needed.
// It shows the revision's paragraphs and the questions; an answer is anonymous, and the server
// lets each browser answer once (its respondent cookie). The hidden "website" field is left
// empty by people and filled by robots, whose answers are quietly dropped.
import type { AnswerInput } from '@accord/shared';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { LanguageMenu } from '../i18n/LanguageMenu.js';
import { useResource } from '../lib/useResource.js';
import { Loading, LoadError, Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { AnswerForm } from './AnswerForm.js';
import { consultationApi } from './consultation-api.js';
import { PhaseBadge } from './PhaseBadge.js';
import { RevisionText } from './RevisionText.js';
import './consultations.css';

export function PublicConsultationPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const view = useResource(`public-consultation:${token}`, () => consultationApi.publicView(token));
  const [website, setWebsite] = useState('');
  const [sent, setSent] = useState(false);
  const answer = useAction(async (answers: AnswerInput[]) => {
    await consultationApi.publicAnswer(token, answers, website);
    setSent(true);
  });
  const c = view.data;
  return (
    <main className="public-consultation">
      <header className="public-consultation__header">
        <span className="brand">{t('app.name')}</span>
        <LanguageMenu />
      </header>
      {view.error !== undefined && !c && <LoadError error={view.error} retry={view.reload} />}
      {!c && view.error === undefined && <Loading />}
      {c && (
        <>
          <h1 dir="auto">{c.title}</h1>
          <p>
            <PhaseBadge consultation={c} />{' '}
            <span className="muted" dir="auto">
              {t('consultation.on', { document: c.documentTitle ?? '', revision: c.revisionLabel })}
            </span>
          </p>
          {c.intro && (
            <p className="consultation-intro" dir="auto">
              {c.intro}
            </p>
          )}
          <div className="consultation-columns">
            <RevisionText paragraphs={c.paragraphs} revisionLabel={c.revisionLabel} />
            <section className="card">
              <h2>{t('consultation.questions')}</h2>
              {(sent || c.answered) && (
                <Notice tone="info">
                  <span data-testid="public-thanks">{t('consultation.thanksPublic')}</span>
                </Notice>
              )}
              {!sent && !c.answered && c.phase !== 'open' && (
                <Notice tone="info">
                  {t(c.phase === 'closed' ? 'consultation.isClosed' : 'consultation.notYet')}
                </Notice>
              )}
              {!sent && !c.answered && c.phase === 'open' && (
                <>
                  <p className="field__hint">{t('consultation.publicNote')}</p>
                  <AnswerForm
                    questions={c.questions}
                    paragraphs={c.paragraphs}
                    busy={answer.busy}
                    onSubmit={(answers) => void answer.run(answers)}
                    extra={
                      <label className="consultation-honeypot" aria-hidden="true">
                        {t('consultation.honeypot')}
                        <input
                          tabIndex={-1}
                          autoComplete="off"
                          name="website"
                          value={website}
                          onChange={(e) => setWebsite(e.target.value)}
                        />
                      </label>
                    }
                  />
                </>
              )}
            </section>
          </div>
        </>
      )}
    </main>
  );
}
