// Concluding a roundtable with its summary (chair or secretariat); its papers stay downloadable.
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { roundtableApi, type Roundtable } from './roundtable-api.js';

export function ConcludeSection({
  roundtable,
  onConcluded,
}: {
  roundtable: Roundtable;
  onConcluded: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [summary, setSummary] = useState('');
  const conclude = useAction(
    async () => {
      await roundtableApi.conclude(roundtable.roundtableId, summary.trim());
      onConcluded();
    },
    () => t('roundtable.concluded'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (window.confirm(t('roundtable.concludeConfirm', { theme: roundtable.theme })))
      void conclude.run();
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('roundtable.conclude')}</h2>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span className="field__label">{t('roundtable.summary')}</span>
          <textarea
            rows={5}
            required
            maxLength={20000}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </label>
        {conclude.error && <Notice tone="error">{conclude.error}</Notice>}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--danger"
            disabled={!summary.trim() || conclude.busy}
          >
            {t('roundtable.concludeSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
