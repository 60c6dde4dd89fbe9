// A new comment on a paragraph, or on the words selected in it (held by Yjs relative positions
// while the comment is written).
import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import { UserFacingError } from '../../api/errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { useAction } from '../../ui/useAction.js';
import { resolveRange, trackRange } from '../anchors.js';
import { useDraft } from '../draft-context.js';

export interface CommentTarget {
  paragraphId: string;
  start: number;
  end: number;
  text: string;
}

export function CommentForm({ target, onDone }: { target: CommentTarget; onDone: () => void }) {
  const { t } = useI18n();
  const { document, ydoc, reloadComments, setActiveId } = useDraft();
  const onWords = target.end > target.start;
  const [tracked] = useState(() =>
    onWords ? trackRange(ydoc, target.paragraphId, target.start, target.end) : null,
  );
  const [body, setBody] = useState('');
  const post = useAction(
    async () => {
      let range: { start: number; end: number } | undefined;
      if (onWords) {
        const now = tracked ? resolveRange(ydoc, tracked) : null;
        if (!now || now.end === now.start) throw new UserFacingError(t('amendmentForm.wordsGone'));
        range = { start: now.start, end: now.end };
      }
      const created = await api.postComment(document.documentId, {
        paragraphId: target.paragraphId,
        ...(range ? { range } : {}),
        body: body.trim(),
      });
      reloadComments();
      setActiveId(created.commentId);
      onDone();
    },
    () => t('comments.posted'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void post.run();
  };
  return (
    <form className="form card" onSubmit={submit}>
      <p className="comment__quote">
        {onWords ? t('comments.onWords', { quote: target.text }) : t('comments.onParagraph')}
      </p>
      <label className="field">
        <span className="field__label">{t('comments.body')}</span>
        <textarea
          name="comment"
          rows={3}
          required
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoFocus
        />
      </label>
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!body.trim() || post.busy}
        >
          {post.busy ? t('comments.posting') : t('comments.post')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
