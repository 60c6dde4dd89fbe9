// The negotiation's roundtables on its overview: those still to meet first, then the concluded
// ones, each with where its paper stands; refreshed live.
import { Link } from 'react-router';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { RoundtableSummary } from '../roundtables/RoundtableSummary.js';
import { useRoundtables } from '../roundtables/RoundtablesPage.js';
import type { Roundtable } from '../roundtables/roundtable-api.js';
import { Loading, LoadError } from '../ui/bits.js';

/** How many show on the overview; the roundtables page has them all. */
const SHOWN = 4;

/** Scheduled ones before concluded ones, each by date. */
export function overviewOrder(roundtables: readonly Roundtable[]): Roundtable[] {
  return [...roundtables].sort(
    (a, b) =>
      Number(a.status === 'concluded') - Number(b.status === 'concluded') ||
      a.date.localeCompare(b.date),
  );
}

export function HomeRoundtables({ negotiationId }: { negotiationId: string }) {
  const { t } = useI18n();
  const roundtables = useRoundtables(negotiationId);
  if (roundtables.error !== undefined && !roundtables.data)
    return <LoadError error={roundtables.error} retry={roundtables.reload} />;
  if (!roundtables.data) return <Loading />;
  const shown = overviewOrder(roundtables.data).slice(0, SHOWN);
  return (
    <>
      {shown.length === 0 && <p className="muted">{t('roundtable.none')}</p>}
      <ul className="cards roundtable-list">
        {shown.map((r) => (
          <RoundtableSummary key={r.roundtableId} roundtable={r} />
        ))}
      </ul>
      <Link to={paths.roundtables(negotiationId)}>{t('home.allRoundtables')}</Link>
    </>
  );
}
