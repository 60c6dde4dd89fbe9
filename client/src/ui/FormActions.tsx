// The end of a form that submits or is cancelled: the submit button (disabled while incomplete
// or busy) and a cancel button, as the recommendation and pledge forms end.
import { useI18n } from '../i18n/i18n.js';

export function FormActions({
  submitLabel,
  disabled,
  onCancel,
}: {
  submitLabel: string;
  disabled: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={disabled}>
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
