// The chair console, for the chair and the secretariat: every document of the negotiation with
// its state, its bracket burn-down, an export menu and the import of its next revision, the upload of
// a draft to import, and the way to the roundtables.
// The acts on one document's text (mode, gavel, revisions, adoption) stay in the draft's toolbar,
// where the chair sees the text they act on.
import { can } from '@accord/shared';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints.js';
import type { DocumentSummary } from '../api/types.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { BracketBurndown } from '../brackets/BracketBurndown.js';
import { Concordance } from './Concordance.js';
import { ChairDesk } from './desk/ChairDesk.js';
import { ScheduleControls } from '../segments/ScheduleControls.js';
import { Loading, LoadError, Notice } from '../ui/bits.js';
import { mayUseConsole } from './console-access.js';
import { ExportForm } from './ExportMenu.js';
import { ImportForm } from './ImportForm.js';
import { NextRevision } from './NextRevision.js';

const DOCUMENT_KINDS = new Set(['document', 'paragraph', 'amendment']);

export function ChairConsolePage() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const role = negotiation.you.role;
  const documents = useLiveResource(
    `documents:${negotiationId}`,
    () => api.documents(negotiationId),
    (n) => n.negotiationId === negotiationId && DOCUMENT_KINDS.has(n.kind),
  );
  if (!mayUseConsole(role)) return <Notice tone="info">{t('console.notAllowed')}</Notice>;
  return (
    <div className="console">
      <h1>{t('console.title')}</h1>
      {can(role, 'desk.read') && <ChairDesk negotiationId={negotiationId} />}
      {can(role, 'session.schedule') && (
        <ScheduleControls negotiationId={negotiationId} role={role} />
      )}
      <div className="console__grid">
        <section className="console__documents" aria-labelledby="console-documents">
          <h2 id="console-documents">{t('console.documents')}</h2>
          {documents.error !== undefined && !documents.data && (
            <LoadError error={documents.error} retry={documents.reload} />
          )}
          {!documents.data && documents.error === undefined && <Loading />}
          {documents.data?.length === 0 && <p className="muted">{t('home.noDocuments')}</p>}
          <ul className="cards">
            {documents.data?.map((d) => (
              <ConsoleDocument key={d.documentId} document={d} />
            ))}
          </ul>
        </section>
        <aside className="console__side">
          {can(role, 'document.create') && (
            <section className="card" aria-labelledby="console-import">
              <h2 id="console-import">{t('import.title')}</h2>
              <ImportForm negotiationId={negotiationId} onImported={documents.reload} />
            </section>
          )}
          <section className="card" aria-labelledby="console-roundtables">
            <h2 id="console-roundtables">{t('console.roundtables')}</h2>
            <p className="muted">{t('console.roundtablesHint')}</p>
            <Link className="button" to={paths.roundtables(negotiationId)}>
              {t('console.openRoundtables')}
            </Link>
          </section>
        </aside>
      </div>
    </div>
  );
}

function ConsoleDocument({ document }: { document: DocumentSummary }) {
  const { t, formatDateTime } = useI18n();
  const { negotiation } = useNegotiation();
  const id = useId();
  const [exporting, setExporting] = useState(false);
  const [revising, setRevising] = useState(false);
  const mayExport = can(negotiation.you.role, 'document.export');
  const mayRevise = can(negotiation.you.role, 'revision.issue') && !document.adopted;
  return (
    <li className="card document-card" aria-labelledby={`${id}-title`}>
      <p className="document-card__symbol">{document.symbol}</p>
      <h3 id={`${id}-title`} className="card__title">
        <Link to={paths.draft(negotiation.negotiationId, document.documentId)}>
          {document.title}
        </Link>
      </h3>
      <p>
        <span className={`badge badge--mode-${document.mode}`}>{t(`mode.${document.mode}`)}</span>{' '}
        {document.adoption
          ? t('document.adopted', {
              label: document.adoption.revisionLabel,
              date: formatDateTime(document.adoption.adoptedAt),
            })
          : document.latestRevision
            ? t('document.latestRevision', {
                label: document.latestRevision.label,
                date: formatDateTime(document.latestRevision.issuedAt),
              })
            : t('document.noRevision')}{' '}
        · {t('document.pending', { count: document.pendingAmendments })}
      </p>
      <section aria-label={t('burndown.title')}>
        <h4 className="document-card__subhead">{t('burndown.title')}</h4>
        <BracketBurndown documentId={document.documentId} />
      </section>
      <div className="form__actions">
        <Link
          className="button button--primary"
          to={paths.draft(negotiation.negotiationId, document.documentId)}
        >
          {t('console.openDraft')}
        </Link>
        {mayExport && (
          <button
            type="button"
            className="button"
            aria-expanded={exporting}
            onClick={() => setExporting((v) => !v)}
          >
            {t('export.open')}
          </button>
        )}
        {mayRevise && (
          <button
            type="button"
            className="button"
            aria-expanded={revising}
            onClick={() => setRevising((v) => !v)}
          >
            {t('nextRevision.open')}
          </button>
        )}
      </div>
      {exporting && <ConsoleExport document={document} />}
      {document.latestRevision && (
        <details className="concordance__details">
          <summary>{t('concordance.open', { revision: document.latestRevision.label })}</summary>
          <Concordance documentId={document.documentId} revision={document.latestRevision.label} />
        </details>
      )}
      {revising && <NextRevision documentId={document.documentId} />}
    </li>
  );
}

/** The revisions to offer are in the document's detail, loaded when the menu opens. */
function ConsoleExport({ document }: { document: DocumentSummary }) {
  const detail = useResource(`document:${document.documentId}`, () =>
    api.document(document.documentId),
  );
  if (detail.error !== undefined && !detail.data)
    return <LoadError error={detail.error} retry={detail.reload} />;
  if (!detail.data) return <Loading />;
  return (
    <div className="export-menu__panel export-menu__panel--inline">
      <ExportForm
        documentId={document.documentId}
        symbol={document.symbol}
        revisions={detail.data.revisions}
      />
    </div>
  );
}
