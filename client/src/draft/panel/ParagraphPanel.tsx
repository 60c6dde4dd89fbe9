// The side panel for the paragraph in focus: its number, status and kind, the chair's acts on
// it, what can be done with the selected words (table an amendment, comment), and its
// amendments, positions and comments in tabs.
import {
  can,
  paragraphKinds,
  type AmendmentKind,
  type ParagraphKind,
  type ParagraphStatus,
} from '@accord/shared';
import { useId, useState, type ReactNode } from 'react';
import { ParagraphStatusControls } from '../../chair/ParagraphStatusControls.js';
import { useI18n } from '../../i18n/i18n.js';
import { StatusBadge } from '../../ui/bits.js';
import { Tabs } from '../../ui/Tabs.js';
import { AmendmentCard } from '../amendments/AmendmentCard.js';
import { AgreedLanguageSection } from '../../library/AgreedLanguageSection.js';
import { PrivateDraftsSection } from '../../private-drafts/PrivateDraftsSection.js';
import { ParagraphRecommendations } from '../../recommendations/ParagraphRecommendations.js';
import { BracketsSection } from '../brackets/BracketsSection.js';
import { AmendmentForm, type AmendmentTarget } from '../amendments/AmendmentForm.js';
import { CommentForm, type CommentTarget } from '../comments/CommentForm.js';
import { CommentThreadView } from '../comments/CommentThreadView.js';
import { useDraft } from '../draft-context.js';
import { EmptyPanel } from './EmptyPanel.js';
import type { SelectionInfo } from '../editor/selection.js';
import type { OutlineEntry } from '../outline.js';
import { PositionForm } from '../positions/PositionForm.js';
import { PositionGroups } from '../positions/PositionGroups.js';
import { RequestPositions } from '../../notifications/RequestPositions.js';

type Tab = 'amendments' | 'positions' | 'comments';
type Form =
  | { kind: 'amendment'; amendmentKind: AmendmentKind; target: AmendmentTarget }
  | { kind: 'comment'; target: CommentTarget }
  | null;

