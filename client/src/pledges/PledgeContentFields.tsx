// The fields of what a pledge says — title, commitments, partners, timeline, indicators and the
// objectives it serves — shared by the register and revise forms, with the draft they edit: made
// empty or from a pledge's content, checked for completeness, and turned into the API's input.
import type { AdoptedTextView, PledgeContent, PledgeContentInput } from '@accord/shared';
import type { Dispatch, SetStateAction } from 'react';
import { useI18n } from '../i18n/i18n.js';

interface IndicatorDraft {
  /** The key progress reports use; kept on revision so earlier figures still match. */
  ref: string | null;
  name: string;
  unit: string;
  baseline: string;
  target: string;
}

export interface PledgeContentDraft {
  title: string;
  commitments: string;
  partners: string;
  start: string;
  end: string;
  indicators: IndicatorDraft[];
  objectiveIds: string[];
  /** Paragraph links made elsewhere (no field here), carried through a revision unchanged. */
  paragraphIds: string[];
}

const emptyIndicator = (): IndicatorDraft => ({
  ref: null,
  name: '',
  unit: '',
  baseline: '0',
  target: '',
});

export const emptyContentDraft = (): PledgeContentDraft => ({
  title: '',
  commitments: '',
  partners: '',
  start: '',
  end: '',
  indicators: [emptyIndicator()],
  objectiveIds: [],
  paragraphIds: [],
});

export const contentDraftOf = (content: PledgeContent): PledgeContentDraft => ({
  title: content.title,
  commitments: content.commitments,
  partners: content.partners.join('\n'),
  start: content.timeline.start,
  end: content.timeline.end,
  indicators: content.indicators.map((i) => ({
    ref: i.ref,
    name: i.name,
    unit: i.unit,
    baseline: String(i.baseline),
    target: String(i.target),
  })),
  objectiveIds: content.objectives.map((o) => o.objectiveId),
  paragraphIds: content.paragraphs.map((p) => p.paragraphId),
});

const filledIndicators = (draft: PledgeContentDraft) =>
  draft.indicators.filter((i) => i.name.trim() !== '' && i.target.trim() !== '');

export const contentComplete = (draft: PledgeContentDraft): boolean =>
  draft.title.trim() !== '' &&
  draft.commitments.trim() !== '' &&
  draft.start !== '' &&
  draft.end !== '' &&
  draft.start <= draft.end &&
  draft.objectiveIds.length + draft.paragraphIds.length > 0;

/** The API's input; new indicators get keys no kept indicator uses. */
export function contentInput(draft: PledgeContentDraft): PledgeContentInput {
  const taken = new Set(draft.indicators.flatMap((i) => (i.ref ? [i.ref] : [])));
  let next = 1;
  const freshRef = () => {
    while (taken.has(`i${next}`)) next += 1;
    taken.add(`i${next}`);
    return `i${next}`;
  };
  return {
    title: draft.title.trim(),
    commitments: draft.commitments.trim(),
    partners: draft.partners
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    timeline: { start: draft.start, end: draft.end },
    indicators: filledIndicators(draft).map((i) => ({
      ref: i.ref ?? freshRef(),
      name: i.name.trim(),
      unit: i.unit.trim(),
      baseline: Number(i.baseline) || 0,
      target: Number(i.target),
    })),
    objectiveIds: draft.objectiveIds,
    paragraphIds: draft.paragraphIds,
  };
}

export function PledgeContentFields({
  draft,
  onChange,
  text,
}: {
  draft: PledgeContentDraft;
  onChange: Dispatch<SetStateAction<PledgeContentDraft>>;
  /** The adopted text whose objectives may be chosen. */
  text: AdoptedTextView | undefined;
}) {
  const { t } = useI18n();
  const set = (change: Partial<PledgeContentDraft>) => onChange((d) => ({ ...d, ...change }));
  const setIndicator = (n: number, change: Partial<IndicatorDraft>) =>
    onChange((d) => ({
      ...d,
      indicators: d.indicators.map((i, k) => (k === n ? { ...i, ...change } : i)),
    }));
  const toggleObjective = (objectiveId: string, checked: boolean) =>
    onChange((d) => ({
      ...d,
      objectiveIds: checked
        ? [...d.objectiveIds, objectiveId]
        : d.objectiveIds.filter((x) => x !== objectiveId),
    }));
  return (
    <>
      <label className="field">
        <span className="field__label">{t('pledge.title')}</span>
        <input
          required
          maxLength={300}
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          dir="auto"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('pledge.commitments')}</span>
        <textarea
          required
          rows={4}
          maxLength={8000}
          value={draft.commitments}
          onChange={(e) => set({ commitments: e.target.value })}
          dir="auto"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('pledge.partners')}</span>
        <textarea
          rows={2}
          value={draft.partners}
          onChange={(e) => set({ partners: e.target.value })}
          dir="auto"
        />
        <span className="field__hint">{t('pledge.partnersHint')}</span>
      </label>
      <div className="pledge-form__row">
        <label className="field">
          <span className="field__label">{t('pledge.start')}</span>
          <input
            type="date"
            required
            value={draft.start}
            onChange={(e) => set({ start: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('pledge.end')}</span>
          <input
            type="date"
            required
            value={draft.end}
            onChange={(e) => set({ end: e.target.value })}
          />
        </label>
      </div>
      <fieldset>
        <legend>{t('pledge.indicators')}</legend>
        {draft.indicators.map((indicator, n) => (
          <div key={n} className="pledge-form__row">
            <label className="field">
              <span className="field__label">{t('pledge.indicator.name')}</span>
              <input
                maxLength={200}
                value={indicator.name}
                onChange={(e) => setIndicator(n, { name: e.target.value })}
                dir="auto"
              />
            </label>
            <label className="field">
              <span className="field__label">{t('pledge.indicator.unit')}</span>
              <input
                maxLength={40}
                value={indicator.unit}
                onChange={(e) => setIndicator(n, { unit: e.target.value })}
                dir="auto"
              />
            </label>
            <label className="field">
              <span className="field__label">{t('pledge.indicator.baseline')}</span>
              <input
                type="number"
                value={indicator.baseline}
                onChange={(e) => setIndicator(n, { baseline: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">{t('pledge.indicator.target')}</span>
              <input
                type="number"
                value={indicator.target}
                onChange={(e) => setIndicator(n, { target: e.target.value })}
              />
            </label>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange((d) => ({ ...d, indicators: [...d.indicators, emptyIndicator()] }))
          }
        >
          {t('pledge.addIndicator')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('pledge.objectives')}</legend>
        <p className="field__hint">{t('pledge.objectivesHint')}</p>
        {text?.objectives.map((o) => (
          <label key={o.objectiveId} className="checkbox">
            <input
              type="checkbox"
              checked={draft.objectiveIds.includes(o.objectiveId)}
              onChange={(e) => toggleObjective(o.objectiveId, e.target.checked)}
            />
            <span dir="auto">{o.label}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
