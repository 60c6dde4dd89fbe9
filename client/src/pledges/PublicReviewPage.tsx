// The public review per objective, `/public/negotiations/:negotiationId/pledges/review`: the same
// counts, pledges and trend as members see, for anyone without an account, as far as the public
// may follow the negotiation.
import { useParams } from 'react-router';
import { PublicPage } from './PublicPledgesPage.js';
import { ReviewView } from './ReviewPage.js';

export function PublicReviewPage() {
  const { negotiationId = '' } = useParams();
  return (
    <PublicPage>
      <ReviewView negotiationId={negotiationId} visitor />
    </PublicPage>
  );
}
