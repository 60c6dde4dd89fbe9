// What a roundtable covers: the document and the paragraphs in it, which the chair or the
// secretariat may change (clearing the sign-offs).
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { LoadError, Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { roundtableApi, type Roundtable } from './roundtable-api.js';
import { ParagraphPicker } from './ParagraphPicker.js';

/** The paragraphs it covers, numbered as in the text now; the chair side may change them. */
export function Coverage({
  roundtable,
  mayChange,
  onChanged,
}: {
  roundtable: Roundtable;
  mayChange: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const { documentId, paragraphIds } = roundtable.coverage;
  const document = useResource(`document:${documentId}`, () => api.document(documentId));
  const byId = new Map(document.data?.paragraphs.map((p) => [p.id, p]) ?? []);
  const [editing, setEditing] = useState<string[] | null>(null);
  const change = useAction(
    async (ids: string[]) => {
      await roundtableApi.changeCoverage(roundtable.roundtableId, {
        documentId,
        paragraphIds: ids,
      });
      setEditing(null);
      onChanged();
    },
    () => t('roundtable.coverageChanged'),
  );
  if (editing && document.data) {
    return (
      <section className="card" aria-labelledby="rt-coverage">
        <h2 id="rt-coverage">{t('roundtable.covers')}</h2>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void change.run(editing);
          }}
        >
          {roundtable.signOffs.length > 0 && (
            <Notice tone="warning">{t('roundtable.editClearsSignOffs')}</Notice>
          )}
          <ParagraphPicker
            paragraphs={document.data.paragraphs}
            selected={editing}
            onChange={setEditing}
          />
          {change.error && <Notice tone="error">{change.error}</Notice>}
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={editing.length === 0 || change.busy}
            >
              {t('roundtable.saveCoverage')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="rt-coverage">
      <div className="page-heading">
        <h2 id="rt-coverage">{t('roundtable.covers')}</h2>
        {mayChange && document.data && (
          <button type="button" className="button" onClick={() => setEditing([...paragraphIds])}>
            {t('roundtable.changeCoverage')}
          </button>
        )}
      </div>
      {document.data && (
        <p className="muted">
          <Link to={paths.draft(negotiation.negotiationId, documentId)}>
            {document.data.symbol} — {document.data.title}
          </Link>
        </p>
      )}
      {document.error !== undefined && !document.data && (
        <LoadError error={document.error} retry={document.reload} />
      )}
      <ul className="roundtable__coverage">
        {paragraphIds.map((pid) => {
          const p = byId.get(pid);
          return (
            <li key={pid}>
              {p ? (
                <Link to={`${paths.draft(negotiation.negotiationId, documentId)}?paragraph=${pid}`}>
                  <strong>{p.label ?? t('paragraphKind.heading')}</strong>{' '}
                  {p.text.length > 90 ? `${p.text.slice(0, 90)}…` : p.text}
                </Link>
              ) : (
                <span className="muted">{t('roundtable.paragraphGone')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
