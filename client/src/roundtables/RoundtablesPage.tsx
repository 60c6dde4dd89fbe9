// A negotiation's roundtables, by date, for everyone; the chair and the secretariat schedule new
// ones here. Refreshes live as roundtables are scheduled, signed off, issued or concluded.
import { can } from '@accord/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { isRoundtableNotice, roundtableApi } from './roundtable-api.js';
import { RoundtableSummary } from './RoundtableSummary.js';
import { ScheduleRoundtableForm } from './ScheduleRoundtableForm.js';

export function useRoundtables(negotiationId: string) {
  return useLiveResource(
    `roundtables:${negotiationId}`,
    () => roundtableApi.list(negotiationId),
    (n) => n.negotiationId === negotiationId && isRoundtableNotice(n),
  );
}

export function RoundtablesPage() {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const navigate = useNavigate();
  const roundtables = useRoundtables(negotiationId);
  const [scheduling, setScheduling] = useState(false);
  const maySchedule = can(negotiation.you.role, 'roundtable.schedule');
  return (
    <div className="roundtables">
      <div className="page-heading">
        <h1>{t('roundtable.title')}</h1>
        {maySchedule && !scheduling && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setScheduling(true)}
          >
            {t('roundtable.schedule')}
          </button>
        )}
      </div>
      <p className="muted">{t('roundtable.intro')}</p>
      {scheduling && (
        <ScheduleRoundtableForm
          onCancel={() => setScheduling(false)}
          onScheduled={(roundtableId) => {
            setScheduling(false);
            roundtables.reload();
            void navigate(paths.roundtable(negotiationId, roundtableId));
          }}
        />
      )}
      {roundtables.error !== undefined && !roundtables.data && (
        <LoadError error={roundtables.error} retry={roundtables.reload} />
      )}
      {!roundtables.data && roundtables.error === undefined && <Loading />}
      {roundtables.data?.length === 0 && <p className="muted">{t('roundtable.none')}</p>}
      <ul className="cards roundtable-list">
        {roundtables.data?.map((r) => (
          <RoundtableSummary key={r.roundtableId} roundtable={r} />
        ))}
      </ul>
    </div>
  );
}
