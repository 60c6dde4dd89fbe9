// The chair merges an amendment into a chair's compromise: pick the compromise (those on the same
// paragraph first) and confirm. Without a pending compromise, say how to table one.
import { useId, useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { Amendment } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import { useDraft } from '../draft-context.js';
import { excerpt, mergeCandidates } from './merge.js';

export function MergeControl({ amendment, onDone }: { amendment: Amendment; onDone: () => void }) {
  const { t } = useI18n();
  const { amendments, document, reloadAmendments, reloadDocument, setActiveId } = useDraft();
  const id = useId();
  const candidates = mergeCandidates(amendment, amendments);
  const [chosen, setChosen] = useState(candidates[0]?.amendmentId ?? '');
  const labels = new Map(document.paragraphs.map((p) => [p.id, p.label]));
  const into = candidates.find((c) => c.amendmentId === chosen) ?? candidates[0];
  const merge = useAction(
    async () => {
      if (!into) return;
      await api.merge(amendment.amendmentId, into.amendmentId);
      reloadAmendments();
      reloadDocument();
      setActiveId(into.amendmentId);
      onDone();
    },
    () => t('amendmentMerge.done'),
  );
  if (!into) return <Notice tone="info">{t('amendmentMerge.noCompromise')}</Notice>;
  return (
    <form
      className="form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void merge.run();
      }}
    >
      <h5 id={`${id}-title`}>{t('amendmentMerge.title')}</h5>
      <label className="field">
        <span className="field__label">{t('amendmentMerge.into')}</span>
        <select value={into.amendmentId} onChange={(e) => setChosen(e.target.value)} autoFocus>
          {candidates.map((c) => (
            <option key={c.amendmentId} value={c.amendmentId}>
              {t('amendmentMerge.option', {
                label: labels.get(c.paragraphId) ?? t('panel.heading'),
                words: excerpt(c),
              })}
            </option>
          ))}
        </select>
      </label>
      {merge.error && <Notice tone="error">{merge.error}</Notice>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={merge.busy}>
          {t('amendmentMerge.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
