// The draft toolbar's "Suggest changes" switch, shown only to those suggesting mode is for (see
// suggestAccess.ts): a delegate reading a formal document they may not type into.
import { useI18n } from '../../i18n/i18n.js';
import { useDraft } from '../draft-context.js';
import { maySuggest } from './suggestAccess.js';

export function SuggestToggle({ on, onToggle }: { on: boolean; onToggle: (on: boolean) => void }) {
  const { t } = useI18n();
  const { role, document } = useDraft();
  if (!maySuggest(role, document.mode, document.adopted)) return null;
  return (
    <label className="checkbox" title={t('suggest.toggleHint')}>
      <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} />
      {t('suggest.toggle')}
    </label>
  );
}
