// Fields both recommendation forms share (submitting one, and taking one up as an amendment):
// the document picker, a one-of-several choice, the wording with its rationale, and the buttons.
import type { DocumentSummary } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

export function DocumentPicker({
  id,
  value,
  onChange,
  documents,
  noneLabel,
}: {
  id: string;
  value: string;
  onChange: (documentId: string) => void;
  documents: readonly DocumentSummary[] | undefined;
  /** Offers "no document" first when set. */
  noneLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={id}>{t('recommendation.form.document')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {noneLabel !== undefined && <option value="">{noneLabel}</option>}
        {documents?.map((d) => (
          <option key={d.documentId} value={d.documentId} dir="auto">
            {d.title}
          </option>
        ))}
      </select>
    </>
  );
}

export function Choice<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="radio"
            name={name}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export function WordingFields({
  id,
  wording,
  onWording,
  rationale,
  onRationale,
}: {
  id: string;
  wording: string;
  onWording: (text: string) => void;
  rationale: string;
  onRationale: (text: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={`${id}-wording`}>{t('recommendation.form.wording')}</label>
      <textarea
        id={`${id}-wording`}
        dir="auto"
        required
        rows={4}
        maxLength={4000}
        value={wording}
        onChange={(e) => onWording(e.target.value)}
      />
      <label htmlFor={`${id}-rationale`}>{t('recommendation.form.rationale')}</label>
      <textarea
        id={`${id}-rationale`}
        dir="auto"
        rows={3}
        maxLength={2000}
        value={rationale}
        onChange={(e) => onRationale(e.target.value)}
      />
    </>
  );
}
