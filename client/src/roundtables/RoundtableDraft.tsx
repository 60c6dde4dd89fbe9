// A roundtable's background and guiding questions, shown to all and edited by its co-chairs
// (every change is a new draft that needs their sign-off again).
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { roundtableApi, type Roundtable } from './roundtable-api.js';

/** The background and guiding questions; the co-chairs edit them (a change is a new draft). */
export function DraftSection({
  roundtable,
  mayEdit,
  onSaved,
}: {
  roundtable: Roundtable;
  mayEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="page-heading">
        <h2 id={`${id}-title`}>{t('roundtable.draftTitle', { draft: roundtable.draft })}</h2>
        {mayEdit && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('roundtable.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <DraftForm
          roundtable={roundtable}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved();
          }}
        />
      ) : (
        <>
          <h3>{t('roundtable.background')}</h3>
          {roundtable.background ? (
            <p className="roundtable__prose">{roundtable.background}</p>
          ) : (
            <p className="muted">{t('roundtable.noBackground')}</p>
          )}
          <h3>{t('roundtable.questions')}</h3>
          {roundtable.guidingQuestions.length === 0 ? (
            <p className="muted">{t('roundtable.noQuestions')}</p>
          ) : (
            <ol>
              {roundtable.guidingQuestions.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function DraftForm({
  roundtable,
  onDone,
}: {
  roundtable: Roundtable;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [background, setBackground] = useState(roundtable.background);
  const [questions, setQuestions] = useState<string[]>(
    roundtable.guidingQuestions.length > 0 ? roundtable.guidingQuestions : [''],
  );
  const save = useAction(
    async () => {
      await roundtableApi.editDraft(roundtable.roundtableId, {
        background,
        guidingQuestions: questions.map((q) => q.trim()).filter((q) => q !== ''),
      });
      onDone(true);
    },
    () => t('roundtable.draftSaved'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <form className="form" onSubmit={submit}>
      {roundtable.signOffs.length > 0 && (
        <Notice tone="warning">{t('roundtable.editClearsSignOffs')}</Notice>
      )}
      <label className="field">
        <span className="field__label">{t('roundtable.background')}</span>
        <textarea
          rows={8}
          maxLength={20000}
          value={background}
          onChange={(e) => setBackground(e.target.value)}
          autoFocus
        />
      </label>
      <fieldset className="roundtable__questions">
        <legend>{t('roundtable.questions')}</legend>
        {questions.map((q, i) => (
          <div key={i} className="roundtable__question">
            <label className="field">
              <span className="field__label">{t('roundtable.questionN', { n: i + 1 })}</span>
              <input
                maxLength={1000}
                value={q}
                onChange={(e) =>
                  setQuestions((list) => list.map((x, j) => (j === i ? e.target.value : x)))
                }
              />
            </label>
            <button
              type="button"
              className="button button--small"
              aria-label={t('roundtable.removeQuestionN', { n: i + 1 })}
              onClick={() => setQuestions((list) => list.filter((_, j) => j !== i))}
            >
              {t('roundtable.removeQuestion')}
            </button>
          </div>
        ))}
        {questions.length < 20 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setQuestions((list) => [...list, ''])}
          >
            {t('roundtable.addQuestion')}
          </button>
        )}
      </fieldset>
      {save.error && <Notice tone="error">{save.error}</Notice>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {t('roundtable.saveDraft')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
