// The chair's acts on the whole document, in the draft's toolbar: switch between open drafting
// and formal mode, issue the next revision in one click ("Issue Rev 2"), adopt the latest
// revision, and export the text (which stays available once the document is adopted).
import { can, documentModes, type DocumentMode } from '@accord/shared';
import { useId } from 'react';
import { api } from '../api/endpoints.js';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useToasts } from '../ui/toasts.js';
import { useAction } from '../ui/useAction.js';
import { ExportMenu } from './ExportMenu.js';

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
  const latest = document.latestRevision;
  const adopt = useAction(
    async (label: string) => {
      await api.adoptDocument(document.documentId, label);
      reloadDocument();
    },
    () => t('adopt.done', { label: latest?.label ?? '' }),
  );
  const exportable = can(role, 'document.export');
  const exportMenu = exportable && (
    <ExportMenu
      documentId={document.documentId}
      symbol={document.symbol}
      revisions={document.revisions}
    />
  );
  // Anyone may export what they read; the chair's own acts end with the adoption.
  const chairActs =
    can(role, 'document.changeMode') || can(role, 'revision.issue') || can(role, 'document.adopt');
  if (document.adopted || !chairActs) {
    return exportMenu ? <div className="chair-toolbar">{exportMenu}</div> : null;
  }
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
      {can(role, 'document.adopt') && latest && (
        <button
          type="button"
          className="button"
          disabled={adopt.busy}
          title={t('adopt.explain')}
          onClick={() => {
            if (window.confirm(t('adopt.confirm', { label: latest.label, title: document.title })))
              void adopt.run(latest.label);
          }}
        >
          {t('adopt.button', { label: latest.label })}
        </button>
      )}
      {exportMenu}
    </div>
  );
}
