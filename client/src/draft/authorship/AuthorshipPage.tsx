// The "who wrote what" page of a document: its text, now or as of any milestone or moment (the
// time-travel scrubber, kept in the address as ?asOf= so a view can be shared), coloured by the
// stakeholder whose member typed each run. Typing arrives over the collaboration socket, not as
// change notices, so the live view is refreshed on request rather than on every keystroke.
import { authorshipContracts } from '@accord/shared';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { call } from '../../api/call.js';
import { api } from '../../api/endpoints.js';
import { useNegotiation } from '../../app/negotiation-context.js';
import { paths } from '../../app/paths.js';
import { useI18n } from '../../i18n/i18n.js';
import { useResource } from '../../lib/useResource.js';
import { NOW, pastDraftHref, travelPoints } from '../../timetravel/points.js';
import { Scrubber } from '../../timetravel/Scrubber.js';
import { Loading, LoadError } from '../../ui/bits.js';
import { AuthorshipText } from './AuthorshipText.js';
import './authorship.css';

const loadAuthorship = (documentId: string, asOf: string) =>
  call(authorshipContracts.authorship, {
    params: { documentId },
    query: asOf === NOW ? {} : { asOf },
  });

export function AuthorshipPage() {
  const { documentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const asOf = params.get('asOf') ?? NOW;
  const order = useMemo(
    () => negotiation.stakeholders.map((s) => s.stakeholderId),
    [negotiation.stakeholders],
  );
  const milestones = useResource(`milestones:${documentId}`, () =>
    api.milestones(negotiationId, documentId),
  );
  const points = useMemo(() => travelPoints(milestones.data?.milestones ?? []), [milestones.data]);
  const view = useResource(`authorship:${documentId}:${asOf}`, () =>
    loadAuthorship(documentId, asOf),
  );
  const document = useResource(`document:${documentId}`, () => api.document(documentId));
  const draftPath = paths.draft(negotiationId, documentId);
  const symbol = document.data?.symbol ?? '';

  return (
    <div className="authorship-page">
      <p className="document-card__symbol">
        <Link to={asOf === NOW ? draftPath : pastDraftHref(draftPath, asOf)}>
          {t('authorship.backToDraft')}
        </Link>
        {document.data ? ` · ${document.data.title}` : ''}
      </p>
      <h1>{t('authorship.title', { symbol })}</h1>
      <p className="muted">{t('authorship.explain')}</p>
      {points.length > 1 && (
        <Scrubber
          points={points}
          asOf={asOf}
          onChange={(next) => setParams(next === NOW ? {} : { asOf: next })}
        />
      )}
      {asOf === NOW && (
        <button type="button" className="button button--small" onClick={view.reload}>
          {t('authorship.refresh')}
        </button>
      )}
      {view.error && !view.data ? (
        <LoadError error={view.error} retry={view.reload} />
      ) : view.data ? (
        <AuthorshipText view={view.data} order={order} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
