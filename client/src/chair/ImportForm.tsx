// Upload a draft (Word or Markdown) to become a new document: first a dry run that shows what was
// recognised (how many headings, PPs, OPs and sub-paragraphs, and every warning), then the import
// itself. Changing the file or the fields asks for a new check, so what is imported is what was
// reviewed.
import { documentModes, isImportWarning, paragraphKinds, type DocumentMode } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { importDraft, type ImportAnswer, type ImportReport } from './imports.js';

/** 10 MB: the server refuses larger files too; saying so before uploading saves the wait. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function ImportForm({
  negotiationId,
  onImported,
}: {
  negotiationId: string;
  onImported?: (documentId: string) => void;
}) {
  const { t, formatList } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [symbol, setSymbol] = useState('');
  const [mode, setMode] = useState<DocumentMode>('formal');
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportAnswer | null>(null);
  const tooBig = file !== null && file.size > MAX_IMPORT_BYTES;

  const changed = () => {
    setChecked(null);
    setImported(null);
  };
  const request = (dryRun: boolean) => ({ title, symbol, mode, dryRun });
  const check = useAction(async () => {
    if (!file) return;
    setImported(null);
    setChecked((await importDraft(negotiationId, file, request(true))).report);
  });
  const run = useAction(
    async () => {
      if (!file) return;
      const answer = await importDraft(negotiationId, file, request(false));
      setImported(answer);
      setChecked(null);
      if (answer.documentId) onImported?.(answer.documentId);
    },
    () => t('import.done'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void (checked ? run.run() : check.run());
  };
  const error = run.error ?? check.error;
  // The server takes the draft's own title and symbol when none is typed; without either, say so
  // before the import is refused for it.
  const missing = checked
    ? [
        !title.trim() && !checked.found.title ? t('import.docTitle') : null,
        !symbol.trim() && !checked.found.symbol ? t('import.symbol') : null,
      ].filter((x): x is string => x !== null)
    : [];

  return (
    <form className="form import-form" onSubmit={submit} aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted">
        {t('import.intro')}
      </p>
      <label className="field">
        <span className="field__label">{t('import.file')}</span>
        <input
          type="file"
          accept=".docx,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            changed();
          }}
        />
      </label>
      {tooBig && <Notice tone="error">{t('import.tooBig')}</Notice>}
      <label className="field">
        <span className="field__label">{t('import.docTitle')}</span>
        <input
          maxLength={300}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            changed();
          }}
          aria-describedby={`${id}-found`}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('import.symbol')}</span>
        <input
          maxLength={80}
          value={symbol}
          onChange={(e) => {
            setSymbol(e.target.value);
            changed();
          }}
          aria-describedby={`${id}-found`}
        />
      </label>
      <p id={`${id}-found`} className="field__hint">
        {t('import.fromDraftHint')}
      </p>
      <label className="field">
        <span className="field__label">{t('import.mode')}</span>
        <select
          value={mode}
          onChange={(e) => {
            setMode(e.target.value as DocumentMode);
            changed();
          }}
        >
          {documentModes.map((m) => (
            <option key={m} value={m}>
              {t(`mode.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {error && <Notice tone="error">{error}</Notice>}
      {checked && <ImportReportView report={checked} />}
      {missing.length > 0 && (
        <Notice tone="warning">{t('import.missing', { fields: formatList(missing) })}</Notice>
      )}
      {imported?.documentId && (
        <Notice tone="info">
          <p role="status">
            {t('import.created', { count: imported.report.counts.total })}{' '}
            <Link to={paths.draft(negotiationId, imported.documentId)}>{t('import.openNew')}</Link>
          </p>
        </Notice>
      )}
      <div className="form__actions">
        {checked ? (
          <>
            <button
              type="submit"
              className="button button--primary"
              disabled={run.busy || missing.length > 0}
            >
              {run.busy ? t('import.importing') : t('import.run')}
            </button>
            <button type="button" className="button" onClick={changed}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button
            type="submit"
            className="button button--primary"
            disabled={!file || tooBig || check.busy}
          >
            {check.busy ? t('import.checking') : t('import.check')}
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * What the dry run recognised: counts per kind, the warnings (what to look into), what it
 * recognised (brackets, options, sections, footnotes), and each paragraph's evidence.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const id = useId();
  const warnings = report.warnings.filter((w) => isImportWarning(w.code));
  const recognised = report.warnings.filter((w) => !isImportWarning(w.code));
  return (
    <section className="import-report" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('import.reportTitle')}</h3>
      <p>
        {t(report.format === 'docx' ? 'import.format.docx' : 'import.format.markdown')}
        {report.found.title && ` · ${t('import.foundTitle', { title: report.found.title })}`}
        {report.found.symbol && ` · ${t('import.foundSymbol', { symbol: report.found.symbol })}`}
      </p>
      <ul className="stat-list" aria-label={t('import.counts')}>
        {paragraphKinds.map((kind) => (
          <li key={kind} className="stat">
            {t(`import.count.${kind}`, { count: report.counts[kind] })}
          </li>
        ))}
        <li className="stat">
          <strong>{t('import.count.total', { count: report.counts.total })}</strong>
        </li>
      </ul>
      {warnings.length === 0 ? (
        <p className="muted">{t('import.noWarnings')}</p>
      ) : (
        <>
          <h4>{t('import.warnings', { count: warnings.length })}</h4>
          <ReportEntries report={report} entries={warnings} className="import-report__warnings" />
        </>
      )}
      {recognised.length > 0 && (
        <>
          <h4>{t('import.recognised', { count: recognised.length })}</h4>
          <ReportEntries
            report={report}
            entries={recognised}
            className="import-report__recognised"
          />
        </>
      )}
      {report.paragraphs.length > 0 && (
        <details className="import-report__paragraphs">
          <summary>{t('import.showParagraphs', { count: report.paragraphs.length })}</summary>
          <ol>
            {report.paragraphs.map((p) => (
              <li key={p.index}>
                <strong>{p.label ?? t('paragraphKind.heading')}</strong> {p.excerpt}{' '}
                <span className="muted">— {p.evidence}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

type ReportEntry = ImportReport['warnings'][number];

/** Entries of the report, each with the paragraph it is about. */
function ReportEntries({
  report,
  entries,
  className,
}: {
  report: ImportReport;
  entries: readonly ReportEntry[];
  className: string;
}) {
  const { t } = useI18n();
  return (
    <ul className={className}>
      {entries.map((w, i) => {
        const at = w.at !== undefined ? report.paragraphs[w.at] : undefined;
        return (
          <li key={`${w.code}-${i}`}>
            {at && <strong>{at.label ?? t('panel.heading')}:</strong>} {w.message}
          </li>
        );
      })}
    </ul>
  );
}
