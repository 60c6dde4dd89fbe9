// Where a consultation stands (not open yet, open, closed), with its period in the reader's
// language.
import type { ConsultationSummary } from './consultation-api.js';
import { useI18n } from '../i18n/i18n.js';

export function PhaseBadge({
  consultation,
}: {
  consultation: Pick<ConsultationSummary, 'phase' | 'opensAt' | 'closesAt' | 'closedAt'>;
}) {
  const { t, formatDateTime } = useI18n();
  const c = consultation;
  return (
    <span className={`badge consultation-phase consultation-phase--${c.phase}`}>
      {c.phase === 'scheduled' &&
        t('consultation.phase.scheduled', { when: formatDateTime(c.opensAt) })}
      {c.phase === 'open' && t('consultation.phase.open', { when: formatDateTime(c.closesAt) })}
      {c.phase === 'closed' &&
        t('consultation.phase.closed', { when: formatDateTime(c.closedAt ?? c.closesAt) })}
    </span>
  );
}
