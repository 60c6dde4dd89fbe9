// One comment thread: the words it is about, the comment and its replies with their authors,
// a reply form, and resolving or reopening (its author, the chair or the secretariat).
import { can } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import type { CommentEntry, CommentThread } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { StakeholderChip } from '../../ui/bits.js';
import { chairTitleKey } from '../../ui/chairTitle.js';
import { useNegotiation } from '../../app/negotiation-context.js';
import { useAction } from '../../ui/useAction.js';
import { useDraft } from '../draft-context.js';

function Entry({ entry }: { entry: CommentEntry }) {
  const { t, formatDateTime } = useI18n();
  const { negotiation } = useNegotiation();
  // The chairs of the negotiation now: a chair's comment is the Chair's, not their delegation's.
  const title = chairTitleKey(
    negotiation.chairs.some((c) => c.userId === entry.author.userId),
    negotiation.chairs.length,
  );
  return (
    <div className="comment__entry">
      <p className="comment__author">
        {title ? (
          <span className="chip chip--chair">{t(title)}</span>
        ) : (
          <StakeholderChip stakeholder={entry.author.stakeholder} />
        )}{' '}
        <bdi>{entry.author.displayName}</bdi>{' '}
        <time className="muted" dateTime={entry.postedAt}>
          {formatDateTime(entry.postedAt)}
        </time>
      </p>
      <p className="comment__body" dir="auto">
        {entry.body}
      </p>
    </div>
  );
}

export function CommentThreadView({ thread }: { thread: CommentThread }) {
  const { t } = useI18n();
  const { document, you, role, reloadComments, activeId, setActiveId } = useDraft();
  const id = useId();
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const post = useAction(async () => {
    await api.reply(document.documentId, thread.commentId, reply.trim());
    setReply('');
    setReplying(false);
    reloadComments();
  });
  const toggle = useAction(async () => {
    if (thread.status === 'open') await api.resolveComment(document.documentId, thread.commentId);
    else await api.reopenComment(document.documentId, thread.commentId);
    reloadComments();
  });
  const mayResolve = thread.author.userId === you.userId || can(role, 'comment.resolve');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void post.run();
  };
  return (
    <article
      className={`comment card comment--${thread.status}${activeId === thread.commentId ? ' is-active' : ''}`}
      aria-labelledby={`${id}-quote`}
      onMouseEnter={() => setActiveId(thread.commentId)}
      onFocus={() => setActiveId(thread.commentId)}
    >
      <p id={`${id}-quote`} className="comment__quote">
        {thread.anchor.range
          ? t('comments.onWords', { quote: thread.anchor.range.quote })
          : t('comments.onParagraph')}
        {thread.status === 'resolved' && <span className="badge"> {t('comments.resolved')}</span>}
      </p>
      <Entry entry={thread} />
      {thread.replies.length > 0 && (
        <ol
          className="comment__replies"
          aria-label={t('comments.replies', { count: thread.replies.length })}
        >
          {thread.replies.map((r) => (
            <li key={r.commentId}>
              <Entry entry={r} />
            </li>
          ))}
        </ol>
      )}
      <div className="form__actions">
        {thread.status === 'open' && can(role, 'comment.post') && (
          <button
            type="button"
            className="button button--small"
            aria-expanded={replying}
            onClick={() => setReplying((v) => !v)}
          >
            {t('comments.reply')}
          </button>
        )}
        {mayResolve && (
          <button
            type="button"
            className="button button--small"
            disabled={toggle.busy}
            onClick={() => void toggle.run()}
          >
            {thread.status === 'open' ? t('comments.resolve') : t('comments.reopen')}
          </button>
        )}
      </div>
      {replying && (
        <form className="form" onSubmit={submit}>
          <label className="field">
            <span className="field__label">{t('comments.replyLabel')}</span>
            <textarea
              rows={2}
              required
              maxLength={5000}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
              autoFocus
            />
          </label>
          <button
            type="submit"
            className="button button--primary"
            disabled={!reply.trim() || post.busy}
          >
            {t('comments.postReply')}
          </button>
        </form>
      )}
    </article>
  );
}
