// Consensus over time as stacked bars, one per day the document moved: paragraphs agreed ad ref
// (green, at the foot), open (grey) and contested (red, on top), with the revisions issued that
// day named under their bar. Drawn in SVG; the same figures are in a table for screen readers.
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { SeriesPoint } from './series.js';

const BAR = 34;
const GAP = 22;
const LEFT = 36;
const TOP = 12;
const HEIGHT = 180;
const BOTTOM = 46;

const LAYERS = ['agreed', 'open', 'contested'] as const;

export function ConsensusChart({ series }: { series: readonly SeriesPoint[] }) {
  const { t, locale, timeZone, formatDate } = useI18n();
  const short = useMemo(
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }),
    [locale, timeZone],
  );
  if (series.length === 0) return <p className="muted">{t('dashboard.noHistory')}</p>;
  const max = Math.max(1, ...series.map((p) => p.agreed + p.open + p.contested));
  const scale = HEIGHT / max;
  const width = LEFT + series.length * (BAR + GAP) + GAP;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const describe = (p: SeriesPoint) =>
    t('dashboard.bar', {
      date: formatDate(p.at),
      agreed: p.agreed,
      open: p.open,
      contested: p.contested,
    });
  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${TOP + HEIGHT + BOTTOM}`}
        width={width}
        height={TOP + HEIGHT + BOTTOM}
        role="img"
        aria-label={t('dashboard.chartLabel')}
      >
        {ticks.map((v) => (
          <g key={v} className="chart__grid">
            <line
              x1={LEFT - 4}
              x2={width}
              y1={TOP + HEIGHT - v * scale}
              y2={TOP + HEIGHT - v * scale}
            />
            <text x={LEFT - 8} y={TOP + HEIGHT - v * scale + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {series.map((p, i) => {
          const x = LEFT + GAP + i * (BAR + GAP);
          let y = TOP + HEIGHT;
          return (
            <g key={p.day} className="chart__bar" data-day={p.day}>
              <title>{describe(p)}</title>
              {LAYERS.map((layer) => {
                const h = p[layer] * scale;
                y -= h;
                return h > 0 ? (
                  <rect
                    key={layer}
                    className={`chart__rect chart__rect--${layer}`}
                    x={x}
                    y={y}
                    width={BAR}
                    height={h}
                  />
                ) : null;
              })}
              <text
                className="chart__day"
                x={x + BAR / 2}
                y={TOP + HEIGHT + 16}
                textAnchor="middle"
              >
                {short.format(new Date(p.at))}
              </text>
              {p.revisions.length > 0 && (
                <text
                  className="chart__revision"
                  x={x + BAR / 2}
                  y={TOP + HEIGHT + 32}
                  textAnchor="middle"
                >
                  {p.revisions.join(', ')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        {LAYERS.map((layer) => (
          <span key={layer} className="chart__key">
            <span className={`chart__swatch chart__rect--${layer}`} aria-hidden="true" />
            {t(`dashboard.${layer}`)}
          </span>
        ))}
      </figcaption>
      <table className="visually-hidden">
        <caption>{t('dashboard.chartLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.day')}</th>
            <th scope="col">{t('dashboard.agreed')}</th>
            <th scope="col">{t('dashboard.open')}</th>
            <th scope="col">{t('dashboard.contested')}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.day}>
              <th scope="row">
                {formatDate(p.at)}
                {p.revisions.length > 0 ? ` (${p.revisions.join(', ')})` : ''}
              </th>
              <td>{p.agreed}</td>
              <td>{p.open}</td>
              <td>{p.contested}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
