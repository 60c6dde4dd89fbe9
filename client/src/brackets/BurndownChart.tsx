// The bracket burn-down: open brackets and open options over time, as step lines (a count only
// changes when a bracket or option event happens), with the revisions issued marked where they
// fell. Drawn in SVG; the same figures are in a table for screen readers.
import type { BurndownView } from '@accord/shared';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

const WIDTH = 560;
const LEFT = 40;
const RIGHT = 16;
const TOP = 14;
const HEIGHT = 170;
const BOTTOM = 40;

const SERIES = ['brackets', 'options'] as const;
type Series = (typeof SERIES)[number];

interface Step {
  ms: number;
  brackets: number;
  options: number;
}

/** One step per point; the line carries the last count on to "now". */
export function burndownSteps(view: BurndownView, nowMs: number): Step[] {
  const steps = view.points.map((p) => ({
    ms: Date.parse(p.at),
    brackets: p.total.brackets,
    options: p.total.options,
  }));
  const last = steps.at(-1);
  if (last && nowMs > last.ms) steps.push({ ...last, ms: nowMs });
  return steps;
}

function stepPath(
  steps: readonly Step[],
  key: Series,
  x: (ms: number) => number,
  y: (n: number) => number,
) {
  return steps
    .map((s, i) => {
      const prev = steps[i - 1];
      const here = `${x(s.ms).toFixed(1)},${y(s[key]).toFixed(1)}`;
      if (!prev) return `M${here}`;
      return `H${x(s.ms).toFixed(1)} V${y(s[key]).toFixed(1)}`;
    })
    .join(' ');
}

export function BurndownChart({ view, nowMs }: { view: BurndownView; nowMs?: number }) {
  const { t, formatDate } = useI18n();
  // "Now" as the chart was first drawn; a change refetches and redraws it anyway.
  const [drawnAt] = useState(() => Date.now());
  const end = nowMs ?? drawnAt;
  const steps = useMemo(() => burndownSteps(view, end), [view, end]);
  if (view.points.length === 0) return <p className="muted">{t('burndown.none')}</p>;
  const first = steps[0]!.ms;
  const span = Math.max(1, steps.at(-1)!.ms - first);
  const max = Math.max(1, ...steps.map((s) => Math.max(s.brackets, s.options)));
  const x = (ms: number) => LEFT + ((ms - first) / span) * (WIDTH - LEFT - RIGHT);
  const y = (n: number) => TOP + HEIGHT - (n / max) * HEIGHT;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const latest = view.points.at(-1)!.total;
  return (
    <figure className="chart burndown">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${TOP + HEIGHT + BOTTOM}`}
        width={WIDTH}
        height={TOP + HEIGHT + BOTTOM}
        role="img"
        aria-label={t('burndown.chartLabel', {
          brackets: latest.brackets,
          options: latest.options,
        })}
      >
        {ticks.map((v) => (
          <g key={v} className="chart__grid">
            <line x1={LEFT - 4} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 8} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {view.revisions.map((r) => {
          const at = x(Date.parse(r.at));
          return (
            <g key={r.label} className="burndown__revision">
              <line x1={at} x2={at} y1={TOP} y2={TOP + HEIGHT} />
              <text x={at} y={TOP + HEIGHT + 30} textAnchor="middle">
                {r.label}
              </text>
            </g>
          );
        })}
        {SERIES.map((key) => (
          <path
            key={key}
            className={`burndown__line burndown__line--${key}`}
            d={stepPath(steps, key, x, y)}
          />
        ))}
        <text className="chart__day" x={LEFT} y={TOP + HEIGHT + 14} textAnchor="start">
          {formatDate(new Date(first).toISOString())}
        </text>
        <text className="chart__day" x={WIDTH - RIGHT} y={TOP + HEIGHT + 14} textAnchor="end">
          {formatDate(new Date(steps.at(-1)!.ms).toISOString())}
        </text>
      </svg>
      <figcaption className="chart__legend">
        {SERIES.map((key) => (
          <span key={key} className="chart__key">
            <span className={`chart__swatch burndown__swatch--${key}`} aria-hidden="true" />
            {t(`burndown.${key}`)}
          </span>
        ))}
      </figcaption>
      <table className="visually-hidden">
        <caption>{t('burndown.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('burndown.when')}</th>
            <th scope="col">{t('burndown.brackets')}</th>
            <th scope="col">{t('burndown.options')}</th>
          </tr>
        </thead>
        <tbody>
          {view.points.map((p) => (
            <tr key={p.position}>
              <th scope="row">{formatDate(p.at)}</th>
              <td>{p.total.brackets}</td>
              <td>{p.total.options}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
