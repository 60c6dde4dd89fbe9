// Reports progress on a pledge: the status, the period covered, a narrative, and a figure for
// each indicator. Only the pledger's own members (or the secretariat for an outside actor) see it.
import { progressStatuses, type PledgeView, type ProgressStatus } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';
import { pledgeApi } from './pledge-api.js';

export function ReportForm({ pledge, onReported }: { pledge: PledgeView; onReported: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<ProgressStatus>('on-track');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [narrative, setNarrative] = useState('');
  const [figures, setFigures] = useState<Record<string, string>>({});
  const report = useAction(
    async () => {
      await pledgeApi.report(pledge.pledgeId, {
        status,
        period: { from, to },
        narrative: narrative.trim(),
        figures: pledge.content.indicators
          .filter((i) => (figures[i.ref] ?? '').trim() !== '')
          .map((i) => ({ ref: i.ref, value: Number(figures[i.ref]) })),
      });
      setNarrative('');
      setFigures({});
      onReported();
    },
    () => t('pledge.reported'),
  );
  const complete = from !== '' && to !== '' && from <= to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) void report.run();
  };
  return (
    <form className="form card pledge-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('pledge.reportTitle')}</h2>
      <label className="field">
        <span className="field__label">{t('pledge.status')}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value as ProgressStatus)}>
          {progressStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`pledge.standing.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="pledge-form__row">
        <label className="field">
          <span className="field__label">{t('pledge.periodFrom')}</span>
          <input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('pledge.periodTo')}</span>
          <input type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t('pledge.narrative')}</span>
        <textarea
          rows={3}
          maxLength={8000}
          value={narrative}
          onChange={(e) => setNarrative(e.target.value)}
          dir="auto"
        />
      </label>
      {pledge.content.indicators.map((i) => (
        <label key={i.ref} className="field">
          <span className="field__label" dir="auto">
            {i.name} {i.unit && `(${i.unit})`}
          </span>
          <input
            type="number"
            value={figures[i.ref] ?? ''}
            onChange={(e) => setFigures((f) => ({ ...f, [i.ref]: e.target.value }))}
          />
        </label>
      ))}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!complete || report.busy}
        >
          {t('pledge.sendReport')}
        </button>
      </div>
    </form>
  );
}
