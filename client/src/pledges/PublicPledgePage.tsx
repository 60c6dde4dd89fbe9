// The public page of one pledge, `/public/pledges/:pledgeId`: its history replayed step by step,
// for anyone, without an account.
import { useParams } from 'react-router';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { pledgeApi } from './pledge-api.js';
import { PledgeHistory } from './PledgeHistory.js';
import { PublicPage } from './PublicPledgesPage.js';

export function PublicPledgePage() {
  const { t } = useI18n();
  const { pledgeId = '' } = useParams();
  const detail = useResource(`public-pledge:${pledgeId}`, () => pledgeApi.publicGet(pledgeId));
  const pledge = detail.data?.pledge;
  return (
    <PublicPage>
      {detail.error !== undefined && !detail.data && (
        <LoadError error={detail.error} retry={detail.reload} />
      )}
      {!detail.data && detail.error === undefined && <Loading />}
      {pledge && detail.data && (
        <>
          <p>
            <a href={paths.publicPledges(pledge.negotiationId)}>{t('pledge.public.all')}</a>
          </p>
          <h1 dir="auto">{pledge.content.title}</h1>
          <PledgeHistory history={detail.data.history} />
        </>
      )}
    </PublicPage>
  );
}
