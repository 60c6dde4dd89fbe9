// The public page of a negotiation's pledges, `/public/negotiations/:negotiationId/pledges`:
// outside the signed-in app, no account needed. It shows the adopted texts' titles and objectives
// and the pledges made towards them, with a link to the public review per objective, nothing
// else of the negotiation.
import { Link, useParams } from 'react-router';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { LanguageMenu } from '../i18n/LanguageMenu.js';
import { useResource } from '../lib/useResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { pledgeApi } from './pledge-api.js';
import { PledgeList } from './PledgeList.js';
import './pledges.css';

export function PublicPage({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="public-pledges" id="main">
      <header className="public-pledges__header">
        <span className="brand">{t('app.name')}</span>
        <span className="muted">{t('pledge.public.note')}</span>
        <LanguageMenu />
      </header>
      {children}
    </main>
  );
}

export function PublicPledgesPage() {
  const { t } = useI18n();
  const { negotiationId = '' } = useParams();
  const list = useResource(`public-pledges:${negotiationId}`, () =>
    pledgeApi.publicList(negotiationId),
  );
  return (
    <PublicPage>
      <h1>{t('pledge.public.title')}</h1>
      <p>
        <Link to={paths.publicPledgeReview(negotiationId)}>{t('pledge.reviewLink')}</Link>
      </p>
      {list.error !== undefined && !list.data && (
        <LoadError error={list.error} retry={list.reload} />
      )}
      {!list.data && list.error === undefined && <Loading />}
      {list.data && (
        <PledgeList
          texts={list.data.adoptedTexts}
          pledges={list.data.pledges}
          linkTo={(pledgeId) => paths.publicPledge(pledgeId)}
        />
      )}
    </PublicPage>
  );
}
