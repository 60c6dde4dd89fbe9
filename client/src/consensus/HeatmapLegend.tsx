// The heatmap's legend: what each cell's colour and symbol mean (stripes for a group's stance, an
// outline for a sponsor's support), what each status word means, and what the support column
// counts — so nobody reads "no objection so far" as consensus.
import { useI18n } from '../i18n/i18n.js';
import { SYMBOLS } from './Heatmap.js';
import { consensusStatusesInLegendOrder } from './words.js';

export function HeatmapLegend() {
  const { t } = useI18n();
  const cells: [string, string][] = [
    ['support', t('stance.support')],
    ['can-accept', t('stance.can-accept')],
    ['reservation', t('stance.reservation')],
    ['objection', t('stance.objection')],
    ['abstain', t('stance.abstain')],
    ['undecided', t('consensus.undecided')],
    ['silent', t('consensus.silent')],
  ];
  // The badges show the status's name without figures; the figures are in the table itself.
  const statusName = (status: (typeof consensusStatusesInLegendOrder)[number]) =>
    status === 'no-objection-so-far'
      ? t('consensus.noObjectionSoFarName')
      : t(`consensusStatus.${status}`);
  return (
    <section className="legend-block" aria-label={t('consensus.legend')}>
      <h2 className="legend-block__title">{t('consensus.legend')}</h2>
      <h3 className="legend-block__part">{t('consensus.legendStances')}</h3>
      <dl className="legend">
        {cells.map(([kind, words]) => (
          <div key={kind} className="legend__entry">
            <dt className={`cell cell--${kind}`}>
              <span aria-hidden="true">{SYMBOLS[kind]}</span>
            </dt>
            <dd>{words}</dd>
          </div>
        ))}
        <div className="legend__entry">
          <dt className="cell cell--support cell--group" />
          <dd>{t('consensus.inherited')}</dd>
        </div>
        <div className="legend__entry">
          <dt className="cell cell--support cell--sponsor">
            <span aria-hidden="true">{SYMBOLS.support}</span>
          </dt>
          <dd>{t('consensus.sponsorLegend')}</dd>
        </div>
      </dl>
      <h3 className="legend-block__part">{t('consensus.legendStatuses')}</h3>
      <dl className="legend legend--statuses">
        {consensusStatusesInLegendOrder.map((status) => (
          <div key={status} className="legend__entry">
            <dt>
              <span className={`badge badge--consensus-${status}`}>{statusName(status)}</span>
            </dt>
            <dd>{t(`consensusLegend.${status}`)}</dd>
          </div>
        ))}
        <div className="legend__entry">
          <dt>
            <span className="breadth" aria-hidden="true">
              <span style={{ width: '50%' }} />
            </span>
          </dt>
          <dd>{t('consensus.breadthLegend')}</dd>
        </div>
      </dl>
    </section>
  );
}
