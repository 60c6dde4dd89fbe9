// The chair's acts on one paragraph: agree it ad ref (the gavel, which locks its words), or
// reopen it with a reason everyone sees. Brackets are not set here: a paragraph is bracketed
// while it holds open brackets or options, and agreeing it needs them gone first.
import { can, type ParagraphStatus } from '@accord/shared';
import { useId, useState } from 'react';
import { api } from '../api/endpoints.js';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';

export function ParagraphStatusControls({
  paragraphId,
  label,
  status,
}: {
  paragraphId: string;
  label: string;
  status: ParagraphStatus;
}) {
  const { t } = useI18n();
  const { document, role, reloadDocument } = useDraft();
  const reasonId = useId();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const set = useAction(async (next: 'agreed-ad-ref' | 'open', why?: string) => {
    await api.setParagraphStatus(document.documentId, paragraphId, next, why);
    setReopening(false);
    setReason('');
    reloadDocument();
  });
  if (!can(role, 'paragraph.setStatus') || document.adopted) return null;
  if (status !== 'agreed-ad-ref') {
    const bracketed = status === 'bracketed';
    return (
      <div className="chair-controls" role="group" aria-label={t('chair.console')}>
        <button
          type="button"
          className="button button--accept"
          disabled={set.busy || bracketed}
          aria-describedby={bracketed ? `${reasonId}-hint` : undefined}
          onClick={() => void set.run('agreed-ad-ref').then(() => undefined)}
          title={t('chair.statusSet', { label, status: t('status.agreed-ad-ref') })}
        >
          {t('chair.gavel')}
        </button>
        {bracketed && (
          <p id={`${reasonId}-hint`} className="muted">
            {t('chair.gavelNeedsNoBrackets')}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="chair-controls" role="group" aria-label={t('chair.console')}>
      {!reopening ? (
        <button type="button" className="button" onClick={() => setReopening(true)}>
          {t('chair.reopen')}
        </button>
      ) : (
        <form
          className="chair-controls__reopen"
          onSubmit={(e) => {
            e.preventDefault();
            void set.run('open', reason.trim()).then(() => undefined);
          }}
        >
          <label htmlFor={reasonId}>{t('chair.reopenReason')}</label>
          <input
            id={reasonId}
            value={reason}
            required
            maxLength={500}
            dir="auto"
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button" disabled={set.busy || reason.trim() === ''}>
            {t('chair.reopenConfirm', { label })}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setReopening(false)}
          >
            {t('common.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
