// Ticks the paragraphs a roundtable covers, numbered as in the text now; what is ticked is kept in
// the order of the text, whatever order it was ticked in.
import type { DocumentParagraph } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

export const inTextOrder = (paragraphs: readonly DocumentParagraph[], ids: readonly string[]) =>
  paragraphs.map((p) => p.id).filter((id) => ids.includes(id));

export function ParagraphPicker({
  paragraphs,
  selected,
  onChange,
}: {
  paragraphs: readonly DocumentParagraph[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="checkbox-list roundtable-form__paragraphs">
      <legend>{t('roundtable.covers')}</legend>
      <p className="field__hint">{t('roundtable.coversHint')}</p>
      <div className="scroll-box">
        {paragraphs.map((p) => (
          <label key={p.id} className="checkbox">
            <input
              type="checkbox"
              checked={selected.includes(p.id)}
              onChange={(e) =>
                onChange(
                  inTextOrder(
                    paragraphs,
                    e.target.checked ? [...selected, p.id] : selected.filter((x) => x !== p.id),
                  ),
                )
              }
            />
            <span>
              <strong>{p.label ?? t('paragraphKind.heading')}</strong>{' '}
              <span className="muted">
                {p.text.length > 70 ? `${p.text.slice(0, 70)}…` : p.text}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
