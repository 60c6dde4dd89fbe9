// The negotiation's documents: symbol, title, mode, latest revision and how far the text has come
// (paragraphs agreed ad ref or bracketed, amendments pending). Refreshes on live changes.
import { Link } from 'react-router';
import { api } from '../api/endpoints.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';

const DOCUMENT_KINDS = new Set(['document', 'paragraph', 'amendment']);

export function DocumentList({ negotiationId }: { negotiationId: string }) {
  const { t, formatDateTime } = useI18n();
  const documents = useLiveResource(
    `documents:${negotiationId}`,
    () => api.documents(negotiationId),
    (n) => n.negotiationId === negotiationId && DOCUMENT_KINDS.has(n.kind),
  );
  if (documents.error && !documents.data)
    return <LoadError error={documents.error} retry={documents.reload} />;
  if (!documents.data) return <Loading />;
  if (documents.data.length === 0) return <p className="muted">{t('home.noDocuments')}</p>;
  return (
    <ul className="document-list">
      {documents.data.map((d) => (
        <li key={d.documentId} className="card document-card">
          <p className="document-card__symbol">{d.symbol}</p>
          <h3 className="card__title">
            <Link to={paths.draft(negotiationId, d.documentId)} dir="auto">
              {d.title}
            </Link>
          </h3>
          <p>
            <span className={`badge badge--mode-${d.mode}`}>{t(`mode.${d.mode}`)}</span>{' '}
            {d.adoption
              ? t('document.adopted', {
                  label: d.adoption.revisionLabel,
                  date: formatDateTime(d.adoption.adoptedAt),
                })
              : d.latestRevision
                ? t('document.latestRevision', {
                    label: d.latestRevision.label,
                    date: formatDateTime(d.latestRevision.issuedAt),
                  })
                : t('document.noRevision')}
          </p>
          <ul className="stat-list">
            <li className="stat stat--agreed">
              {t('document.agreed', { count: d.paragraphStatusCounts['agreed-ad-ref'] })}
            </li>
            <li className="stat stat--bracketed">
              {t('document.bracketed', { count: d.paragraphStatusCounts.bracketed })}
            </li>
            <li className="stat stat--pending">
              {t('document.pending', { count: d.pendingAmendments })}
            </li>
          </ul>
          <div className="form__actions">
            <Link className="button button--primary" to={paths.draft(negotiationId, d.documentId)}>
              {d.adoption ? t('pledge.openAdopted') : t('document.open')}
            </Link>
            {d.adoption && (
              <Link className="button" to={paths.pledges(negotiationId)}>
                {t('pledge.nav')}
              </Link>
            )}
            <Link className="button" to={paths.consensus(negotiationId, d.documentId)}>
              {t('consensus.link')}
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}
