// The time-travel scrubber: the document's milestones laid out on a time axis from its creation to
// now, a range the keyboard moves along them (arrow keys, Home, End), and a field to stand on any
// moment in between. It only reports the chosen `asOf`; the screen decides what to show.
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { axisFraction, describePoint, pointIndex, timeAsOf, type TravelPoint } from './points.js';

export function Scrubber({
  points,
  asOf,
  onChange,
}: {
  /** Oldest first, ending with now (travelPoints). */
  points: readonly TravelPoint[];
  asOf: string;
  onChange: (asOf: string) => void;
}) {
  const { t, formatDateTime, formatDate } = useI18n();
  const id = useId();
  const [moment, setMoment] = useState('');
  const index = pointIndex(points, asOf);
  const current = points[index];
  const last = points.length - 1;
  const atTime = asOf.startsWith('time:') ? asOf.slice('time:'.length) : null;
  const describe = (i: number) => {
    const point = points[i];
    return point ? describePoint(t, formatDateTime, point) : '';
  };
  const go = (event: FormEvent) => {
    event.preventDefault();
    const next = timeAsOf(moment);
    if (next) onChange(next);
  };
  if (!current) return null;
  return (
    <div className="scrubber">
      <label htmlFor={`${id}-range`} className="field__label">
        {t('timeline.label')}
      </label>
      <div className="scrubber__track">
        <ol className="scrubber__axis" aria-hidden="true">
          {points.map((point, i) => (
            <li
              key={point.asOf}
              className={[
                'scrubber__mark',
                `scrubber__mark--${point.milestone?.kind ?? 'now'}`,
                i === index && !atTime ? 'is-current' : '',
              ].join(' ')}
              style={{ insetInlineStart: `${axisFraction(points, point.at) * 100}%` }}
            >
              <button
                type="button"
                tabIndex={-1}
                title={describe(i)}
                onClick={() => onChange(point.asOf)}
              />
              {(point.milestone?.kind === 'revision-issued' ||
                point.milestone?.kind === 'document-adopted' ||
                !point.milestone) && (
                <span className="scrubber__mark-label">
                  {point.milestone ? point.milestone.label : t('timeline.now')}
                </span>
              )}
            </li>
          ))}
          {atTime && (
            <li
              className="scrubber__mark scrubber__mark--time is-current"
              style={{ insetInlineStart: `${axisFraction(points, atTime) * 100}%` }}
            />
          )}
        </ol>
        {/* The keyboard's way along the milestones; the axis above shows where it stands. */}
        <input
          id={`${id}-range`}
          className="scrubber__range visually-hidden"
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          aria-valuetext={atTime ? formatDateTime(atTime) : describe(index)}
          onChange={(e) => {
            const next = points[Number(e.target.value)];
            if (next) onChange(next.asOf);
          }}
        />
        <div className="scrubber__ends muted" aria-hidden="true">
          <span>{formatDate(points[0]!.at)}</span>
          <span>{formatDate(points[last]!.at)}</span>
        </div>
      </div>
      <div className="scrubber__status">
        <output htmlFor={`${id}-range`} className="scrubber__value" aria-live="polite">
          {atTime
            ? t('timetravel.atMoment', { date: formatDateTime(atTime) })
            : current.milestone
              ? t('timeline.asOf', { when: describe(index) })
              : t('timeline.live')}
        </output>
        <button
          type="button"
          className="button button--small"
          disabled={index === 0 && !atTime}
          onClick={() => onChange(points[Math.max(0, atTime ? index : index - 1)]!.asOf)}
        >
          {t('timetravel.earlier')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={index === last}
          onClick={() => onChange(points[Math.min(last, index + 1)]!.asOf)}
        >
          {t('timetravel.later')}
        </button>
        {index !== last || atTime ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange(points[last]!.asOf)}
          >
            {t('timeline.backToNow')}
          </button>
        ) : null}
      </div>
      <form className="scrubber__moment" onSubmit={go}>
        <label className="inline-field">
          <span>{t('timetravel.moment')}</span>
          <input
            type="datetime-local"
            value={moment}
            onChange={(e) => setMoment(e.target.value)}
            required
          />
        </label>
        <button type="submit" className="button button--small">
          {t('timetravel.goToMoment')}
        </button>
      </form>
    </div>
  );
}
