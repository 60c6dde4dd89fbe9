// Importing the facilitators' next text of a document: upload it, review how each of its
// paragraphs pairs with a current one (old number → new number, how alike, the word changes in
// colour, new and removed paragraphs flagged), then confirm to write it into the document and
// issue it as the next revision. Choosing another file asks for a new comparison, so what is
// issued is what was reviewed; paragraphs agreed ad ref that would change block the confirmation.
import {
  endpointUrl,
  nextRevisionContracts,
  type NextRevisionParagraph,
  type NextRevisionPreview,
  type RedlineRun,
} from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { call } from '../api/call.js';
import { useI18n } from '../i18n/i18n.js';
import { Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { MAX_IMPORT_BYTES } from './ImportForm.js';
import { postFile, uploadType } from './upload.js';

export function previewNextRevision(documentId: string, file: File): Promise<NextRevisionPreview> {
  const path = endpointUrl(nextRevisionContracts.previewNextRevision, { documentId });
  return postFile<NextRevisionPreview>(path, file, uploadType(file));
}

export function confirmNextRevision(
  documentId: string,
  previewId: string,
  body: { label?: string; renumber?: boolean },
) {
  return call(nextRevisionContracts.confirmNextRevision, {
    params: { documentId, previewId },
    body,
  });
}

export function NextRevision({
  documentId,
  onIssued,
}: {
  documentId: string;
  onIssued?: (label: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<NextRevisionPreview | null>(null);
  const [label, setLabel] = useState('');
  const [renumber, setRenumber] = useState(true);
  const [issued, setIssued] = useState<string | null>(null);
  const tooBig = file !== null && file.size > MAX_IMPORT_BYTES;

  const compare = useAction(async () => {
    if (!file) return;
    setIssued(null);
    const answer = await previewNextRevision(documentId, file);
    setPreview(answer);
    setLabel(answer.suggestedLabel);
  });
  // The status notice below says what was issued; no toast on top of it.
  const confirm = useAction(async () => {
    if (!preview) return;
    const answer = await confirmNextRevision(documentId, preview.previewId, {
      ...(label.trim() ? { label: label.trim() } : {}),
      renumber,
    });
    setIssued(answer.label);
    setPreview(null);
    onIssued?.(answer.label);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void (preview ? confirm.run() : compare.run());
  };
  const blocked = (preview?.totals.lockedChanges ?? 0) > 0;
  const error = confirm.error ?? compare.error;

  return (
    <form className="form next-revision" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('nextRevision.title')}</h3>
      <p className="muted">{t('nextRevision.intro')}</p>
      <label className="field">
        <span className="field__label">{t('nextRevision.file')}</span>
        <input
          type="file"
          accept=".docx,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPreview(null);
            setIssued(null);
          }}
        />
      </label>
      {tooBig && <Notice tone="error">{t('import.tooBig')}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {issued && (
        <Notice tone="info">
          <p role="status">{t('nextRevision.issued', { label: issued })}</p>
        </Notice>
      )}
      {preview && <PreviewView preview={preview} />}
      {preview?.report.negotiation &&
        preview.report.negotiation.brackets + preview.report.negotiation.optionSets > 0 && (
          <Notice tone="warning">
            {t('nextRevision.bracketsNotCarried', {
              brackets: preview.report.negotiation.brackets,
              optionSets: preview.report.negotiation.optionSets,
            })}
          </Notice>
        )}
      {preview && blocked && (
        <Notice tone="warning">
          {t('nextRevision.locked', { count: preview.totals.lockedChanges })}
        </Notice>
      )}
      {preview && (
        <>
          <label className="field">
            <span className="field__label">{t('nextRevision.label')}</span>
            <input maxLength={60} value={label} onChange={(e) => setLabel(e.target.value)} />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={renumber}
              onChange={(e) => setRenumber(e.target.checked)}
            />{' '}
            {t('nextRevision.renumber')}
          </label>
        </>
      )}
      <div className="form__actions">
        {preview ? (
          <>
            <button
              type="submit"
              className="button button--primary"
              disabled={confirm.busy || blocked}
            >
              {confirm.busy ? t('nextRevision.confirming') : t('nextRevision.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button
            type="submit"
            className="button button--primary"
            disabled={!file || tooBig || compare.busy}
          >
            {compare.busy ? t('nextRevision.previewing') : t('nextRevision.preview')}
          </button>
        )}
      </div>
    </form>
  );
}

function PreviewView({ preview }: { preview: NextRevisionPreview }) {
  const { t } = useI18n();
  const { totals } = preview;
  return (
    <section className="next-revision__preview">
      <p role="status">
        {t('nextRevision.summary', {
          paragraphs: totals.paragraphs,
          byNumber: totals.matchedByNumber,
          byText: totals.matchedByText,
          changed: totals.changed,
          added: totals.new,
          removed: totals.removed,
        })}
      </p>
      <table className="table next-revision__table">
        <caption className="visually-hidden">{t('nextRevision.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('nextRevision.col.oldNumber')}</th>
            <th scope="col">{t('nextRevision.col.newNumber')}</th>
            <th scope="col">{t('nextRevision.col.match')}</th>
            <th scope="col">{t('nextRevision.col.text')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.paragraphs.map((paragraph, index) => (
            <ParagraphRow key={index} paragraph={paragraph} />
          ))}
          {preview.removed.map((removed) => (
            <tr key={removed.paragraphId} className="next-revision__row--removed">
              <td>{removed.label ?? t('nextRevision.heading')}</td>
              <td>{t('nextRevision.none')}</td>
              <td>
                <span className="badge badge--stance-objection">{t('nextRevision.removed')}</span>
                {removed.locked && <LockedFlag />}
                {removed.bracketed && (
                  <>
                    {' '}
                    <span className="badge badge--status-bracketed">
                      {t('nextRevision.bracketedFlag')}
                    </span>
                  </>
                )}
              </td>
              <td>
                <RedlineText runs={[{ op: 'delete', text: removed.text }]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ParagraphRow({ paragraph }: { paragraph: NextRevisionParagraph }) {
  const { t } = useI18n();
  const { match } = paragraph;
  const percent = match ? Math.round(match.similarity * 100) : 0;
  const unchanged = match !== null && paragraph.redline.every((r) => r.op === 'equal');
  return (
    <tr className={match ? undefined : 'next-revision__row--new'}>
      <td>{match ? (match.label ?? t('nextRevision.heading')) : t('nextRevision.none')}</td>
      <td>{paragraph.label ?? t('nextRevision.heading')}</td>
      <td>
        {match ? (
          t(match.how === 'number' ? 'nextRevision.byNumber' : 'nextRevision.byText', { percent })
        ) : (
          <span className="badge badge--new">{t('nextRevision.new')}</span>
        )}
        {paragraph.lockedChange && <LockedFlag />}
      </td>
      <td>
        {unchanged ? (
          <>
            {paragraph.text} <span className="muted">({t('nextRevision.unchanged')})</span>
          </>
        ) : (
          <RedlineText runs={paragraph.redline} />
        )}
      </td>
    </tr>
  );
}

function LockedFlag() {
  const { t } = useI18n();
  return (
    <>
      {' '}
      <span className="badge badge--status-agreed-ad-ref">{t('nextRevision.lockedFlag')}</span>
    </>
  );
}

/** Inserted words underlined in green, deleted ones struck through in red (the redline's colours). */
export function RedlineText({ runs }: { runs: readonly RedlineRun[] }) {
  const { t } = useI18n();
  return (
    <>
      {runs.map((run, i) => {
        if (run.op === 'equal') return <span key={i}>{run.text}</span>;
        const Tag = run.op === 'insert' ? 'ins' : 'del';
        return (
          <Tag key={i} className={`redline__${run.op}`}>
            <span className="visually-hidden">
              {t(run.op === 'insert' ? 'nextRevision.srInsert' : 'nextRevision.srDelete')}
            </span>
            {run.text}
          </Tag>
        );
      })}
    </>
  );
}
