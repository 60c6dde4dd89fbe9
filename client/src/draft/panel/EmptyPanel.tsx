// The side panel while no paragraph is in focus: a hint to choose one.
import { useI18n } from '../../i18n/i18n.js';

export function EmptyPanel() {
  const { t } = useI18n();
  return (
    <div className="panel panel--empty">
      <p className="muted">{t('panel.noParagraph')}</p>
    </div>
  );
}
