// The review's trend, drawn in SVG (no chart library): for each point of the year before the
// review's day, a bar stacked by standing, so a forum sees pledges move from on track to silent.
// The figures are in each bar's title and in the legend for those who do not see the drawing.
import { standings, type TrendPoint } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

const WIDTH = 360;
const HEIGHT = 120;

export function TrendChart({ trend }: { trend: readonly TrendPoint[] }) {
  const { t, formatDate } = useI18n();
  const totals = trend.map((p) => standings.reduce((sum, s) => sum + p.counts[s], 0));
  const max = Math.max(1, ...totals);
  const slot = WIDTH / Math.max(trend.length, 1);
  const bar = slot * 0.7;
  const last = trend.at(-1);
  return (
    <figure className="pledge-trend">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('pledge.trend.label')}
        className="pledge-trend__chart"
      >
        {trend.map((point, i) => {
          let top = HEIGHT;
          return (
            <g key={point.date}>
              <title>
                {t('pledge.trend.point', {
                  date: formatDate(`${point.date}T12:00:00Z`),
                  count: totals[i] ?? 0,
                })}
              </title>
              {standings.map((standing) => {
                const height = (point.counts[standing] / max) * (HEIGHT - 4);
                top -= height;
                return height === 0 ? null : (
                  <rect
                    key={standing}
                    x={i * slot + (slot - bar) / 2}
                    y={top}
                    width={bar}
                    height={height}
                    className={`pledge-trend__bar pledge-trend__bar--${standing}`}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {trend[0] && last && (
          <span className="muted">
            {t('pledge.trend.caption', {
              from: formatDate(`${trend[0].date}T12:00:00Z`),
              to: formatDate(`${last.date}T12:00:00Z`),
            })}
          </span>
        )}
        <ul className="pledge-trend__legend">
          {standings.map((standing) => (
            <li key={standing}>
              <span
                className={`pledge-trend__swatch pledge-trend__bar--${standing}`}
                aria-hidden="true"
              />
              {t(`pledge.standing.${standing}`)}
              {last ? ` (${last.counts[standing]})` : ''}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
