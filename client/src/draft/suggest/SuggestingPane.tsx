// Suggesting mode on the draft page: the box for the paragraph in focus, drawn in the text right
// under that paragraph (above the text while the editor is not there yet), and what the delegate
// has typed in other paragraphs and not yet tabled (kept per paragraph, so moving to another
// paragraph and back loses nothing). Only this tab holds these words; the shared text is never
// written from here.
import type { ParagraphStatus } from '@accord/shared';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../i18n/i18n.js';
import { useDraft } from '../draft-context.js';
import type { OutlineEntry } from '../outline.js';
import { changedRange } from './changedRange.js';
import { useInlineSlot } from './inlineSlot.js';
import { startDraft, SuggestBox, type SuggestionDraft } from './SuggestBox.js';
import './suggest.css';

export function SuggestingPane({
  paragraph,
  status,
  onGoTo,
}: {
  /** The paragraph in focus, if any. */
  paragraph: OutlineEntry | undefined;
  status: ParagraphStatus;
  /** Brings another paragraph into focus (one with words not yet tabled). */
  onGoTo: (paragraphId: string) => void;
}) {
  const { t } = useI18n();
  const { editor } = useDraft();
  const slot = useInlineSlot(editor, paragraph?.id ?? null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, SuggestionDraft>>(new Map());

  const put = (paragraphId: string, draft: SuggestionDraft | null) =>
    setDrafts((before) => {
      const next = new Map(before);
      if (draft) next.set(paragraphId, draft);
      else next.delete(paragraphId);
      return next;
    });

  const label = paragraph ? (paragraph.label ?? t('panel.heading')) : '';
  const draft = paragraph
    ? (drafts.get(paragraph.id) ?? startDraft(label, paragraph.text))
    : undefined;
  const unsent = [...drafts.entries()].filter(
    ([id, d]) => id !== paragraph?.id && changedRange(d.base, d.words) !== null,
  );

  const box =
    paragraph && draft ? (
      <SuggestBox
        key={paragraph.id}
        paragraph={paragraph}
        label={label}
        status={status}
        draft={draft}
        onChange={(next) => put(paragraph.id, next)}
        onTabled={() => put(paragraph.id, null)}
        onDiscard={() => put(paragraph.id, null)}
      />
    ) : null;

  return (
    <>
      <section className="suggesting" aria-label={t('suggest.pane')}>
        {!box && <p className="muted">{t('suggest.pick')}</p>}
        {box && !slot && box}
        {unsent.length > 0 && (
          <p className="suggesting__unsent">
            {t('suggest.unsent')}{' '}
            {unsent.map(([id, d]) => (
              <button
                key={id}
                type="button"
                className="button button--small"
                onClick={() => onGoTo(id)}
              >
                {d.label}
              </button>
            ))}
          </p>
        )}
      </section>
      {box && slot && createPortal(box, slot)}
    </>
  );
}
