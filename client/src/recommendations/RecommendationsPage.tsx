// A negotiation's recommendations for every member, newest first, filtered by theme, organisation
// and fate; civil society and observers submit new ones here, and everyone downloads the uptake
// report. Refreshes live as recommendations are submitted, endorsed and taken up.
import { can, recommendationFates, uptakeReportFormats } from '@accord/shared';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { isRecommendationNotice, recommendationApi } from './recommendation-api.js';
import { SubmitRecommendationForm } from './SubmitRecommendationForm.js';
import './recommendations.css';

export function RecommendationsPage() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [submitting, setSubmitting] = useState(search.get('paragraph') !== null);
  const [theme, setTheme] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [fate, setFate] = useState('');
  const list = useLiveResource(
    `recommendations:${negotiationId}`,
    () => recommendationApi.list(negotiationId),
    (n) => n.negotiationId === negotiationId && isRecommendationNotice(n),
  );
  const all = useMemo(() => list.data?.recommendations ?? [], [list.data]);
  const themes = useMemo(() => [...new Set(all.flatMap((r) => r.themes))].sort(), [all]);
  const organisations = useMemo(
    () => [...new Map(all.map((r) => [r.organisation.stakeholderId, r.organisation])).values()],
    [all],
  );
  const shown = all.filter(
    (r) =>
      (theme === '' || r.themes.includes(theme)) &&
      (organisation === '' || r.organisation.stakeholderId === organisation) &&
      (fate === '' || r.fate === fate),
  );
  const maySubmit = can(negotiation.you.role, 'recommendation.submit');
  return (
    <div className="recommendations">
      <div className="page-heading">
        <h1>{t('recommendation.title')}</h1>
        {maySubmit && !submitting && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setSubmitting(true)}
          >
            {t('recommendation.submit')}
          </button>
        )}
      </div>
      <p className="muted">{t('recommendation.intro')}</p>
      <p className="recommendations__report">
        {t('recommendation.report')}{' '}
        {uptakeReportFormats.map((format) => (
          <a key={format} href={recommendationApi.reportUrl(negotiationId, format)} download>
            {format.toUpperCase()}
          </a>
        ))}
      </p>
      {submitting && (
        <SubmitRecommendationForm
          initialDocumentId={search.get('document') ?? undefined}
          initialParagraphId={search.get('paragraph') ?? undefined}
          onCancel={() => setSubmitting(false)}
          onSubmitted={(recommendationId) => {
            setSubmitting(false);
            list.reload();
            void navigate(paths.recommendation(negotiationId, recommendationId));
          }}
        />
      )}
      <div className="recommendations__filters">
        <label>
          {t('recommendation.filter.theme')}{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value)}>
            <option value="">{t('recommendation.filter.all')}</option>
            {themes.map((name) => (
              <option key={name} value={name} dir="auto">
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recommendation.filter.organisation')}{' '}
          <select value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
            <option value="">{t('recommendation.filter.all')}</option>
            {organisations.map((o) => (
              <option key={o.stakeholderId} value={o.stakeholderId} dir="auto">
                {o.name ?? o.stakeholderId}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recommendation.filter.fate')}{' '}
          <select value={fate} onChange={(e) => setFate(e.target.value)}>
            <option value="">{t('recommendation.filter.all')}</option>
            {recommendationFates.map((name) => (
              <option key={name} value={name}>
                {t(`recommendation.fate.${name}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error !== undefined && !list.data && (
        <LoadError error={list.error} retry={list.reload} />
      )}
      {!list.data && list.error === undefined && <Loading />}
      {list.data && shown.length === 0 && <p className="muted">{t('recommendation.none')}</p>}
      <ul className="cards recommendation-list">
        {shown.map((r) => (
          <li key={r.recommendationId} className="card recommendation-card">
            <h2 dir="auto">
              <Link to={paths.recommendation(negotiationId, r.recommendationId)}>{r.title}</Link>
            </h2>
            <p className="muted" dir="auto">
              {t('recommendation.from', { organisation: r.organisation.name ?? '' })}
              {r.themes.length > 0 && ` · ${r.themes.join(', ')}`}
            </p>
            <p>
              <span className={`fate fate--${r.fate}`}>{t(`recommendation.fate.${r.fate}`)}</span>{' '}
              <span className="muted">
                {t('recommendation.endorsedBy', { count: r.endorsers.length })}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
