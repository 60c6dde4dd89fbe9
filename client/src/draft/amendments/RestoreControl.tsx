// The chair undoes a rejection or a merge: the amendment is pending again. The undoing is a
// recorded event with the chair's reason, so the form asks for the reason and then for
// confirmation. Used on the amendment card and on the chair's desk.
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import './sub-amendments.css';

export function RestoreControl({
  amendmentId,
  onRestored,
}: {
  amendmentId: string;
  onRestored: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const restore = useAction(
    async () => {
      await api.restoreAmendment(amendmentId, reason.trim());
      setOpen(false);
      setConfirming(false);
      setReason('');
      onRestored();
    },
    () => t('amendmentRestore.done'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) setConfirming(true);
    else void restore.run();
  };
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('amendmentRestore.open')}
      </button>
    );
  }
  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>{t('amendmentRestore.title')}</h5>
      <label className="field">
        <span className="field__label">{t('amendmentRestore.reason')}</span>
        <textarea
          dir="auto"
          rows={2}
          required
          maxLength={1000}
          value={reason}
          readOnly={confirming}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
        />
      </label>
      {confirming && <p role="alert">{t('amendmentRestore.confirmText')}</p>}
      {restore.error && <Notice tone="error">{restore.error}</Notice>}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!reason.trim() || restore.busy}
        >
          {confirming ? t('amendmentRestore.confirm') : t('amendmentRestore.next')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(false);
            setConfirming(false);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
