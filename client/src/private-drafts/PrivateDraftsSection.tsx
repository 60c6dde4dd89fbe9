// Private drafting in the paragraph panel: "Draft privately" starts an amendment or a statement
// that only the members of the chosen owner (your delegation, or a group it belongs to) can see;
// below it, the owner's drafts on this paragraph, each with an editor, comments among members,
// "Table" (after confirmation it becomes a public amendment, or a comment for a statement) and
// "Discard". Shown only to roles the matrix allows (`privateDraft.*`).
import {
  amendmentKinds,
  can,
  PRIVATE_DRAFT_COMMENT_MAX,
  PRIVATE_DRAFT_RATIONALE_MAX,
  PRIVATE_DRAFT_TEXT_MAX,
  type AmendmentKind,
  type PrivateDraftKind,
  type PrivateDraftList,
  type PrivateDraftView,
} from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { useDraft } from '../draft/draft-context.js';
import type { SelectionInfo } from '../draft/editor/selection.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { useAction } from '../ui/useAction.js';
import { PRIVATE_DRAFT_NOTICE_KIND, privateDraftsApi } from './privateDraftsApi.js';
import './private-drafts.css';

export function PrivateDraftsSection(props: {
  paragraphId: string;
  selection: SelectionInfo | null;
}) {
  const { role } = useDraft();
  // Roles that never draft privately see nothing and do not ask: the answer would be a refusal.
  if (!can(role, 'privateDraft.read')) return null;
  return <LiveDrafts {...props} />;
}

/** Keeps the list live: a `private-draft` notice (only members get one) reloads it. */
function LiveDrafts(props: { paragraphId: string; selection: SelectionInfo | null }) {
  const { documentId } = useDraft().document;
  const drafts = useLiveResource(
    `private-drafts:${documentId}`,
    () => privateDraftsApi.list(documentId),
    (notice) => notice.kind === PRIVATE_DRAFT_NOTICE_KIND && notice.documentId === documentId,
  );
  if (!drafts.data) return null;
  return <PrivateDraftsPanel {...props} list={drafts.data} reload={drafts.reload} />;
}

