// The paragraph's brackets and options in the side panel: each open bracket with who placed it,
// when and why, each open option set with its alternatives, and the acts the user's role allows —
// bracket the selected words, remove a bracket or delete its words (the delegation that placed it,
// or the chair), offer an alternative, and, for the chair, choose an option. The permission matrix
// only hides buttons here; the server decides, and its refusals are shown as for other acts.
import { can, type BracketView, type OptionSetView, type ParagraphStatus } from '@accord/shared';
import { useState, type FormEvent } from 'react';
import { useNegotiation } from '../../app/negotiation-context.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import { useDraft } from '../draft-context.js';
import type { SelectionInfo } from '../editor/selection.js';
import type { OutlineEntry } from '../outline.js';
import { bracketsApi } from './bracketsApi.js';

type Form = { kind: 'bracket' } | { kind: 'inline-option' } | { kind: 'paragraph-option' } | null;

export function BracketsSection({
  paragraph,
  status,
  selection,
}: {
  paragraph: OutlineEntry;
  status: ParagraphStatus;
  /** The selection when it lies in this paragraph. */
  selection: SelectionInfo | null;
}) {
  const { t } = useI18n();
  const { document, role, brackets, reloadBrackets } = useDraft();
  const [form, setForm] = useState<Form>(null);
  if (!brackets) return null;
  const { documentId, mode } = document;
  const locked = status === 'agreed-ad-ref';
  const active = !locked && !document.adopted;
  const mayPlace = active && can(role, 'bracket.place', mode);
  const mayPropose = active && can(role, 'option.propose', mode);
  const own = brackets.brackets.filter((b) => b.paragraphId === paragraph.id);
  const sets = brackets.optionSets.filter(
    (s) =>
      !s.chosen &&
      (s.paragraphId === paragraph.id || s.options.some((o) => o.paragraphId === paragraph.id)),
  );
  const words = selection && selection.text && !selection.acrossParagraphs ? selection : null;
  const done = () => {
    setForm(null);
    reloadBrackets?.();
  };

  return (
    <section className="brackets-section" aria-labelledby={`brackets-${paragraph.id}`}>
      <h3 id={`brackets-${paragraph.id}`} className="brackets-section__title">
        {t('brackets.title')}
      </h3>
      {locked && <p className="muted">{t('brackets.locked')}</p>}
      {own.length === 0 && sets.length === 0 && <p className="muted">{t('brackets.none')}</p>}
      {own.length > 0 && (
        <ul className="brackets-section__list">
          {own.map((b) => (
            <BracketItem key={b.bracketId} bracket={b} active={active} onDone={done} />
          ))}
        </ul>
      )}
      {sets.map((s) => (
        <OptionSetItem key={s.optionSetId} set={s} active={active} onDone={done} />
      ))}
      {form === null && (
        <div className="form__actions">
          {mayPlace && words && (
            <button type="button" className="button" onClick={() => setForm({ kind: 'bracket' })}>
              {t('brackets.bracket')}
            </button>
          )}
          {mayPropose && words && (
            <button
              type="button"
              className="button"
              onClick={() => setForm({ kind: 'inline-option' })}
            >
              {t('brackets.offerWords')}
            </button>
          )}
          {mayPropose && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setForm({ kind: 'paragraph-option' })}
            >
              {t('brackets.offerParagraph')}
            </button>
          )}
        </div>
      )}
      {form?.kind === 'bracket' && words && (
        <BracketForm
          documentId={documentId}
          paragraphId={paragraph.id}
          selection={words}
          onDone={done}
          onCancel={() => setForm(null)}
        />
      )}
      {form?.kind === 'inline-option' && words && (
        <AlternativeForm
          title={t('brackets.offerWordsFor', { quote: words.text })}
          allowNoText={false}
          submit={(alternative) =>
            bracketsApi.openOptionSet(documentId, {
              scope: 'inline',
              paragraphId: paragraph.id,
              span: { start: words.start, end: words.end },
              ...alternative,
            })
          }
          onDone={done}
          onCancel={() => setForm(null)}
        />
      )}
      {form?.kind === 'paragraph-option' && (
        <AlternativeForm
          title={t('brackets.offerParagraphFor', { label: paragraph.label ?? '' })}
          allowNoText
          submit={(alternative) =>
            bracketsApi.openOptionSet(documentId, {
              scope: 'paragraphs',
              paragraphId: paragraph.id,
              ...alternative,
            })
          }
          onDone={done}
          onCancel={() => setForm(null)}
        />
      )}
    </section>
  );
}

/** "MRU · 3 Dec 2026, 10:15" for a party and a time. */
function useWhoWhen() {
  const { formatDateTime } = useI18n();
  const { stakeholders } = useNegotiation();
  return (stakeholderId: string, at: string) => {
    const who = stakeholders.get(stakeholderId);
    return `${who?.shortCode ?? who?.name ?? '?'} · ${formatDateTime(at)}`;
  };
}

