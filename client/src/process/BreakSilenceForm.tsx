// A delegation breaks silence: a written statement is required, and it is sent in the
// delegation's name once the member confirms (breaking silence blocks adoption for everyone).
import type { SilenceView } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';
import { processApi } from './processApi.js';

export function BreakSilenceForm({ silence }: { silence: SilenceView }) {
  const { t } = useI18n();
  const { document } = useDraft();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [statement, setStatement] = useState('');
  const send = useAction(
    async () => {
      await processApi.breakSilence(document.documentId, silence.silenceId, statement.trim());
      setStatement('');
      setOpen(false);
    },
    () => t('process.break.done'),
  );
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('process.break.open')}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (statement.trim().length === 0) return;
    if (!window.confirm(t('process.break.confirm'))) return;
    void send.run();
  };
  return (
    <form className="process-form" onSubmit={submit}>
      <label htmlFor={`${id}-statement`}>{t('process.break.statement')}</label>
      <textarea
        id={`${id}-statement`}
        required
        maxLength={4000}
        rows={3}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
      />
      <div className="process-form__actions">
        <button
          type="submit"
          className="button button--danger"
          disabled={send.busy || statement.trim().length === 0}
        >
          {send.busy ? t('process.break.sending') : t('process.break.submit')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
