// Table a sub-amendment: other words for a pending amendment's proposed words. The kind and the
// range are the parent's; the chair decides the sub-amendment first, and if accepted its words
// become the parent's proposal.
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import type { Amendment } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import { useDraft } from '../draft-context.js';
import { RationaleField, WordsField } from './AmendmentFields.js';

export function SubAmendmentForm({ parent, onDone }: { parent: Amendment; onDone: () => void }) {
  const { t } = useI18n();
  const { reloadAmendments } = useDraft();
  const id = useId();
  const [proposed, setProposed] = useState(parent.proposal.proposedText);
  const [rationale, setRationale] = useState('');
  const table = useAction(
    async () => {
      await api.tableAmendment(parent.documentId, {
        paragraphId: parent.paragraphId,
        kind: parent.kind,
        parentAmendmentId: parent.amendmentId,
        proposedText: proposed,
        rationale: rationale.trim(),
      });
      reloadAmendments();
      onDone();
    },
    () => t('subAmendment.tabled'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void table.run();
  };
  const unchanged = proposed.trim() === parent.proposal.proposedText.trim();
  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>{t('subAmendment.title')}</h5>
      <p className="muted">{t('subAmendment.hint')}</p>
      <WordsField label={t('subAmendment.proposed')} value={proposed} onChange={setProposed} />
      <RationaleField value={rationale} onChange={setRationale} />
      {table.error && <Notice tone="error">{table.error}</Notice>}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={table.busy || unchanged || !proposed.trim()}
        >
          {t('subAmendment.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
