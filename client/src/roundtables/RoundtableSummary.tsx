// One roundtable in a list: theme, day, co-chairs, whether it is concluded, and where its paper
// stands (issued versions, sign-offs on the current draft). Used on the roundtables page and the
// negotiation's overview.
import { Link } from 'react-router';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { StakeholderChip } from '../ui/bits.js';
import type { Roundtable } from './roundtable-api.js';

/** A calendar day (YYYY-MM-DD) as an instant at noon UTC, so no time zone shifts the day. */
export const dayInstant = (date: string): string => `${date}T12:00:00Z`;

export function RoundtableSummary({ roundtable }: { roundtable: Roundtable }) {
  const { t, formatDate } = useI18n();
  const latest = roundtable.papers.at(-1);
  const signed = roundtable.signOffs.length;
  return (
    <li className="card roundtable-card">
      <p className="document-card__symbol">
        <time dateTime={roundtable.date}>{formatDate(dayInstant(roundtable.date))}</time>{' '}
        <span className={`badge badge--roundtable-${roundtable.status}`}>
          {t(`roundtable.status.${roundtable.status}`)}
        </span>
      </p>
      <h3 className="card__title">
        <Link to={paths.roundtable(roundtable.negotiationId, roundtable.roundtableId)}>
          {roundtable.theme}
        </Link>
      </h3>
      <p className="chips">
        <span className="muted">{t('roundtable.coChairedBy')}</span>
        {roundtable.coChairs.map((c) => (
          <StakeholderChip key={c.stakeholderId} stakeholder={c} />
        ))}
      </p>
      <p className="muted">
        {latest
          ? t('roundtable.latestVersion', { version: latest.version })
          : t('roundtable.noVersion')}
        {roundtable.status === 'scheduled' &&
          ` · ${t('roundtable.signedCount', { count: signed, total: roundtable.coChairs.length })}`}
      </p>
    </li>
  );
}
