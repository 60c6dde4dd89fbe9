// The chair's desk, at the top of the chair console: per document, the amendments awaiting a
// decision, the paragraphs ready to gavel and the objections and reservations to follow up, then
// the deadlines ahead and the silences broken — each linking to its place in the draft.
// Sub-amendments come before the amendment they change (the server orders them so); the latest
// rejections and merges can be restored to pending from here, with a reason.
import type { DeskDocument, DeskView } from '@accord/shared';
import { Link } from 'react-router';
import { paths } from '../../app/paths.js';
import { useI18n } from '../../i18n/i18n.js';
import { useLiveResource } from '../../realtime/useLiveResource.js';
import { Loading, LoadError } from '../../ui/bits.js';
import { RestoreControl } from '../../draft/amendments/RestoreControl.js';
import { loadDesk, paragraphLink } from './desk-api.js';

/** Anything that can change the queue: decisions, positions, statuses, the process. */
const QUEUE_KINDS = new Set(['document', 'paragraph', 'amendment', 'position', 'process']);

export function ChairDesk({ negotiationId }: { negotiationId: string }) {
  const { t } = useI18n();
  const desk = useLiveResource(
    `desk:${negotiationId}`,
    () => loadDesk(negotiationId),
    (n) => n.negotiationId === negotiationId && QUEUE_KINDS.has(n.kind),
  );
  return (
    <section className="card desk" aria-labelledby="chair-desk">
      <h2 id="chair-desk">{t('desk.title')}</h2>
      {desk.error !== undefined && !desk.data && (
        <LoadError error={desk.error} retry={desk.reload} />
      )}
      {!desk.data && desk.error === undefined && <Loading />}
      {desk.data && <DeskQueues desk={desk.data} />}
    </section>
  );
}

export function DeskQueues({ desk }: { desk: DeskView }) {
  const { t, formatDateTime } = useI18n();
  const titleOf = (documentId: string) =>
    desk.documents.find((d) => d.documentId === documentId)?.symbol ?? documentId;
  const nothing =
    desk.deadlinesAhead.length === 0 &&
    desk.silencesBroken.length === 0 &&
    desk.documents.every(
      (d) =>
        d.amendmentsAwaiting.length === 0 &&
        d.readyToGavel.length === 0 &&
        d.followUps.length === 0 &&
        (d.recentlyDecided ?? []).length === 0,
    );
  if (nothing) return <p className="muted">{t('desk.nothing')}</p>;
  return (
    <>
      {desk.documents.map((d) => (
        <DeskDocumentQueues key={d.documentId} negotiationId={desk.negotiationId} document={d} />
      ))}
      {desk.deadlinesAhead.length > 0 && (
        <div className="desk__queue">
          <h4>{t('desk.deadlines')}</h4>
          <ul>
            {desk.deadlinesAhead.map((d) => (
              <li key={`${d.documentId}-${d.kind}`}>
                {t('desk.deadline', {
                  document: titleOf(d.documentId),
                  kind: d.kind,
                  date: formatDateTime(d.deadline),
                  zone: d.timeZone,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {desk.silencesBroken.length > 0 && (
        <div className="desk__queue">
          <h4>{t('desk.silencesBroken')}</h4>
          <ul>
            {desk.silencesBroken.flatMap(({ documentId, silence }) =>
              silence.breaks.map((b) => (
                <li key={`${silence.silenceId}-${b.stakeholder.stakeholderId}-${b.brokenAt}`}>
                  <Link to={paths.draft(desk.negotiationId, documentId)}>
                    {titleOf(documentId)}
                  </Link>
                  {': '}
                  {t('desk.silenceBrokenBy', {
                    who: b.stakeholder.name ?? b.stakeholder.stakeholderId,
                    statement: b.statement,
                  })}
                </li>
              )),
            )}
          </ul>
        </div>
      )}
    </>
  );
}

function DeskDocumentQueues({
  negotiationId,
  document,
}: {
  negotiationId: string;
  document: DeskDocument;
}) {
  const { t } = useI18n();
  const draft = paths.draft(negotiationId, document.documentId);
  const at = (paragraphId: string) => paragraphLink(draft, paragraphId);
  const labelOf = (label: string | null) => label ?? t('desk.unnumbered');
  const decided = document.recentlyDecided ?? [];
  const amendmentLabel = (a: {
    paragraphLabel: string | null;
    parentAmendmentId?: string | null;
  }) =>
    a.parentAmendmentId
      ? t('desk.subAmendmentOf', { label: labelOf(a.paragraphLabel) })
      : t('desk.amendmentTo', { label: labelOf(a.paragraphLabel) });
  if (
    document.amendmentsAwaiting.length === 0 &&
    document.readyToGavel.length === 0 &&
    document.followUps.length === 0 &&
    decided.length === 0
  )
    return null;
  return (
    <div className="desk__document">
      <h3>
        <Link to={draft}>{document.symbol}</Link> {document.title}
      </h3>
      {document.readyToGavel.length > 0 && (
        <div className="desk__queue">
          <h4>{t('desk.readyToGavel', { count: document.readyToGavel.length })}</h4>
          <ul>
            {document.readyToGavel.map((p) => (
              <li key={p.paragraphId}>
                <Link to={at(p.paragraphId)}>{labelOf(p.label)}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {document.amendmentsAwaiting.length > 0 && (
        <div className="desk__queue">
          <h4>{t('desk.amendmentsAwaiting', { count: document.amendmentsAwaiting.length })}</h4>
          <ul>
            {document.amendmentsAwaiting.map((a) => (
              <li key={a.amendmentId} className={a.parentAmendmentId ? 'desk__sub' : undefined}>
                <Link to={at(a.paragraphId)}>{amendmentLabel(a)}</Link>{' '}
                <span className="muted">{t('desk.objections', { count: a.objections })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {decided.length > 0 && (
        <div className="desk__queue">
          <h4>{t('desk.recentlyDecided')}</h4>
          <ul>
            {decided.map((a) => (
              <li key={a.amendmentId}>
                <Link to={at(a.paragraphId)}>{amendmentLabel(a)}</Link>{' '}
                <span className="muted">{t(`amendmentStatus.${a.status}`)}</span>
                {/* The live desk reloads on the restoration's notice. */}
                <RestoreControl amendmentId={a.amendmentId} onRestored={() => undefined} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {document.followUps.length > 0 && (
        <div className="desk__queue">
          <h4>{t('desk.followUps', { count: document.followUps.length })}</h4>
          <ul>
            {document.followUps.map((f) => (
              <li key={`${f.target}-${f.id}`}>
                <Link to={at(f.paragraphId)}>
                  {f.target === 'paragraph'
                    ? labelOf(f.label)
                    : t('desk.amendmentTo', { label: labelOf(f.label) })}
                </Link>
                <ul>
                  {f.objectors.map((o) => (
                    <li key={`o-${o.stakeholderId}`}>
                      {t('desk.objects', { who: o.name, statement: o.statement || '—' })}
                    </li>
                  ))}
                  {f.reservations.map((o) => (
                    <li key={`r-${o.stakeholderId}`}>
                      {t('desk.reserves', { who: o.name, statement: o.statement || '—' })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
