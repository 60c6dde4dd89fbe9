// The answer form, the same for members in the app and for anyone on the public page: each
// question (open words, one choice or several), and for each answer the paragraphs of the
// revision it is about. Answers are sent only for the questions the respondent took up.
import type { AnswerInput, ConsultationParagraph, ConsultationQuestion } from '@accord/shared';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

interface Draft {
  text: string;
  optionIds: string[];
  paragraphIds: string[];
}

const empty: Draft = { text: '', optionIds: [], paragraphIds: [] };

/** The answers worth sending: a question with words or a choice. */
export function answersOf(
  questions: readonly ConsultationQuestion[],
  drafts: Readonly<Record<string, Draft>>,
): AnswerInput[] {
  return questions.flatMap((q) => {
    const d = drafts[q.questionId] ?? empty;
    const text = d.text.trim();
    const given = q.kind === 'open' ? text !== '' : d.optionIds.length > 0;
    if (!given) return [];
    return [
      {
        questionId: q.questionId,
        text: text === '' ? null : text,
        optionIds: q.kind === 'open' ? [] : d.optionIds,
        paragraphIds: d.paragraphIds,
      },
    ];
  });
}

export function AnswerForm({
  questions,
  paragraphs,
  busy,
  onSubmit,
  extra,
}: {
  questions: readonly ConsultationQuestion[];
  paragraphs: readonly ConsultationParagraph[];
  busy: boolean;
  onSubmit: (answers: AnswerInput[]) => void;
  /** More fields inside the form (the public page's hidden field). */
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const answers = answersOf(questions, drafts);
  const update = (questionId: string, change: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [questionId]: { ...(all[questionId] ?? empty), ...change } }));
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (answers.length > 0) onSubmit(answers);
  };

  return (
    <form className="form consultation-answer" onSubmit={submit}>
      {questions.map((q, index) => {
        const d = drafts[q.questionId] ?? empty;
        const name = `${id}-${q.questionId}`;
        return (
          <fieldset key={q.questionId} className="consultation-question">
            <legend dir="auto">
              {index + 1}. {q.prompt}
            </legend>
            {q.kind === 'open' ? (
              <textarea
                aria-label={q.prompt}
                dir="auto"
                rows={4}
                maxLength={4000}
                value={d.text}
                onChange={(e) => update(q.questionId, { text: e.target.value })}
              />
            ) : (
              <div className="consultation-options">
                {q.options.map((o) => (
                  <label key={o.optionId} className="check">
                    <input
                      type={q.kind === 'single' ? 'radio' : 'checkbox'}
                      name={name}
                      checked={d.optionIds.includes(o.optionId)}
                      onChange={(e) =>
                        update(q.questionId, {
                          optionIds:
                            q.kind === 'single'
                              ? [o.optionId]
                              : toggle(d.optionIds, o.optionId, e.target.checked),
                        })
                      }
                    />
                    <span dir="auto">{o.label}</span>
                  </label>
                ))}
                <span className="field__hint">
                  {t(q.kind === 'single' ? 'consultation.pickOne' : 'consultation.pickAny')}
                </span>
              </div>
            )}
            <details className="consultation-attach">
              <summary>{t('consultation.attach', { count: d.paragraphIds.length })}</summary>
              <div className="consultation-attach__list">
                {paragraphs.map((p) => (
                  <label key={p.paragraphId} className="check">
                    <input
                      type="checkbox"
                      checked={d.paragraphIds.includes(p.paragraphId)}
                      disabled={
                        !d.paragraphIds.includes(p.paragraphId) && d.paragraphIds.length >= 10
                      }
                      onChange={(e) =>
                        update(q.questionId, {
                          paragraphIds: toggle(d.paragraphIds, p.paragraphId, e.target.checked),
                        })
                      }
                    />
                    <span dir="auto">{p.ref}</span>
                  </label>
                ))}
              </div>
            </details>
          </fieldset>
        );
      })}
      {extra}
      <button
        type="submit"
        className="button button--primary"
        disabled={busy || answers.length === 0}
      >
        {t('consultation.send')}
      </button>
    </form>
  );
}
