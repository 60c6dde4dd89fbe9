// The two fields every amendment form asks for: the proposed words and the optional rationale,
// written once so tabling, revising and sub-amending read and behave alike.
import { useI18n } from '../../i18n/i18n.js';

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  /** The form field's name, where a form is read by name. */
  name?: string;
  rows?: number;
}

export function WordsField({
  label,
  value,
  onChange,
  autoFocus = true,
  name,
  rows = 3,
}: FieldProps & { label: string }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <textarea
        dir="auto"
        name={name}
        rows={rows}
        required
        maxLength={10000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus={autoFocus}
      />
    </label>
  );
}

export function RationaleField({ value, onChange, autoFocus = false, name, rows = 2 }: FieldProps) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span className="field__label">
        {t('amendmentForm.rationale')} <span className="muted">({t('common.optional')})</span>
      </span>
      <textarea
        dir="auto"
        name={name}
        rows={rows}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus={autoFocus}
      />
    </label>
  );
}
