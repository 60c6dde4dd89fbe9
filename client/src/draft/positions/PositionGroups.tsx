// Everyone's positions on one paragraph or amendment, grouped by stance: delegations and groups
// (what consensus is made of) first, civil society and observers apart; statements shown in full.
import type { Position } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { StakeholderChip, StanceBadge } from '../../ui/bits.js';
import { groupByStance } from './tally.js';

function Groups({ groups }: { groups: ReturnType<typeof groupByStance>['counted'] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <dl className="stance-groups">
      {groups.map(({ stance, positions }) => (
        <div key={stance} className={`stance-group stance-group--${stance}`}>
          <dt>
            <StanceBadge stance={stance} /> <span className="muted">({positions.length})</span>
          </dt>
          <dd>
            <ul className="stance-group__list">
              {positions.map((p) => (
                <li key={p.stakeholderId}>
                  <StakeholderChip stakeholder={p.stakeholder} />
                  {p.statement && (
                    <blockquote className="statement">
                      <p dir="auto">{p.statement}</p>
                      <footer className="muted">
                        {t('positions.by', {
                          stakeholder: p.stakeholder.name ?? '',
                          date: formatDateTime(p.statedAt),
                        })}
                      </footer>
                    </blockquote>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function PositionGroups({ positions }: { positions: readonly Position[] }) {
  const { t } = useI18n();
  if (positions.length === 0) return <p className="muted">{t('positions.none')}</p>;
  const { counted, others } = groupByStance(positions);
  const objections = counted.find((g) => g.stance === 'objection')?.positions.length ?? 0;
  const support = counted.find((g) => g.stance === 'support')?.positions.length ?? 0;
  return (
    <div className="positions">
      <p
        className={
          objections > 0 ? 'positions__summary positions__summary--contested' : 'positions__summary'
        }
      >
        {objections > 0
          ? t('positions.objections', { count: objections })
          : t('positions.noObjection')}
        {' · '}
        {t('positions.supportCount', { count: support })}
      </p>
      {counted.length > 0 && (
        <section>
          <h4>{t('positions.counted')}</h4>
          <Groups groups={counted} />
        </section>
      )}
      {others.length > 0 && (
        <section>
          <h4>{t('positions.notCounted')}</h4>
          <Groups groups={others} />
        </section>
      )}
    </div>
  );
}
