// Registers an action pledge on an adopted text: who pledges (a delegate for their state, civil
// society or an observer for their organisation, the secretariat for an outside actor it names),
// the title and commitments, partners, the timeline, indicators, and the objectives or paragraphs
// of the adopted text it serves.
import { pledgerKinds, type AdoptedTextView, type PledgerKind, type Role } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';
import { AdoptedTextSelect } from './AdoptedTextSelect.js';
import { pledgeApi } from './pledge-api.js';

/** The kinds each role may pledge as (the server's decider has the same rule). */
const kindsFor = (role: Role): readonly PledgerKind[] =>
  ({
    chair: [],
    delegate: ['state'],
    'civil-society': ['civil-society', 'business'],
    observer: ['international-organisation'],
    secretariat: pledgerKinds.filter((k) => k !== 'state'),
  })[role] as readonly PledgerKind[];

interface IndicatorDraft {
  name: string;
  unit: string;
  baseline: string;
  target: string;
}

const emptyIndicator = (): IndicatorDraft => ({ name: '', unit: '', baseline: '0', target: '' });

export function RegisterPledgeForm({
  negotiationId,
  role,
  texts,
  onRegistered,
  onCancel,
}: {
  negotiationId: string;
  role: Role;
  texts: readonly AdoptedTextView[];
  onRegistered: (pledgeId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const kinds = kindsFor(role);
  const [documentId, setDocumentId] = useState(texts[0]?.documentId ?? '');
  const [kind, setKind] = useState<PledgerKind>(kinds[0] ?? 'state');
  const [outsideActor, setOutsideActor] = useState('');
  const [title, setTitle] = useState('');
  const [commitments, setCommitments] = useState('');
  const [partners, setPartners] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [indicators, setIndicators] = useState<IndicatorDraft[]>([emptyIndicator()]);
  const [objectiveIds, setObjectiveIds] = useState<string[]>([]);
  const text = texts.find((x) => x.documentId === documentId);
  const onBehalf = role === 'secretariat';
  const filled = indicators.filter((i) => i.name.trim() !== '' && i.target.trim() !== '');

  const register = useAction(
    async () => {
      const answer = await pledgeApi.register(negotiationId, {
        documentId,
        pledger: { kind, ...(onBehalf ? { outsideActor: outsideActor.trim() } : {}) },
        content: {
          title: title.trim(),
          commitments: commitments.trim(),
          partners: partners
            .split('\n')
            .map((p) => p.trim())
            .filter((p) => p !== ''),
          timeline: { start, end },
          indicators: filled.map((i, n) => ({
            ref: `i${n + 1}`,
            name: i.name.trim(),
            unit: i.unit.trim(),
            baseline: Number(i.baseline) || 0,
            target: Number(i.target),
          })),
          objectiveIds,
          paragraphIds: [],
        },
      });
      onRegistered(answer.pledgeId);
    },
    () => t('pledge.registered'),
  );
  const complete =
    documentId !== '' &&
    title.trim() !== '' &&
    commitments.trim() !== '' &&
    start !== '' &&
    end !== '' &&
    start <= end &&
    objectiveIds.length > 0 &&
    (!onBehalf || outsideActor.trim() !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) void register.run();
  };
  const setIndicator = (n: number, change: Partial<IndicatorDraft>) =>
    setIndicators((list) => list.map((i, k) => (k === n ? { ...i, ...change } : i)));

  return (
    <form className="form card pledge-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('pledge.registerTitle')}</h2>
      <AdoptedTextSelect texts={texts} value={documentId} onChange={setDocumentId} />
      <label className="field">
        <span className="field__label">{t('pledge.pledgerKind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as PledgerKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`pledge.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {onBehalf && (
        <label className="field">
          <span className="field__label">{t('pledge.outsideActor')}</span>
          <input
            required
            maxLength={200}
            value={outsideActor}
            onChange={(e) => setOutsideActor(e.target.value)}
            dir="auto"
          />
          <span className="field__hint">{t('pledge.outsideActorHint')}</span>
        </label>
      )}
      <label className="field">
        <span className="field__label">{t('pledge.title')}</span>
        <input
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          dir="auto"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('pledge.commitments')}</span>
        <textarea
          required
          rows={4}
          maxLength={8000}
          value={commitments}
          onChange={(e) => setCommitments(e.target.value)}
          dir="auto"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('pledge.partners')}</span>
        <textarea
          rows={2}
          value={partners}
          onChange={(e) => setPartners(e.target.value)}
          dir="auto"
        />
        <span className="field__hint">{t('pledge.partnersHint')}</span>
      </label>
      <div className="pledge-form__row">
        <label className="field">
          <span className="field__label">{t('pledge.start')}</span>
          <input type="date" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('pledge.end')}</span>
          <input type="date" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </label>
      </div>
      <fieldset>
        <legend>{t('pledge.indicators')}</legend>
        {indicators.map((indicator, n) => (
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
          onClick={() => setIndicators((l) => [...l, emptyIndicator()])}
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
              checked={objectiveIds.includes(o.objectiveId)}
              onChange={(e) =>
                setObjectiveIds((list) =>
                  e.target.checked
                    ? [...list, o.objectiveId]
                    : list.filter((x) => x !== o.objectiveId),
                )
              }
            />
            <span dir="auto">{o.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!complete || register.busy}
        >
          {t('pledge.register')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('pledge.cancel')}
        </button>
      </div>
    </form>
  );
}
