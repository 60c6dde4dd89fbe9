// A negotiation's overview: its documents and roundtables, who takes part and who is online, and
// the activity since the user's last visit.
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';
import { ActivityFeed } from './ActivityFeed.js';
import { DocumentList } from './DocumentList.js';
import { HomeRoundtables } from './HomeRoundtables.js';
import { useLastVisit } from './lastVisit.js';
import { Participants } from './Participants.js';

export function NegotiationHome() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const lastVisit = useLastVisit(negotiation.negotiationId);
  return (
    <div className="home">
      <h1 className="visually-hidden">{negotiation.title}</h1>
      <section className="home__documents" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('home.documents')}</h2>
        <DocumentList negotiationId={negotiation.negotiationId} />
        <section className="home__roundtables" aria-labelledby="roundtables-heading">
          <h2 id="roundtables-heading">{t('home.roundtables')}</h2>
          <HomeRoundtables negotiationId={negotiation.negotiationId} />
        </section>
      </section>
      <section className="home__activity" aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t('activity.title')}</h2>
        <ActivityFeed negotiationId={negotiation.negotiationId} lastVisit={lastVisit} />
      </section>
      <section className="home__participants" aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t('home.participants')}</h2>
        <Participants />
      </section>
    </div>
  );
}
