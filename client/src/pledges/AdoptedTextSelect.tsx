// Chooses one of the negotiation's adopted texts, shown only when there is more than one.
import type { AdoptedTextView } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

export function AdoptedTextSelect({
  texts,
  value,
  onChange,
}: {
  texts: readonly AdoptedTextView[];
  value: string;
  onChange: (documentId: string) => void;
}) {
  const { t } = useI18n();
  if (texts.length < 2) return null;
  return (
    <label className="field">
      <span className="field__label">{t('pledge.adoptedText')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {texts.map((x) => (
          <option key={x.documentId} value={x.documentId}>
            {x.title}
          </option>
        ))}
      </select>
    </label>
  );
}
