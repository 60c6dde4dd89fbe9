// The timeline scrubber: the document's milestones (created, revisions issued, amendments
// accepted, paragraphs agreed ad ref, adoption) on a range the keyboard can move along, ending at
// "Now". Moving it asks the record views as of that milestone.
import { useId } from 'react';
import type { MilestoneView } from '../api/types.js';
import { useI18n, type Translate } from '../i18n/i18n.js';

export function describeMilestone(t: Translate, milestone: MilestoneView): string {
  const label = milestone.label ?? '';
  switch (milestone.kind) {
    case 'revision-issued':
      return t('milestone.revision-issued', { label });
    case 'document-adopted':
      return t('milestone.document-adopted', { label });
    case 'document-created':
    case 'amendment-accepted':
    case 'paragraph-agreed-ad-ref':
      return t(`milestone.${milestone.kind}`);
  }
}

export function Timeline({
  milestones,
  index,
  onChange,
}: {
  milestones: readonly MilestoneView[];
  /** null: now. */
  index: number | null;
  onChange: (index: number | null) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const now = milestones.length;
  const at = index ?? now;
  const describe = (i: number) => {
    const m = milestones[i];
    return m
      ? t('timeline.at', { what: describeMilestone(t, m), date: formatDateTime(m.at) })
      : t('timeline.now');
  };
  return (
    <div className="timeline">
      <label htmlFor={`${id}-range`} className="field__label">
        {t('timeline.label')}
      </label>
      <div className="timeline__row">
        <input
          id={`${id}-range`}
          type="range"
          min={0}
          max={now}
          step={1}
          value={at}
          aria-valuetext={describe(at)}
          onChange={(e) => {
            const next = Number(e.target.value);
            onChange(next >= now ? null : next);
          }}
        />
        <output htmlFor={`${id}-range`} className="timeline__value">
          {index === null ? t('timeline.live') : t('timeline.asOf', { when: describe(at) })}
        </output>
        {index !== null && (
          <button type="button" className="button button--small" onClick={() => onChange(null)}>
            {t('timeline.backToNow')}
          </button>
        )}
      </div>
      <ol className="timeline__ticks" aria-hidden="true">
        {milestones.map((m, i) => (
          <li
            key={`${m.position ?? i}`}
            className={i === index ? 'is-current' : undefined}
            title={describe(i)}
          />
        ))}
        <li className={index === null ? 'is-current' : undefined} title={t('timeline.now')} />
      </ol>
    </div>
  );
}