function BracketItem({
  bracket,
  active,
  onDone,
}: {
  bracket: BracketView;
  active: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { document, role, you } = useDraft();
  const whoWhen = useWhoWhen();
  const remove = useAction(
    () => bracketsApi.remove(document.documentId, bracket.bracketId).then(onDone),
    () => t('brackets.removed'),
  );
  const deleteWords = useAction(
    () => bracketsApi.deleteWords(document.documentId, bracket.bracketId).then(onDone),
    () => t('brackets.wordsDeleted'),
  );
  // The decider's rule: the delegation that placed it, or the chair.
  const mayRemove =
    active &&
    can(role, 'bracket.remove', document.mode) &&
    (role === 'chair' || you.stakeholderId === bracket.placedBy.stakeholderId);
  return (
    <li className="bracket-item" data-bracket-id={bracket.bracketId}>
      <p className="bracket-item__words">[{bracket.words}]</p>
      <p className="bracket-item__meta">
        {t('brackets.placedBy', {
          who: whoWhen(bracket.placedBy.stakeholderId, bracket.placedAt),
        })}
        {bracket.note && <> — {bracket.note}</>}
      </p>
      {mayRemove && (
        <div className="form__actions">
          <button
            type="button"
            className="button button--small"
            disabled={remove.busy}
            onClick={() => void remove.run()}
          >
            {t('brackets.remove')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            disabled={deleteWords.busy || bracket.words === ''}
            onClick={() => void deleteWords.run()}
          >
            {t('brackets.deleteWords')}
          </button>
        </div>
      )}
      {remove.error && <Notice tone="error">{remove.error}</Notice>}
      {deleteWords.error && <Notice tone="error">{deleteWords.error}</Notice>}
    </li>
  );
}

function OptionSetItem({
  set,
  active,
  onDone,
}: {
  set: OptionSetView;
  active: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { document, role } = useDraft();
  const whoWhen = useWhoWhen();
  const [adding, setAdding] = useState(false);
  const choose = useAction(
    (optionId: string) => bracketsApi.choose(document.documentId, set.optionSetId, optionId),
    () => t('brackets.chosen'),
  );
  const mayChoose = active && can(role, 'option.choose', document.mode);
  const mayPropose = active && can(role, 'option.propose', document.mode);
  return (
    <div className="option-set" data-option-set-id={set.optionSetId}>
      <p className="option-set__title">
        {t(set.scope === 'inline' ? 'brackets.inlineOptions' : 'brackets.paragraphOptions')}
      </p>
      <ol className="option-set__list">
        {set.options.map((o) => (
          <li key={o.optionId} className="option-set__option">
            <strong>{o.label}</strong>{' '}
            {o.noText ? <em>{t('brackets.noText')}</em> : <span>{o.words}</span>}
            <span className="option-set__meta">
              {' '}
              ({whoWhen(o.proposedBy.stakeholderId, o.proposedAt)})
            </span>
            {mayChoose && (
              <button
                type="button"
                className="button button--small"
                disabled={choose.busy}
                aria-label={t('brackets.chooseLabel', { label: o.label })}
                onClick={() => void choose.run(o.optionId).then((ok) => ok && onDone())}
              >
                {t('brackets.choose')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {choose.error && <Notice tone="error">{choose.error}</Notice>}
      {mayPropose && !adding && (
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          {t('brackets.addOption')}
        </button>
      )}
      {adding && (
        <AlternativeForm
          title={t('brackets.addOption')}
          allowNoText={set.scope === 'paragraphs'}
          submit={(alternative) =>
            bracketsApi.addOption(document.documentId, set.optionSetId, alternative)
          }
          onDone={() => {
            setAdding(false);
            onDone();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </div>
  );
}

function BracketForm({
  documentId,
  paragraphId,
  selection,
  onDone,
  onCancel,
}: {
  documentId: string;
  paragraphId: string;
  selection: SelectionInfo;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const place = useAction(
    () =>
      bracketsApi.place(documentId, {
        paragraphId,
        start: selection.start,
        end: selection.end,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    () => t('brackets.placed'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void place.run().then((ok) => ok && onDone());
  };
  return (
    <form className="form card" onSubmit={submit}>
      <p className="quote">{t('selection.quote', { text: selection.text })}</p>
      <label className="field">
        <span className="field__label">
          {t('brackets.note')} ({t('common.optional')})
        </span>
        <input
          type="text"
          maxLength={500}
          value={note}
          placeholder={t('brackets.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {place.error && <Notice tone="error">{place.error}</Notice>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={place.busy}>
          {t('brackets.bracket')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function AlternativeForm({
  title,
  allowNoText,
  submit: send,
  onDone,
  onCancel,
}: {
  title: string;
  allowNoText: boolean;
  submit: (alternative: { words: string; noText: boolean }) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [words, setWords] = useState('');
  const [noText, setNoText] = useState(false);
  const propose = useAction(
    () => send({ words: noText ? '' : words.trim(), noText }),
    () => t('brackets.optionAdded'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void propose.run().then((ok) => ok && onDone());
  };
  return (
    <form className="form card" onSubmit={submit}>
      <p className="quote">{title}</p>
      <label className="field">
        <span className="field__label">{t('brackets.alternative')}</span>
        <textarea
          rows={3}
          maxLength={20000}
          value={words}
          disabled={noText}
          onChange={(e) => setWords(e.target.value)}
        />
      </label>
      {allowNoText && (
        <label className="checkbox">
          <input type="checkbox" checked={noText} onChange={(e) => setNoText(e.target.checked)} />
          {t('brackets.noText')}
        </label>
      )}
      {propose.error && <Notice tone="error">{propose.error}</Notice>}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={propose.busy || (!noText && !words.trim())}
        >
          {t('brackets.propose')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
