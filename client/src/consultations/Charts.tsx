// Small SVG charts of the synthesis (no chart library): horizontal bars of how many chose each
// option, and the running total of answers day by day. Each carries its figures as text too.
import { useI18n } from '../i18n/i18n.js';

export function OptionBars({
  options,
  of,
  label,
}: {
  options: readonly { optionId: string; label: string; count: number }[];
  /** Respondents who answered the question: each bar is a share of them. */
  of: number;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <ul className="option-bars" aria-label={label}>
      {options.map((o) => {
        const share = of === 0 ? 0 : o.count / of;
        return (
          <li key={o.optionId} className="option-bars__row">
            <span className="option-bars__label" dir="auto">
              {o.label}
            </span>
            <svg
              className="option-bars__bar"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              <rect x="0" y="0" width="100" height="10" className="option-bars__track" />
              <rect x="0" y="0" width={share * 100} height="10" className="option-bars__fill" />
            </svg>
            <span className="option-bars__count">
              {t('consultation.chosenBy', { count: o.count, percent: Math.round(share * 100) })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function ParticipationChart({
  days,
}: {
  days: readonly { day: string; count: number; cumulative: number }[];
}) {
  const { t, formatDate } = useI18n();
  if (days.length === 0) return <p className="muted">{t('consultation.noAnswers')}</p>;
  // One column per day (answers that day), and the running total as a line over them.
  const total = days.at(-1)!.cumulative;
  const width = 320;
  const height = 90;
  const slot = width / days.length;
  const column = Math.min(40, slot * 0.6);
  const y = (value: number) => height - (value / total) * height;
  const centre = (i: number) => slot * i + slot / 2;
  const points = days.map((d, i) => `${centre(i).toFixed(1)},${y(d.cumulative).toFixed(1)}`);
  return (
    <figure className="participation">
      <svg
        viewBox={`-4 -4 ${width + 8} ${height + 8}`}
        role="img"
        aria-label={t('consultation.participation')}
      >
        {days.map((d, i) => (
          <rect
            key={d.day}
            x={centre(i) - column / 2}
            y={y(d.count)}
            width={column}
            height={height - y(d.count)}
            className="participation__column"
          >
            <title>
              {t('consultation.dayTotal', {
                day: formatDate(`${d.day}T12:00:00Z`),
                count: d.cumulative,
              })}
            </title>
          </rect>
        ))}
        {days.length > 1 && <polyline points={points.join(' ')} className="participation__line" />}
      </svg>
      <figcaption className="muted">
        {t('consultation.participationCaption', {
          first: formatDate(`${days[0]!.day}T12:00:00Z`),
          last: formatDate(`${days.at(-1)!.day}T12:00:00Z`),
          count: total,
        })}
      </figcaption>
    </figure>
  );
}
