// The sponsor revises a pending amendment: new words (where the kind has words) and rationale.
// Every revision is kept in the record; the others see the changed suggestion in place.
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import type { Amendment } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import { useDraft } from '../draft-context.js';
import { RationaleField, WordsField } from './AmendmentFields.js';

/** Deletions have no words of their own: only their rationale can be revised. */
export const hasWords = (kind: Amendment['kind']): boolean =>
  kind !== 'delete' && kind !== 'delete-paragraph';

export function AmendmentReviseForm({
  amendment,
  onDone,
}: {
  amendment: Amendment;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { reloadAmendments, reloadDocument } = useDraft();
  const id = useId();
  const words = hasWords(amendment.kind);
  const [proposed, setProposed] = useState(amendment.proposal.proposedText);
  const [rationale, setRationale] = useState(amendment.rationale);
  const unchanged =
    proposed === amendment.proposal.proposedText && rationale.trim() === amendment.rationale;
  const revise = useAction(
    async () => {
      await api.reviseAmendment(amendment.amendmentId, {
        proposedText: words ? proposed : '',
        rationale: rationale.trim(),
      });
      reloadAmendments();
      reloadDocument();
      onDone();
    },
    () => t('amendmentRevise.done'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void revise.run();
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>{t('amendmentRevise.title')}</h5>
      {words && (
        <WordsField label={t('amendmentRevise.proposed')} value={proposed} onChange={setProposed} />
      )}
      <RationaleField value={rationale} onChange={setRationale} autoFocus={!words} />
      {revise.error && <Notice tone="error">{revise.error}</Notice>}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={revise.busy || unchanged || (words && !proposed.trim())}
        >
          {t('amendmentRevise.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
