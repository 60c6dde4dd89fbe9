// Coalitions: delegations whose positions agree most often, drawn as groups of chips with a bar
// for how closely they agree; the delegations aligned with no one; and the amendments that draw
// support from blocks that otherwise oppose each other (where a compromise may be found).
import type { CoalitionsView } from '../api/types.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';

export function Coalitions({ view }: { view: CoalitionsView }) {
  const { t } = useI18n();
  const { stakeholders } = useNegotiation();
  const code = (id: string) => stakeholders.get(id)?.shortCode ?? '?';
  const blockName = (id: string) => {
    const index = view.coalitions.findIndex((c) => c.coalitionId === id);
    return index >= 0 ? t('dashboard.coalitionName', { n: index + 1 }) : code(id);
  };
  const percent = (share: number) => Math.round(share * 100);
  return (
    <div className="coalitions">
      {view.coalitions.length === 0 ? (
        <p className="muted">{t('dashboard.noCoalitions')}</p>
      ) : (
        <ol className="coalitions__list">
          {view.coalitions.map((c, i) => (
            <li key={c.coalitionId} className="coalition">
              <h3 className="coalition__name">{t('dashboard.coalitionName', { n: i + 1 })}</h3>
              <p className="coalition__members">
                {c.members.map((m) => (
                  <abbr key={m.stakeholderId} className="chip" title={m.name}>
                    {m.shortCode}
                  </abbr>
                ))}
              </p>
              <div
                className="meter"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent(c.cohesion)}
                aria-label={t('dashboard.cohesionLabel')}
              >
                <span className="meter__fill" style={{ inlineSize: `${percent(c.cohesion)}%` }} />
              </div>
              <p className="muted">
                {t('dashboard.cohesion', { percent: percent(c.cohesion), count: c.evidence })}
              </p>
            </li>
          ))}
        </ol>
      )}
      {view.unaligned.length > 0 && (
        <p className="coalitions__unaligned">
          <span className="muted">{t('dashboard.unaligned')}</span>{' '}
          {view.unaligned.map((m) => (
            <abbr key={m.stakeholderId} className="chip" title={m.name}>
              {m.shortCode}
            </abbr>
          ))}
        </p>
      )}
      {view.bridgingAmendments.length > 0 && (
        <>
          <h3>{t('dashboard.bridging')}</h3>
          <ul className="coalitions__bridging">
            {view.bridgingAmendments.map((b) => (
              <li key={b.amendmentId}>
                {t('dashboard.bridgingItem', {
                  blocks: b.supporters.map((s) => blockName(s.blockId)).join(' + '),
                  supporters: b.supporters
                    .flatMap((s) => s.stakeholderIds)
                    .map(code)
                    .join(', '),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted coalitions__method">
        {t('dashboard.coalitionsMethod', {
          delegations: view.delegations,
          targets: view.targets,
          threshold: percent(view.method.threshold),
        })}
      </p>
    </div>
  );
}
