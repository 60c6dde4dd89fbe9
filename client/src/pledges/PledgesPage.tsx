// A negotiation's action pledges on its adopted texts, for every member: the list, a form to
// register one (for whoever may pledge), and links to the review and to the public page.
// Refreshes live as pledges are registered and reported on.
import { can } from '@accord/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { isPledgeNotice, pledgeApi } from './pledge-api.js';
import { PledgeList } from './PledgeList.js';
import { RegisterPledgeForm } from './RegisterPledgeForm.js';
import './pledges.css';

export function PledgesPage() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const navigate = useNavigate();
  const list = useLiveResource(
    `pledges:${negotiationId}`,
    () => pledgeApi.list(negotiationId),
    (n) => n.negotiationId === negotiationId && isPledgeNotice(n),
  );
  const [registering, setRegistering] = useState(false);
  const texts = list.data?.adoptedTexts ?? [];
  const mayRegister = can(negotiation.you.role, 'pledge.register') && texts.length > 0;
  return (
    <div className="pledges">
      <div className="page-heading">
        <h1>{t('pledge.pageTitle')}</h1>
        {mayRegister && !registering && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setRegistering(true)}
          >
            {t('pledge.register')}
          </button>
        )}
      </div>
      <p className="muted">{t('pledge.intro')}</p>
      <p className="pledge-links">
        <Link to={paths.pledgeReview(negotiationId)}>{t('pledge.reviewLink')}</Link>
        {' · '}
        <a href={paths.publicPledges(negotiationId)} target="_blank" rel="noreferrer">
          {t('pledge.publicLink')}
        </a>
      </p>
      {registering && (
        <RegisterPledgeForm
          negotiationId={negotiationId}
          role={negotiation.you.role}
          texts={texts}
          onCancel={() => setRegistering(false)}
          onRegistered={(pledgeId) => {
            setRegistering(false);
            list.reload();
            void navigate(paths.pledge(negotiationId, pledgeId));
          }}
        />
      )}
      {list.error !== undefined && !list.data && (
        <LoadError error={list.error} retry={list.reload} />
      )}
      {!list.data && list.error === undefined && <Loading />}
      {list.data && (
        <PledgeList
          texts={texts}
          pledges={list.data.pledges}
          linkTo={(id) => paths.pledge(negotiationId, id)}
        />
      )}
    </div>
  );
}
