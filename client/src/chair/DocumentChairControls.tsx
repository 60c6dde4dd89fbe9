// The chair's acts on the whole document, in the draft's toolbar: switch between open drafting
// and formal mode, and issue the next revision in one click ("Issue Rev 2").
import { can, documentModes, type DocumentMode } from '@accord/shared';
import { useId } from 'react';
import { api } from '../api/endpoints.js';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useToasts } from '../ui/toasts.js';
import { useAction } from '../ui/useAction.js';

export function DocumentChairControls() {
  const { t } = useI18n();
  const toasts = useToasts();
  const { document, role, reloadDocument } = useDraft();
  const id = useId();
  const mode = useAction(async (next: DocumentMode) => {
    await api.changeMode(document.documentId, next);
    reloadDocument();
    toasts.show(t('chair.modeChanged', { mode: t(`mode.${next}`) }), { tone: 'success' });
  });
  const revision = useAction(async () => {
    const issued = await api.issueRevision(document.documentId);
    reloadDocument();
    toasts.show(t('chair.revisionIssued', { label: issued.label }), { tone: 'success' });
  });
  if (document.adopted) return null;
  return (
    <div className="chair-toolbar" role="group" aria-label={t('chair.console')}>
      {can(role, 'document.changeMode') && (
        <label className="inline-field">
          <span>{t('chair.mode')}</span>
          <select
            id={`${id}-mode`}
            value={document.mode}
            disabled={mode.busy}
            onChange={(e) => void mode.run(e.target.value as DocumentMode)}
          >
            {documentModes.map((m) => (
              <option key={m} value={m}>
                {t(`mode.${m}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {can(role, 'revision.issue') && (
        <button
          type="button"
          className="button button--primary"
          disabled={revision.busy}
          onClick={() => void revision.run()}
        >
          {revision.busy
            ? t('chair.issuing')
            : t('chair.issueRevision', { label: document.nextRevisionLabel })}
        </button>
      )}
    </div>
  );
}
