// In the draft's paragraph panel: the recommendations that target this paragraph, each linking to
// its page, and for civil society and observers a link that opens the submit form pre-filled with
// the document and paragraph.
import { can, type Role } from '@accord/shared';
import { Link } from 'react-router';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { isRecommendationNotice, recommendationApi } from './recommendation-api.js';
import './recommendations.css';

export function ParagraphRecommendations({
  negotiationId,
  documentId,
  paragraphId,
  role,
  adopted,
}: {
  negotiationId: string;
  documentId: string;
  paragraphId: string;
  role: Role;
  /** An adopted text takes no more recommendations. */
  adopted: boolean;
}) {
  const { t } = useI18n();
  const list = useLiveResource(
    `recommendations:${negotiationId}`,
    () => recommendationApi.list(negotiationId),
    (n) => n.negotiationId === negotiationId && isRecommendationNotice(n),
  );
  const targeting = (list.data?.recommendations ?? []).filter(
    (r) =>
      r.documentId === documentId &&
      !r.withdrawn &&
      r.paragraphs.some((p) => p.paragraphId === paragraphId),
  );
  const maySubmit = can(role, 'recommendation.submit') && !adopted;
  if (targeting.length === 0 && !maySubmit) return null;
  const submitLink = `${paths.recommendations(negotiationId)}?document=${encodeURIComponent(
    documentId,
  )}&paragraph=${encodeURIComponent(paragraphId)}`;
  return (
    <section className="panel-recommendations" aria-label={t('recommendationLink.section')}>
      {targeting.length > 0 && (
        <>
          <h3 className="panel-recommendations__title">
            {t('recommendationLink.count', { count: targeting.length })}
          </h3>
          <ul className="plain-list">
            {targeting.map((r) => (
              <li key={r.recommendationId}>
                <Link to={paths.recommendation(negotiationId, r.recommendationId)}>
                  <bdi dir="auto">{r.title}</bdi>
                </Link>{' '}
                <span className="muted" dir="auto">
                  {t('recommendation.from', {
                    organisation: r.organisation.name ?? r.organisation.shortCode ?? '—',
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {maySubmit && (
        <Link className="button button--small" to={submitLink}>
          {t('recommendationLink.recommend')}
        </Link>
      )}
    </section>
  );
}
