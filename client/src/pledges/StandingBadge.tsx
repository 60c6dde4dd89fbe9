// A pledge's standing as a coloured badge in the reader's language: on track, at risk, off
// track, achieved or silent (no report within the review window).
import type { Standing } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

export function StandingBadge({ standing }: { standing: Standing }) {
  const { t } = useI18n();
  return (
    <span className={`badge pledge-standing pledge-standing--${standing}`}>
      {t(`pledge.standing.${standing}`)}
    </span>
  );
}
