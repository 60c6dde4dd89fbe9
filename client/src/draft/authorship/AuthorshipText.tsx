// The text coloured by who wrote it: each run tinted with its stakeholder's colour and opened by
// the stakeholder's code, a tooltip naming the stakeholder, the person and when (in the reader's
// locale and time zone), and a legend with each stakeholder's share of the text. Screen readers
// hear "written by MRU:" before each run; the code marker can be hidden for plain reading.
import type { AuthorshipRun, AuthorshipView } from '@accord/shared';
import { useId, useMemo, useState } from 'react';
import { useI18n, type I18n } from '../../i18n/i18n.js';
import { UNKNOWN_COLOUR, stakeholderColours, type StakeholderColour } from './colours.js';

type Lookups = Pick<AuthorshipView, 'stakeholders' | 'people'>;

/** "Republic of Maranu (MRU)", or the unknown label when the record does not know them. */
function stakeholderName(i18n: I18n, view: Lookups, stakeholderId: string | null): string {
  const s = stakeholderId === null ? undefined : view.stakeholders[stakeholderId];
  return s ? `${s.name} (${s.shortCode})` : i18n.t('authorship.unknown');
}

/** When a run was written: one moment, or a span within the same day. */
function runTime(i18n: I18n, run: AuthorshipRun): string {
  if (run.at === null) return '';
  if (run.until === null || run.until === run.at) return i18n.formatDateTime(run.at);
  return i18n.t('authorship.span', {
    from: i18n.formatDateTime(run.at),
    to: i18n.formatTime(run.until),
  });
}

/** The tooltip of a run: who (and through which amendment), the person, and when. */
export function runTitle(i18n: I18n, view: Lookups, run: AuthorshipRun): string {
  if (run.stakeholderId === null) return i18n.t('authorship.unknown');
  const name = stakeholderName(i18n, view, run.stakeholderId);
  const who = run.amendmentId ? i18n.t('authorship.viaAmendment', { name }) : name;
  const person =
    (run.userId === null ? null : view.people[run.userId]?.displayName) ??
    i18n.t('authorship.unknownPerson');
  const when = runTime(i18n, run);
  return when
    ? i18n.t('authorship.runTitle', { who, person, when })
    : i18n.t('authorship.runTitleUndated', { who, person });
}

interface LegendEntry {
  stakeholderId: string | null;
  chars: number;
}

/** Stakeholders named in the text, most characters first. */
function legendOf(view: AuthorshipView): LegendEntry[] {
  const chars = new Map<string | null, number>();
  for (const paragraph of view.paragraphs) {
    for (const run of paragraph.runs)
      chars.set(run.stakeholderId, (chars.get(run.stakeholderId) ?? 0) + run.text.length);
  }
  return [...chars]
    .map(([stakeholderId, count]) => ({ stakeholderId, chars: count }))
    .sort((a, b) => b.chars - a.chars);
}

export function AuthorshipText({
  view,
  order,
}: {
  view: AuthorshipView;
  /** Every stakeholder of the negotiation in registration order: fixes each one's colour. */
  order: readonly string[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [showCodes, setShowCodes] = useState(true);
  const colours = useMemo(() => stakeholderColours(order), [order]);
  const colourOf = (stakeholderId: string | null): StakeholderColour =>
    (stakeholderId === null ? undefined : colours.get(stakeholderId)) ?? UNKNOWN_COLOUR;
  const codeOf = (stakeholderId: string | null) =>
    (stakeholderId === null ? undefined : view.stakeholders[stakeholderId]?.shortCode) ?? '?';
  const legend = legendOf(view);

  if (view.paragraphs.length === 0) return <p className="muted">{t('authorship.empty')}</p>;
  return (
    <div className={`authorship${showCodes ? '' : ' authorship--no-codes'}`}>
      <section aria-labelledby={`${id}-legend`} className="authorship__legend">
        <h2 id={`${id}-legend`}>{t('authorship.legend')}</h2>
        <ul>
          {legend.map((entry) => {
            const colour = colourOf(entry.stakeholderId);
            return (
              <li key={entry.stakeholderId ?? 'unknown'} data-stakeholder={entry.stakeholderId}>
                <span
                  className="authorship__swatch"
                  style={{ background: colour.tint, borderColor: colour.mark }}
                  aria-hidden="true"
                />
                <span className="authorship__code" style={{ background: colour.mark }}>
                  {codeOf(entry.stakeholderId)}
                </span>{' '}
                {stakeholderName(i18n, view, entry.stakeholderId)}{' '}
                <span className="muted">{t('authorship.share', { count: entry.chars })}</span>
              </li>
            );
          })}
        </ul>
        <label className="authorship__toggle">
          <input
            type="checkbox"
            checked={showCodes}
            onChange={(e) => setShowCodes(e.target.checked)}
          />{' '}
          {t('authorship.showCodes')}
        </label>
      </section>

      <div className="authorship__text">
        {view.paragraphs.map((paragraph) => (
          <p
            key={paragraph.paragraphId}
            className={`authorship__paragraph authorship__paragraph--${paragraph.kind}`}
            data-paragraph={paragraph.paragraphId}
          >
            {paragraph.label !== null && (
              <span className="authorship__label">{paragraph.label}</span>
            )}
            {paragraph.runs.map((run, k) => {
              const colour = colourOf(run.stakeholderId);
              const code = codeOf(run.stakeholderId);
              return (
                <span
                  key={k}
                  className="authorship__run"
                  data-stakeholder={run.stakeholderId ?? ''}
                  title={runTitle(i18n, view, run)}
                  style={{ background: colour.tint, borderBottomColor: colour.mark }}
                >
                  <span className="visually-hidden">{t('authorship.srRun', { code })}</span>
                  <span
                    className="authorship__code authorship__code--inline"
                    style={{ background: colour.mark }}
                    aria-hidden="true"
                  >
                    {code}
                  </span>
                  {run.text}
                </span>
              );
            })}
          </p>
        ))}
      </div>
    </div>
  );
}
