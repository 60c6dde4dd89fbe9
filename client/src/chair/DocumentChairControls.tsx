// The chair's acts on the whole document, in the draft's toolbar: switch between open drafting
// and formal mode, issue the next revision in one click ("Issue Rev 2"), adopt the latest
// revision, and export the text (which stays available once the document is adopted). Issuing
// and adopting each show a summary first (chair/desk/ActSummary.tsx); Adopt stands apart, last.
import { can, documentModes, type DocumentMode } from '@accord/shared';
import { useId, useState } from 'react';
import { api } from '../api/endpoints.js';
import { paths } from '../app/paths.js';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useToasts } from '../ui/toasts.js';
import { useAction } from '../ui/useAction.js';
import { ActSummary, type ActFacts } from './desk/ActSummary.js';
import { ExportMenu } from './ExportMenu.js';

export function DocumentChairControls() {
  const { t } = useI18n();
  const toasts = useToasts();
  const { document, role, reloadDocument, amendments, brackets } = useDraft();
  const id = useId();
  const [confirming, setConfirming] = useState<'issue' | 'adopt' | null>(null);
  const mode = useAction(async (next: DocumentMode) => {
    await api.changeMode(document.documentId, next);
    reloadDocument();
    toasts.show(t('chair.modeChanged', { mode: t(`mode.${next}`) }), { tone: 'success' });
  });
  const revision = useAction(async () => {
    const issued = await api.issueRevision(document.documentId);
    reloadDocument();
    toasts.show(t('chair.revisionIssued', { label: issued.label }), { tone: 'success' });
    setConfirming(null);
  });
  const latest = document.latestRevision;
  const adopt = useAction(
    async (label: string) => {
      await api.adoptDocument(document.documentId, label);
      setConfirming(null);
      reloadDocument();
    },
    () => t('adopt.done', { label: latest?.label ?? '' }),
  );
  const agreed = document.paragraphStatuses.filter((s) => s.status === 'agreed-ad-ref').length;
  const facts: ActFacts = {
    openBrackets: brackets?.counts.total.brackets ?? 0,
    openOptionSets: brackets?.counts.total.optionSets ?? 0,
    pendingAmendments: amendments.filter((a) => a.status === 'pending').length,
    notAgreed: {
      count: Math.max(0, document.paragraphs.length - agreed),
      of: document.paragraphs.length,
    },
  };
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
          aria-expanded={confirming === 'issue'}
          onClick={() => setConfirming('issue')}
        >
          {revision.busy
            ? t('chair.issuing')
            : t('chair.issueRevision', { label: document.nextRevisionLabel })}
        </button>
      )}
      <a
        className="button"
        href={paths.projector(document.negotiationId, document.documentId)}
        target="_blank"
        rel="noopener"
      >
        {t('projector.open')}
      </a>
      {exportMenu}
      {can(role, 'document.adopt') && latest && (
        <button
          type="button"
          className="button chair-toolbar__apart"
          disabled={adopt.busy}
          title={t('adopt.explain')}
          aria-expanded={confirming === 'adopt'}
          onClick={() => setConfirming('adopt')}
        >
          {t('adopt.button', { label: latest.label })}
        </button>
      )}
      {confirming === 'issue' && (
        <ActSummary
          act="issue"
          label={document.nextRevisionLabel}
          title={document.title}
          facts={facts}
          busy={revision.busy}
          onConfirm={() => void revision.run()}
          onCancel={() => setConfirming(null)}
        />
      )}
      {confirming === 'adopt' && latest && (
        <ActSummary
          act="adopt"
          label={latest.label}
          title={document.title}
          facts={facts}
          busy={adopt.busy}
          onConfirm={() => void adopt.run(latest.label)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
