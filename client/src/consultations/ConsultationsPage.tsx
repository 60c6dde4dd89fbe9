// A negotiation's consultations, newest first, for every member; the chair and the secretariat
// open new ones here. Refreshes live as consultations open, gather answers and close.
import { can } from '@accord/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { audienceKey, identityKey } from './labels.js';
import { consultationApi, isConsultationNotice } from './consultation-api.js';
import { OpenConsultationForm } from './OpenConsultationForm.js';
import { PhaseBadge } from './PhaseBadge.js';
import './consultations.css';

export function ConsultationsPage() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const list = useLiveResource(
    `consultations:${negotiationId}`,
    () => consultationApi.list(negotiationId),
    (n) => n.negotiationId === negotiationId && isConsultationNotice(n),
  );
  const mayOpen = can(negotiation.you.role, 'consultation.open');
  return (
    <div className="consultations">
      <div className="page-heading">
        <h1>{t('consultation.title')}</h1>
        {mayOpen && !opening && (
          <button type="button" className="button button--primary" onClick={() => setOpening(true)}>
            {t('consultation.open')}
          </button>
        )}
      </div>
      <p className="muted">{t('consultation.intro')}</p>
      {opening && (
        <OpenConsultationForm
          onCancel={() => setOpening(false)}
          onOpened={(consultationId) => {
            setOpening(false);
            list.reload();
            void navigate(paths.consultation(negotiationId, consultationId));
          }}
        />
      )}
      {list.error !== undefined && !list.data && (
        <LoadError error={list.error} retry={list.reload} />
      )}
      {!list.data && list.error === undefined && <Loading />}
      {list.data?.consultations.length === 0 && <p className="muted">{t('consultation.none')}</p>}
      <ul className="cards consultation-list">
        {list.data?.consultations.map((c) => (
          <li key={c.consultationId} className="card consultation-card">
            <h2 dir="auto">
              <Link to={paths.consultation(negotiationId, c.consultationId)}>{c.title}</Link>
            </h2>
            <p className="muted" dir="auto">
              {t('consultation.on', { document: c.documentTitle ?? '', revision: c.revisionLabel })}
            </p>
            <p>
              <PhaseBadge consultation={c} />{' '}
              <span className="muted">
                {t(audienceKey[c.audience])} · {t(identityKey[c.identity])} ·{' '}
                {t('consultation.responses', { count: c.responses })}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
