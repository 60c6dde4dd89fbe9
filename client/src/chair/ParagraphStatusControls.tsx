// The chair's acts on one paragraph: gavel it agreed ad ref, bracket it, or reopen it.
import { can, type ParagraphStatus } from '@accord/shared';
import { api } from '../api/endpoints.js';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';

export function ParagraphStatusControls({
  paragraphId,
  label,
  status,
}: {
  paragraphId: string;
  label: string;
  status: ParagraphStatus;
}) {
  const { t } = useI18n();
  const { document, role, reloadDocument } = useDraft();
  const set = useAction(async (next: ParagraphStatus) => {
    await api.setParagraphStatus(document.documentId, paragraphId, next);
    reloadDocument();
  });
  if (!can(role, 'paragraph.setStatus') || document.adopted) return null;
  const choices: { status: ParagraphStatus; text: string; className: string }[] = [
    { status: 'agreed-ad-ref', text: t('chair.gavel'), className: 'button button--accept' },
    { status: 'bracketed', text: t('chair.bracket'), className: 'button' },
    { status: 'open', text: t('chair.reopen'), className: 'button' },
  ];
  return (
    <div className="chair-controls" role="group" aria-label={t('chair.console')}>
      {choices
        .filter((c) => c.status !== status)
        .map((c) => (
          <button
            key={c.status}
            type="button"
            className={c.className}
            disabled={set.busy}
            onClick={() => void set.run(c.status).then(() => undefined)}
            title={t('chair.statusSet', { label, status: t(`status.${c.status}`) })}
          >
            {c.text}
          </button>
        ))}
    </div>
  );
}
