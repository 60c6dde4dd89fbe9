// The language versions' burn-down: for each of the five other languages, how many paragraphs
// were current at the end of each day (at most the last month), as one line per language over
// the total to reach. Drawn in SVG; the same figures are in a table for screen readers.
import type { TranslationsSummary } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

const WIDTH = 560;
const LEFT = 40;
const RIGHT = 16;
const TOP = 14;
const HEIGHT = 150;
const BOTTOM = 28;

type Burndown = NonNullable<TranslationsSummary['burndown']>;

/** Each language's counts in day order, with its name for itself. */
export function burndownLines(summary: TranslationsSummary) {
  const days = summary.burndown ?? [];
  return summary.languages.map(({ language, name }) => ({
    language,
    name,
    current: days.map((d) => d.languages.find((l) => l.language === language)?.current ?? 0),
  }));
}

/** The most paragraphs the original had on any day: the top of the chart. */
const totalOf = (days: Burndown) =>
  Math.max(1, ...days.flatMap((d) => d.languages.map((l) => l.total)));

export function LanguageBurndown({ summary }: { summary: TranslationsSummary }) {
  const { t, formatDate } = useI18n();
  const days = summary.burndown ?? [];
  if (days.length === 0) return null;
  const lines = burndownLines(summary);
  const total = totalOf(days);
  const x = (i: number) =>
    LEFT + (days.length === 1 ? 0.5 : i / (days.length - 1)) * (WIDTH - LEFT - RIGHT);
  const y = (n: number) => TOP + HEIGHT - (n / total) * HEIGHT;
  const ticks = [0, Math.round(total / 2), total].filter((v, i, all) => all.indexOf(v) === i);
  // Midday UTC, so the day's label is the same calendar day in every time zone near UTC.
  const dayLabel = (day: string) => formatDate(`${day}T12:00:00.000Z`);
  return (
    <figure className="chart language-burndown">
      <h2>{t('languageVersions.burndown.title')}</h2>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${TOP + HEIGHT + BOTTOM}`}
        width={WIDTH}
        height={TOP + HEIGHT + BOTTOM}
        role="img"
        aria-label={t('languageVersions.burndown.chartLabel', { days: days.length, total })}
      >
        {ticks.map((v) => (
          <g key={v} className="chart__grid">
            <line x1={LEFT - 4} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 8} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {lines.map((line) => (
          <polyline
            key={line.language}
            className={`language-burndown__line language-burndown__line--${line.language}`}
            points={line.current.map((n, i) => `${x(i).toFixed(1)},${y(n).toFixed(1)}`).join(' ')}
          />
        ))}
        <text className="chart__day" x={LEFT} y={TOP + HEIGHT + 16} textAnchor="start">
          {dayLabel(days[0]!.day)}
        </text>
        <text className="chart__day" x={WIDTH - RIGHT} y={TOP + HEIGHT + 16} textAnchor="end">
          {dayLabel(days.at(-1)!.day)}
        </text>
      </svg>
      <figcaption className="chart__legend">
        {lines.map((line) => (
          <span key={line.language} className="chart__key">
            <span
              className={`chart__swatch language-burndown__swatch--${line.language}`}
              aria-hidden="true"
            />
            <span lang={line.language} dir="auto">
              {line.name}
            </span>
          </span>
        ))}
      </figcaption>
      {/* One row per language, one column per day: the language names stay row headers, apart
          from the side-by-side table's language columns. */}
      <table className="visually-hidden">
        <caption>{t('languageVersions.burndown.title')}</caption>
        <thead>
          <tr>
            <td />
            {days.map((d) => (
              <th key={d.day} scope="col">
                {dayLabel(d.day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.language} data-language={line.language}>
              <th scope="row" lang={line.language}>
                {line.name}
              </th>
              {line.current.map((n, i) => (
                <td key={days[i]!.day}>{n}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