export function ParagraphPanel({
  paragraph,
  status,
  selection,
}: {
  paragraph: OutlineEntry | undefined;
  status: ParagraphStatus;
  selection: SelectionInfo;
}) {
  const { t } = useI18n();
  const draft = useDraft();
  const { role, document, amendments, positions, comments, you, editor, textEditable } = draft;
  const id = useId();
  const [tab, setTab] = useState<Tab>('amendments');
  const [form, setForm] = useState<(Form & { paragraphId: string }) | null>(null);
  const [showDecided, setShowDecided] = useState(false);
  const [showResolved, setShowResolved] = useState(false);

  if (!paragraph) return <EmptyPanel />;
  const label = paragraph.label ?? t('panel.heading');
  const mayTable = can(role, 'amendment.table') && !document.adopted;
  const mayComment = can(role, 'comment.post') && !document.adopted;
  const own = selection.paragraphId === paragraph.id ? selection : null;
  const openForm = form?.paragraphId === paragraph.id ? form : null;

  const amendmentTarget = (start: number, end: number, text: string): AmendmentTarget => ({
    paragraphId: paragraph.id,
    label,
    paragraphKind: paragraph.kind,
    start,
    end,
    text,
  });
  const open = (next: Form) => {
    if (next) {
      setForm({ ...next, paragraphId: paragraph.id });
      setTab(next.kind === 'comment' ? 'comments' : 'amendments');
    } else setForm(null);
  };

  const forParagraph = amendments.filter((a) => a.paragraphId === paragraph.id);
  const pending = forParagraph.filter((a) => a.status === 'pending');
  const decided = forParagraph.filter((a) => a.status !== 'pending');
  const onParagraph = positions.filter(
    (p) => p.target.kind === 'paragraph' && p.target.id === paragraph.id,
  );
  const threads = comments.filter((c) => c.anchor.paragraphId === paragraph.id);
  const openThreads = threads.filter((c) => c.status === 'open');
  const resolved = threads.filter((c) => c.status === 'resolved');

  const setKind = (kind: ParagraphKind) => {
    if (!editor) return;
    editor.state.doc.forEach((node, offset) => {
      if (node.attrs.id === paragraph.id)
        editor.view.dispatch(editor.state.tr.setNodeAttribute(offset, 'kind', kind));
    });
  };

  return (
    <div className="panel" aria-labelledby={`${id}-title`}>
      <header className="panel__header">
        <h2 id={`${id}-title`} className="panel__title">
          {paragraph.label ? t('panel.paragraph', { label: paragraph.label }) : t('panel.heading')}
        </h2>
        <StatusBadge status={status} />
      </header>
      <p className="panel__excerpt" dir="auto">
        {paragraph.text.length > 160 ? `${paragraph.text.slice(0, 160)}…` : paragraph.text}
      </p>
      <ParagraphStatusControls paragraphId={paragraph.id} label={label} status={status} />
      {textEditable && status !== 'agreed-ad-ref' && (
        <label className="inline-field">
          <span>{t('paragraph.kind')}</span>
          <select value={paragraph.kind} onChange={(e) => setKind(e.target.value as ParagraphKind)}>
            {paragraphKinds.map((k) => (
              <option key={k} value={k}>
                {t(`paragraphKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}

      <section className="selection-box" aria-live="polite">
        {own?.acrossParagraphs && <p className="muted">{t('selection.acrossParagraphs')}</p>}
        {own && own.text && (
          <>
            <p className="quote">
              {t('selection.quote', {
                text: own.text.length > 120 ? `${own.text.slice(0, 120)}…` : own.text,
              })}
            </p>
            <div className="form__actions">
              {mayTable && (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() =>
                    open({
                      kind: 'amendment',
                      amendmentKind: 'replace',
                      target: amendmentTarget(own.start, own.end, own.text),
                    })
                  }
                >
                  {t('selection.tableAmendment')}
                </button>
              )}
              {mayComment && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    open({
                      kind: 'comment',
                      target: {
                        paragraphId: paragraph.id,
                        start: own.start,
                        end: own.end,
                        text: own.text,
                      },
                    })
                  }
                >
                  {t('selection.comment')}
                </button>
              )}
            </div>
          </>
        )}
        {!own?.text && !own?.acrossParagraphs && (mayTable || mayComment) && (
          <p className="muted">{mayTable ? t('selection.hint') : t('selection.hintComment')}</p>
        )}
        <div className="form__actions">
          {mayTable && own && !own.text && !own.acrossParagraphs && (
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                open({
                  kind: 'amendment',
                  amendmentKind: 'insert',
                  target: amendmentTarget(
                    own.start,
                    own.start,
                    paragraph.text.slice(Math.max(0, own.start - 60), own.start),
                  ),
                })
              }
            >
              {t('selection.insertHere')}
            </button>
          )}
          {mayTable && (
            <>
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  open({
                    kind: 'amendment',
                    amendmentKind: 'add-paragraph',
                    target: amendmentTarget(0, 0, ''),
                  })
                }
              >
                {t('paragraph.proposeNew')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  open({
                    kind: 'amendment',
                    amendmentKind: 'delete-paragraph',
                    target: amendmentTarget(0, 0, ''),
                  })
                }
              >
                {t('paragraph.proposeDelete')}
              </button>
            </>
          )}
          {mayComment && (
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                open({
                  kind: 'comment',
                  target: { paragraphId: paragraph.id, start: 0, end: 0, text: '' },
                })
              }
            >
              {t('paragraph.commentOn')}
            </button>
          )}
        </div>
      </section>

      <BracketsSection key={paragraph.id} paragraph={paragraph} status={status} selection={own} />
      <AgreedLanguageSection
        key={`library-${paragraph.id}`}
        paragraphId={paragraph.id}
        paragraphText={paragraph.text}
        selection={own}
      />
      <PrivateDraftsSection
        key={`private-${paragraph.id}`}
        paragraphId={paragraph.id}
        selection={own}
      />
      <ParagraphRecommendations
        negotiationId={document.negotiationId}
        documentId={document.documentId}
        paragraphId={paragraph.id}
        role={role}
        adopted={document.adopted}
      />

      {openForm?.kind === 'amendment' && (
        <AmendmentForm
          key={`${openForm.amendmentKind}:${openForm.target.start}:${openForm.target.end}`}
          target={openForm.target}
          initialKind={openForm.amendmentKind}
          onDone={() => open(null)}
        />
      )}
      {openForm?.kind === 'comment' && (
        <CommentForm target={openForm.target} onDone={() => open(null)} />
      )}

      <Tabs<Tab>
        label={t('panel.tabs')}
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            key: 'amendments',
            label: t('panel.tab.amendments', { count: pending.length }),
            content: (
              <CurrentAndEarlier
                current={pending}
                earlier={decided}
                shown={showDecided}
                onToggle={() => setShowDecided((v) => !v)}
                empty={t('amendment.none')}
                showLabel={t('amendment.showDecided', { count: decided.length })}
                hideLabel={t('amendment.hideDecided')}
                render={(a) => <AmendmentCard key={a.amendmentId} amendment={a} />}
              />
            ),
          },
          {
            key: 'positions',
            label: t('panel.tab.positions', { count: onParagraph.length }),
            content: (
              <div className="stack">
                <PositionGroups positions={onParagraph} />
                {!document.adopted && (
                  <PositionForm
                    key={paragraph.id}
                    target={{ kind: 'paragraph', id: paragraph.id }}
                    current={onParagraph.find((p) => p.stakeholderId === you.stakeholderId)}
                  />
                )}
                {can(role, 'position.request') && !document.adopted && (
                  <RequestPositions
                    key={`request-${paragraph.id}`}
                    target={{ kind: 'paragraph', id: paragraph.id }}
                    positions={onParagraph}
                  />
                )}
              </div>
            ),
          },
          {
            key: 'comments',
            label: t('panel.tab.comments', { count: openThreads.length }),
            content: (
              <CurrentAndEarlier
                current={openThreads}
                earlier={resolved}
                shown={showResolved}
                onToggle={() => setShowResolved((v) => !v)}
                empty={t('comments.none')}
                showLabel={t('comments.showResolved', { count: resolved.length })}
                hideLabel={t('comments.hideResolved')}
                render={(c) => <CommentThreadView key={c.commentId} thread={c} />}
              />
            ),
          },
        ]}
      />
    </div>
  );
}

/** What is current, then a toggle for what is settled (decided amendments, resolved threads). */
function CurrentAndEarlier<T>(props: {
  current: readonly T[];
  earlier: readonly T[];
  shown: boolean;
  onToggle: () => void;
  empty: string;
  showLabel: string;
  hideLabel: string;
  render: (item: T) => ReactNode;
}) {
  const { current, earlier, shown } = props;
  return (
    <div className="stack">
      {current.length === 0 && <p className="muted">{props.empty}</p>}
      {current.map(props.render)}
      {earlier.length > 0 && (
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={shown}
          onClick={props.onToggle}
        >
          {shown ? props.hideLabel : props.showLabel}
        </button>
      )}
      {shown && earlier.map(props.render)}
    </div>
  );
}