/** The section for a loaded list of the owner's drafts. */
export function PrivateDraftsPanel({
  paragraphId,
  selection,
  list,
  reload,
}: {
  paragraphId: string;
  selection: SelectionInfo | null;
  list: PrivateDraftList;
  reload: () => void;
}) {
  const { t } = useI18n();
  const { role, document } = useDraft();
  const [starting, setStarting] = useState(false);
  const mayWrite = can(role, 'privateDraft.write') && !document.adopted;
  const here = list.drafts.filter((d) => d.paragraphId === paragraphId && d.status === 'drafting');
  return (
    <section className="private-drafts" aria-label={t('privateDrafts.title')}>
      <h3 className="private-drafts__title">{t('privateDrafts.title')}</h3>
      <p className="muted">{t('privateDrafts.intro')}</p>
      {mayWrite && !starting && (
        <button type="button" className="button button--small" onClick={() => setStarting(true)}>
          {t('privateDrafts.start')}
        </button>
      )}
      {mayWrite && starting && (
        <StartForm
          paragraphId={paragraphId}
          selection={selection}
          owners={list.owners}
          onDone={() => {
            setStarting(false);
            reload();
          }}
        />
      )}
      {here.length === 0 ? (
        <p className="muted">{t('privateDrafts.none')}</p>
      ) : (
        <ul className="private-drafts__list">
          {here.map((draft) => (
            <li key={draft.draftId}>
              <DraftCard draft={draft} mayWrite={mayWrite} onChanged={reload} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StartForm({
  paragraphId,
  selection,
  owners,
  onDone,
}: {
  paragraphId: string;
  selection: SelectionInfo | null;
  owners: readonly { stakeholderId: string; name: string | null }[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { document } = useDraft();
  const id = useId();
  const hasWords = Boolean(selection?.text);
  const [owner, setOwner] = useState(owners[0]?.stakeholderId ?? '');
  const [kind, setKind] = useState<PrivateDraftKind>('amendment');
  const [amendmentKind, setAmendmentKind] = useState<AmendmentKind>(
    hasWords ? 'replace' : 'add-paragraph',
  );
  const [text, setText] = useState('');
  const [rationale, setRationale] = useState('');
  const start = useAction(
    async () => {
      const range =
        kind === 'amendment' && selection && amendmentKind !== 'add-paragraph'
          ? { start: selection.start, end: selection.end }
          : undefined;
      await privateDraftsApi.start(document.documentId, {
        paragraphId,
        kind,
        text,
        rationale,
        ...(owner ? { ownerStakeholderId: owner } : {}),
        ...(kind === 'amendment' ? { amendmentKind } : {}),
        ...(range ? { range } : {}),
      });
      onDone();
    },
    () => t('privateDrafts.started'),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start.run();
  };
  return (
    <form className="private-drafts__form" onSubmit={submit}>
      {owners.length > 1 && (
        <label className="inline-field">
          <span>{t('privateDrafts.owner')}</span>
          <select value={owner} onChange={(e) => setOwner(e.target.value)}>
            {owners.map((o) => (
              <option key={o.stakeholderId} value={o.stakeholderId} dir="auto">
                {o.name ?? o.stakeholderId}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="private-drafts__kinds">
        <legend>{t('privateDrafts.kind')}</legend>
        {(['amendment', 'statement'] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {t(`privateDrafts.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'amendment' && (
        <label className="inline-field">
          <span>{t('privateDrafts.amendmentKind')}</span>
          <select
            value={amendmentKind}
            onChange={(e) => setAmendmentKind(e.target.value as AmendmentKind)}
          >
            {amendmentKinds.map((k) => (
              <option key={k} value={k}>
                {t(`amendmentKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'amendment' && hasWords && selection && (
        <p className="quote" dir="auto">
          {t('selection.quote', { text: selection.text.slice(0, 120) })}
        </p>
      )}
      <DraftFields text={text} rationale={rationale} onText={setText} onRationale={setRationale} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={start.busy}>
          {t('privateDrafts.create')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DraftCard({
  draft,
  mayWrite,
  onChanged,
}: {
  draft: PrivateDraftView;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const [text, setText] = useState(draft.text);
  const [rationale, setRationale] = useState(draft.rationale);
  const [comment, setComment] = useState('');
  const changed = text !== draft.text || rationale !== draft.rationale;
  const save = useAction(
    async () => {
      await privateDraftsApi.edit(draft.draftId, text, rationale);
      onChanged();
    },
    () => t('privateDrafts.saved'),
  );
  const table = useAction(
    async () => {
      await privateDraftsApi.table(draft.draftId);
      onChanged();
    },
    () => t(`privateDrafts.tabled.${draft.kind}`),
  );
  const discard = useAction(async () => {
    await privateDraftsApi.discard(draft.draftId);
    onChanged();
  });
  const post = useAction(async () => {
    await privateDraftsApi.comment(draft.draftId, comment.trim());
    setComment('');
    onChanged();
  });
  const busy = save.busy || table.busy || discard.busy;
  return (
    <article className="private-draft" aria-labelledby={`${id}-head`}>
      <header id={`${id}-head`} className="private-draft__head">
        <span dir="auto">
          {t(`privateDrafts.kind.${draft.kind}`)} · {draft.owner.name ?? draft.owner.stakeholderId}
        </span>{' '}
        <span className="muted">{formatDateTime(draft.updatedAt)}</span>
      </header>
      <DraftFields
        text={text}
        rationale={rationale}
        onText={setText}
        onRationale={setRationale}
        readOnly={!mayWrite}
      />
      {mayWrite && (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={busy || !changed}
            onClick={() => void save.run()}
          >
            {t('privateDrafts.save')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || changed}
            title={changed ? t('privateDrafts.saveFirst') : undefined}
            onClick={() => {
              if (window.confirm(t(`privateDrafts.confirmTable.${draft.kind}`))) void table.run();
            }}
          >
            {t('privateDrafts.table')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => {
              if (window.confirm(t('privateDrafts.confirmDiscard'))) void discard.run();
            }}
          >
            {t('privateDrafts.discard')}
          </button>
        </div>
      )}
      <details className="private-draft__comments">
        <summary>{t('privateDrafts.comments', { count: draft.comments.length })}</summary>
        <ul>
          {draft.comments.map((c) => (
            <li key={c.commentId}>
              <p dir="auto">{c.body}</p>
              <p className="muted">{formatDateTime(c.at)}</p>
            </li>
          ))}
        </ul>
        {mayWrite && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (comment.trim()) void post.run();
            }}
          >
            <label htmlFor={`${id}-comment`}>{t('privateDrafts.comment')}</label>
            <textarea
              id={`${id}-comment`}
              dir="auto"
              rows={2}
              maxLength={PRIVATE_DRAFT_COMMENT_MAX}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            <button type="submit" className="button button--small" disabled={post.busy}>
              {t('privateDrafts.postComment')}
            </button>
          </form>
        )}
      </details>
    </article>
  );
}

/** The draft's words and rationale, as both the new-draft form and a draft's editor show them. */
function DraftFields(props: {
  text: string;
  rationale: string;
  onText: (text: string) => void;
  onRationale: (rationale: string) => void;
  readOnly?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-text`}>{t('privateDrafts.text')}</label>
      <textarea
        id={`${id}-text`}
        dir="auto"
        rows={3}
        maxLength={PRIVATE_DRAFT_TEXT_MAX}
        value={props.text}
        readOnly={props.readOnly}
        onChange={(e) => props.onText(e.target.value)}
      />
      <label htmlFor={`${id}-rationale`}>{t('privateDrafts.rationale')}</label>
      <textarea
        id={`${id}-rationale`}
        dir="auto"
        rows={2}
        maxLength={PRIVATE_DRAFT_RATIONALE_MAX}
        value={props.rationale}
        readOnly={props.readOnly}
        onChange={(e) => props.onRationale(e.target.value)}
      />
    </>
  );
}
