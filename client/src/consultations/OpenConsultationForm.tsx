// The chair or secretariat opens a consultation: the document and the issued revision it is on,
// a title and an introduction, the period, the questions (open, one choice, several choices),
// who may answer (invited members, or anyone with a link) and whether answers are identified.
import type { ConsultationAudience, ConsultationIdentity, QuestionKind } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { audienceKey, identityKey, kindKey } from './labels.js';
import { consultationApi } from './consultation-api.js';

interface QuestionDraft {
  kind: QuestionKind;
  prompt: string;
  /** One option per line. */
  options: string;
}

const DAY_MS = 86_400_000;
/** `<input type="datetime-local">` wants local time without a zone. */
const localInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

export function OpenConsultationForm({
  onOpened,
  onCancel,
}: {
  onOpened: (consultationId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const documents = useResource(`documents:${negotiationId}`, () => api.documents(negotiationId));
  const [chosenDocument, setDocumentId] = useState('');
  const documentId = chosenDocument || documents.data?.[0]?.documentId || '';
  const detail = useResource(`document:${documentId}`, () =>
    documentId ? api.document(documentId) : Promise.resolve(null),
  );
  const revisions = detail.data?.revisions ?? [];
  const [chosenRevision, setRevision] = useState('');
  const revisionLabel = chosenRevision || revisions.at(-1)?.label || '';
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [opensAt, setOpensAt] = useState(() => localInput(Date.now()));
  const [closesAt, setClosesAt] = useState(() => localInput(Date.now() + 14 * DAY_MS));
  const [audience, setAudience] = useState<ConsultationAudience>('public');
  const [identity, setIdentity] = useState<ConsultationIdentity>('anonymous');
  const [invited, setInvited] = useState<string[]>([]);
  const [questions, setQuestions] = useState<QuestionDraft[]>([
    { kind: 'open', prompt: '', options: '' },
  ]);
  const optionsOf = (q: QuestionDraft) =>
    q.kind === 'open'
      ? []
      : q.options
          .split('\n')
          .map((o) => o.trim())
          .filter((o) => o !== '');
  const complete =
    title.trim() !== '' &&
    revisionLabel !== '' &&
    questions.every(
      (q) => q.prompt.trim() !== '' && (q.kind === 'open' || optionsOf(q).length >= 2),
    );

  const open = useAction(
    async () => {
      const answer = await consultationApi.open(negotiationId, {
        documentId,
        revisionLabel,
        title: title.trim(),
        intro: intro.trim(),
        opensAt: new Date(opensAt).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        questions: questions.map((q) => ({
          kind: q.kind,
          prompt: q.prompt.trim(),
          options: optionsOf(q),
        })),
        audience,
        invitedStakeholderIds: audience === 'invited' ? invited : [],
        identity: audience === 'public' ? 'anonymous' : identity,
      });
      onOpened(answer.consultationId);
    },
    () => t('consultation.opened', { title: title.trim() }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) void open.run();
  };
  const change = (index: number, patch: Partial<QuestionDraft>) =>
    setQuestions((all) => all.map((q, i) => (i === index ? { ...q, ...patch } : q)));

  return (
    <form className="form card consultation-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('consultation.openTitle')}</h2>
      <label className="field">
        <span className="field__label">{t('consultation.document')}</span>
        <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
          {documents.data?.map((d) => (
            <option key={d.documentId} value={d.documentId}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('consultation.revision')}</span>
        <select value={revisionLabel} onChange={(e) => setRevision(e.target.value)}>
          {revisions.map((r) => (
            <option key={r.label} value={r.label}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {detail.data && revisions.length === 0 && (
        <Notice tone="warning">{t('consultation.noRevision')}</Notice>
      )}
      <label className="field">
        <span className="field__label">{t('consultation.titleField')}</span>
        <input
          required
          maxLength={200}
          dir="auto"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('consultation.introField')}</span>
        <textarea
          rows={3}
          maxLength={5000}
          dir="auto"
          value={intro}
          onChange={(e) => setIntro(e.target.value)}
        />
      </label>
      <div className="consultation-form__period">
        <label className="field">
          <span className="field__label">{t('consultation.opensAt')}</span>
          <input
            type="datetime-local"
            required
            value={opensAt}
            onChange={(e) => setOpensAt(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('consultation.closesAt')}</span>
          <input
            type="datetime-local"
            required
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
          />
        </label>
      </div>
      <fieldset className="field">
        <legend className="field__label">{t('consultation.audience')}</legend>
        {(['public', 'invited'] as const).map((a) => (
          <label key={a} className="check">
            <input
              type="radio"
              name={`${id}-audience`}
              checked={audience === a}
              onChange={() => setAudience(a)}
            />
            <span>{t(audienceKey[a])}</span>
          </label>
        ))}
      </fieldset>
      {audience === 'invited' && (
        <>
          <fieldset className="field">
            <legend className="field__label">{t('consultation.invited')}</legend>
            <span className="field__hint">{t('consultation.invitedHint')}</span>
            {negotiation.stakeholders.map((s) => (
              <label key={s.stakeholderId} className="check">
                <input
                  type="checkbox"
                  checked={invited.includes(s.stakeholderId)}
                  onChange={(e) =>
                    setInvited((all) =>
                      e.target.checked
                        ? [...all, s.stakeholderId]
                        : all.filter((x) => x !== s.stakeholderId),
                    )
                  }
                />
                <span dir="auto">{s.name}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="field">
            <legend className="field__label">{t('consultation.identity')}</legend>
            {(['identified', 'anonymous'] as const).map((i) => (
              <label key={i} className="check">
                <input
                  type="radio"
                  name={`${id}-identity`}
                  checked={identity === i}
                  onChange={() => setIdentity(i)}
                />
                <span>{t(identityKey[i])}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      {audience === 'public' && <p className="field__hint">{t('consultation.publicAnonymous')}</p>}
      <h3>{t('consultation.questions')}</h3>
      {questions.map((q, index) => (
        <fieldset key={index} className="consultation-form__question">
          <legend>{t('consultation.questionN', { n: index + 1 })}</legend>
          <label className="field">
            <span className="field__label">{t('consultation.prompt')}</span>
            <input
              maxLength={500}
              dir="auto"
              value={q.prompt}
              onChange={(e) => change(index, { prompt: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('consultation.kind')}</span>
            <select
              value={q.kind}
              onChange={(e) => change(index, { kind: e.target.value as QuestionKind })}
            >
              {(['open', 'single', 'multiple'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(kindKey[k])}
                </option>
              ))}
            </select>
          </label>
          {q.kind !== 'open' && (
            <label className="field">
              <span className="field__label">{t('consultation.options')}</span>
              <textarea
                rows={3}
                dir="auto"
                value={q.options}
                onChange={(e) => change(index, { options: e.target.value })}
              />
              <span className="field__hint">{t('consultation.optionsHint')}</span>
            </label>
          )}
          {questions.length > 1 && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setQuestions((all) => all.filter((_, i) => i !== index))}
            >
              {t('consultation.removeQuestion')}
            </button>
          )}
        </fieldset>
      ))}
      {questions.length < 20 && (
        <button
          type="button"
          className="button"
          onClick={() =>
            setQuestions((all) => [...all, { kind: 'single', prompt: '', options: '' }])
          }
        >
          {t('consultation.addQuestion')}
        </button>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!complete || open.busy}>
          {t('consultation.openSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('consultation.cancel')}
        </button>
      </div>
    </form>
  );
}
