// Tabling an amendment: the kind (insert, delete or replace the selected words; add a paragraph
// after this one; delete this paragraph), the proposed words and a rationale, with a preview.
// The selection is held as Yjs relative positions, so others' typing meanwhile does not shift it.
import type { AmendmentKind, ParagraphKind } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import { UserFacingError } from '../../api/errors.js';
import { useNegotiation } from '../../app/negotiation-context.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import { resolveRange, trackRange } from '../anchors.js';
import { useDraft } from '../draft-context.js';
import { RationaleField, WordsField } from './AmendmentFields.js';

export interface AmendmentTarget {
  paragraphId: string;
  label: string;
  paragraphKind: ParagraphKind;
  start: number;
  end: number;
  /** The selected words (empty for an insertion point or a paragraph-level amendment). */
  text: string;
}

/** The kinds that fit what was selected. */
export function kindsFor(target: AmendmentTarget, paragraphLevel: boolean): AmendmentKind[] {
  if (paragraphLevel) return ['add-paragraph', 'delete-paragraph'];
  return target.end > target.start ? ['replace', 'delete'] : ['insert'];
}

export function AmendmentForm({
  target,
  initialKind,
  onDone,
}: {
  target: AmendmentTarget;
  initialKind: AmendmentKind;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { document, ydoc, reloadAmendments, setActiveId, role } = useDraft();
  const { mine } = useNegotiation();
  const id = useId();
  const paragraphLevel = initialKind === 'add-paragraph' || initialKind === 'delete-paragraph';
  const kinds = kindsFor(target, paragraphLevel);
  const [kind, setKind] = useState<AmendmentKind>(initialKind);
  const [proposed, setProposed] = useState(initialKind === 'replace' ? target.text : '');
  const [rationale, setRationale] = useState('');
  const [tracked] = useState(() =>
    paragraphLevel ? null : trackRange(ydoc, target.paragraphId, target.start, target.end),
  );
  const [gone, setGone] = useState(false);
  const needsWords = kind !== 'delete' && kind !== 'delete-paragraph';

  const table = useAction(
    async () => {
      let range: { start: number; end: number } | undefined;
      if (!paragraphLevel) {
        const now = tracked ? resolveRange(ydoc, tracked) : null;
        if (
          !now ||
          now.paragraphId !== target.paragraphId ||
          (kind !== 'insert' && now.end === now.start)
        ) {
          setGone(true);
          throw new UserFacingError(t('amendmentForm.wordsGone'));
        }
        range =
          kind === 'insert'
            ? { start: now.start, end: now.start }
            : { start: now.start, end: now.end };
      }
      const created = await api.tableAmendment(document.documentId, {
        paragraphId: target.paragraphId,
        kind,
        ...(range ? { range } : {}),
        ...(needsWords ? { proposedText: proposed } : {}),
        ...(kind === 'add-paragraph'
          ? {
              paragraphKind:
                target.paragraphKind === 'heading' ? 'operative' : target.paragraphKind,
            }
          : {}),
        rationale: rationale.trim(),
      });
      reloadAmendments();
      setActiveId(created.amendmentId);
      onDone();
    },
    () => t('amendmentForm.tabled', { label: target.label }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void table.run();
  };

  return (
    <form className="form amendment-form card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('amendmentForm.title', { label: target.label })}</h3>
      <p className="muted">{t('amendmentForm.onBehalf', { stakeholder: mine?.name ?? '' })}</p>
      {role === 'chair' && <p className="muted">{t('amendmentForm.asCompromise')}</p>}
      {gone && <Notice tone="warning">{t('amendmentForm.wordsGone')}</Notice>}
      {kinds.length > 1 && (
        <fieldset className="radio-row">
          <legend>{t('amendmentForm.kind')}</legend>
          {kinds.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`amendmentKind.${k}`)}
            </label>
          ))}
        </fieldset>
      )}
      {target.text && (
        <div className="field">
          <span className="field__label">
            {kind === 'insert' ? t('amendmentForm.after') : t('amendmentForm.original')}
          </span>
          <p className="quote">{target.text}</p>
        </div>
      )}
      {needsWords && (
        <WordsField
          name="proposedText"
          label={
            kind === 'add-paragraph' ? t('amendmentForm.newParagraph') : t('amendmentForm.proposed')
          }
          value={proposed}
          onChange={setProposed}
        />
      )}
      <RationaleField name="rationale" rows={3} value={rationale} onChange={setRationale} />
      {(kind === 'replace' || kind === 'delete') && target.text && (
        <div className="field">
          <span className="field__label">{t('amendmentForm.preview')}</span>
          <p className="suggestion">
            <del className="suggestion__del">{target.text}</del>{' '}
            {kind === 'replace' && proposed && <ins className="suggestion__ins">{proposed}</ins>}
          </p>
        </div>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={table.busy || (needsWords && !proposed.trim())}
        >
          {table.busy ? t('amendmentForm.submitting') : t('amendmentForm.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
