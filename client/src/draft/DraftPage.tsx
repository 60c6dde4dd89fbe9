// The draft: the live text (editable by those the server lets write), the connection and who is
// here, the chair's tools, and the panel of the paragraph in focus. The record around the text
// (the document, amendments, positions, comments) reloads itself on live change notices.
// The editor (TipTap, ProseMirror), the paragraph panel and the document acts of the toolbar are
// chunks of their own, fetched as the page opens: until the editor is there the same paragraphs
// are shown read-only (TextPreview), and the panel is only needed once a paragraph is in focus, so
// the first view waits for neither (issue #18's budget for this page).
import { CollabCloseCode } from '@accord/shared';
import type { Editor } from '@tiptap/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLatest } from '../lib/useLatest.js';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.js';
import type { Amendment, DocumentDetail } from '../api/types.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { ProcessBanner } from '../process/ProcessBanner.js';
import { knownAmendments, knownCommentAuthors } from '../realtime/knownRecords.js';
import { useDocumentRoom } from '../realtime/rooms.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { useSession, useSignedIn } from '../session/session.js';
import { Loading, LoadError, Notice } from '../ui/bits.js';
import { BRACKET_NOTICE_KINDS, bracketsApi } from './brackets/bracketsApi.js';
import { ConnectionStatus } from './collab/ConnectionStatus.js';
import { PresenceList } from './collab/PresenceList.js';
import { useCollab } from './collab/useCollab.js';
import { useDocumentPresence } from './collab/usePresence.js';
import { useRefusalRecovery } from './collab/useRefusalRecovery.js';
import { DraftContext, type DraftContextValue } from './draft-context.js';
import type { BracketMarksInput } from './editor/bracketMarks.js';
import type { CaretUser } from './editor/DraftEditor.js';
import { SkipOnError, SkippedNote } from './SkipOnError.js';
import { SuggestToggle } from './suggest/SuggestToggle.js';
import { maySuggest } from './suggest/suggestAccess.js';
import type { MarginInfo } from './editor/margin.js';
import type { PlaceInput } from './editor/place.js';
import { NO_SELECTION, type SelectionInfo } from './editor/selection.js';
import { useOutline } from './outline.js';
import { EmptyPanel } from './panel/EmptyPanel.js';
import { TextPreview } from './TextPreview.js';
import { tallyByTarget } from './positions/tally.js';
import { textAccess } from './textAccess.js';
import { NOW, pastDraftHref } from '../timetravel/points.js';
import { LazyTimeTravel } from '../timetravel/LazyTimeTravel.js';
import { travelViewOf } from '../timetravel/points.js';
import { SegmentGate } from '../segments/SegmentGate.js';

const loadEditor = () => import('./editor/DraftEditor.js');
const DraftEditor = lazy(() => loadEditor().then((m) => ({ default: m.DraftEditor })));
// The toolbar's document acts (mode, revision, adoption, export) join it once downloaded.
const loadDocumentActs = () => import('../chair/DocumentChairControls.js');
const DocumentChairControls = lazy(() =>
  loadDocumentActs().then((m) => ({ default: m.DocumentChairControls })),
);
// Shown only after the server refused a change, so fetched only then.
const NotSavedPanel = lazy(() =>
  import('./collab/NotSavedPanel.js').then((m) => ({ default: m.NotSavedPanel })),
);
const loadPanel = () => import('./panel/ParagraphPanel.js');
const ParagraphPanel = lazy(() => loadPanel().then((m) => ({ default: m.ParagraphPanel })));
// Suggesting works in the editor too (ProseMirror decorations): fetched when switched on.
const SuggestingPane = lazy(() =>
  import('./suggest/SuggestingPane.js').then((m) => ({ default: m.SuggestingPane })),
);

/** Changes that alter the document's record: mode, revisions, paragraph statuses, pending count. */
const DOCUMENT_KINDS = new Set(['document', 'paragraph', 'amendment']);

export function DraftPage() {
  const { documentId = '' } = useParams();
  const [params] = useSearchParams();
  // ?asOf= or ?from=&to=: the draft in the past (read-only), without the live text.
  const travel = travelViewOf(params);
  if (travel) return <LazyTimeTravel key={documentId} documentId={documentId} view={travel} />;
  // A new document is a new page: no state (or live text) carries over.
  // A segment the reader's role may not follow shows the text as of their horizon instead.
  return (
    <SegmentGate key={documentId} documentId={documentId}>
      <DraftScreen documentId={documentId} />
    </SegmentGate>
  );
}

function DraftScreen({ documentId }: { documentId: string }) {
  const document = useLiveResource(
    `document:${documentId}`,
    () => api.document(documentId),
    (n) => n.documentId === documentId && DOCUMENT_KINDS.has(n.kind),
  );
  useDocumentRoom(documentId);
  // The editor and the panel download while the document and the text arrive.
  useEffect(() => {
    void loadEditor();
    void loadPanel();
    void loadDocumentActs();
  }, []);
  if (document.error && !document.data)
    return <LoadError error={document.error} retry={document.reload} />;
  if (!document.data) return <Loading />;
  return <Draft document={document.data} reloadDocument={document.reload} />;
}

function Draft({
  document,
  reloadDocument,
}: {
  document: DocumentDetail;
  reloadDocument: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { documentId } = document;
  const { negotiation, stakeholders, mine } = useNegotiation();
  const { user } = useSignedIn();
  const session = useSession();
  const you = negotiation.you;

  const amendments = useLiveResource(
    `amendments:${documentId}`,
    () => api.amendments(documentId),
    (n) => n.documentId === documentId && n.kind === 'amendment',
  );
  const positions = useLiveResource(
    `positions:${documentId}`,
    () => api.positions(documentId),
    (n) => n.documentId === documentId && n.kind === 'position',
  );
  const comments = useLiveResource(
    `comments:${documentId}`,
    () => api.comments(documentId),
    (n) => n.documentId === documentId && n.kind === 'comment',
  );

  const brackets = useLiveResource(
    `brackets:${documentId}`,
    () => bracketsApi.list(documentId),
    (n) => n.documentId === documentId && BRACKET_NOTICE_KINDS.has(n.kind),
  );

  const collab = useCollab(documentId);
  const { session: live } = collab;
  // A refused change poisons this copy of the text: start afresh, keeping the user's words.
  const recovery = useRefusalRecovery(collab);
  useEffect(
    () =>
      live.subscribe(() => {
        const { state } = live.getSnapshot();
        if (state.kind === 'stopped' && state.code === CollabCloseCode.SessionEnded) {
          session.refresh();
        }
      }),
    [live, session],
  );

  // Leaving with changes not yet sent would lose them: let the browser ask first.
  const unsent = collab.snapshot.unsent;
  useEffect(() => {
    if (unsent === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsent]);

  const access = textAccess(you.role, document.mode, document.adopted, recovery.paused);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [selection, setSelection] = useState<SelectionInfo>(NO_SELECTION);
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState<string | null>(() => params.get('paragraph'));
  const [activeId, setActiveId] = useState<string | null>(null);
  const [showProposals, setShowProposals] = useState(true);
  const [showComments, setShowComments] = useState(true);
  // Suggesting mode: a delegate's typing stays in this tab and becomes their amendment.
  const [suggestingOn, setSuggesting] = useState(false);
  const suggesting = suggestingOn && maySuggest(you.role, document.mode, document.adopted);
  const frozenNumbering = useMemo(() => new Map(document.numbering), [document.numbering]);
  const outline = useOutline(live.doc, frozenNumbering);
  const people = useDocumentPresence(live.awareness);

  useEffect(() => {
    for (const a of amendments.data ?? []) knownAmendments.set(a.amendmentId, a);
    for (const c of comments.data ?? []) knownCommentAuthors.set(c.commentId, c.author.userId);
  }, [amendments.data, comments.data]);

  const currentId = selection.paragraphId ?? chosen;
  const paragraph = outline.find((p) => p.id === currentId);
  const statuses = useMemo(
    () => new Map(document.paragraphStatuses.map((s) => [s.paragraphId, s.status])),
    [document.paragraphStatuses],
  );
  const margin = useMemo<MarginInfo>(
    () => ({
      statuses,
      stances: tallyByTarget((positions.data ?? []).filter((p) => p.target.kind === 'paragraph')),
      currentId: currentId ?? null,
      lockedLabel: t('draft.lockedParagraph'),
      frozenNumbering,
    }),
    [statuses, positions.data, currentId, t, frozenNumbering],
  );
  const annotations = useMemo<PlaceInput>(
    () => ({
      amendments: showProposals
        ? (amendments.data ?? []).filter((a) => a.status === 'pending')
        : [],
      comments: showComments ? (comments.data ?? []).filter((c) => c.status === 'open') : [],
      activeId,
      // A chair's compromise is the Chair's, not the chair's delegation's.
      sponsorCode: (a: Amendment) =>
        a.chairsCompromise ? t('amendment.chair') : (a.sponsor.shortCode ?? ''),
      describe: (a: Amendment) =>
        `${a.chairsCompromise ? t('amendment.chair') : (a.sponsor.name ?? '')}: ${t(`amendmentKind.${a.kind}`)}${a.rationale ? ` — ${a.rationale}` : ''}`,
    }),
    [showProposals, showComments, amendments.data, comments.data, activeId, t],
  );
  const bracketMarks = useMemo<BracketMarksInput | null>(
    () =>
      brackets.data
        ? {
            brackets: brackets.data.brackets,
            optionSets: brackets.data.optionSets,
            describe: (b) => {
              const who = stakeholders.get(b.placedBy.stakeholderId);
              return t('brackets.describe', {
                who: `${who?.shortCode ?? who?.name ?? '?'} · ${formatDateTime(b.placedAt)}`,
                note: b.note ? ` — ${b.note}` : '',
              });
            },
          }
        : null,
    [brackets.data, stakeholders, t, formatDateTime],
  );
  const caretLabel = useCallback(
    (u: CaretUser) => {
      const code = (u.stakeholderId && stakeholders.get(u.stakeholderId)?.shortCode) || '';
      return code ? `${code} · ${u.name ?? ''}` : (u.name ?? '');
    },
    [stakeholders],
  );
  const self = useMemo<CaretUser>(
    () => ({
      name: user.displayName,
      stakeholderId: you.stakeholderId,
      stakeholderName: mine?.name ?? '',
      color: '#1f2937',
    }),
    [user.displayName, you.stakeholderId, mine?.name],
  );

  const goTo = (id: string) => {
    setChosen(id);
    if (!editor) return;
    editor.state.doc.forEach((node, offset) => {
      if (node.attrs.id !== id) return;
      editor
        .chain()
        .focus(offset + 1, { scrollIntoView: false })
        .run();
      const dom = editor.view.nodeDOM(offset);
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
    });
  };

  // Arriving with ?paragraph=<id> (from the heatmap): go there once the text is shown.
  const arrived = useRef(false);
  const goToRef = useLatest(goTo);
  useEffect(() => {
    if (arrived.current || !editor || !chosen) return;
    arrived.current = true;
    const target = chosen;
    requestAnimationFrame(() => goToRef.current(target));
  }, [editor, chosen, goToRef]);

  const value = useMemo<DraftContextValue>(
    () => ({
      document,
      you,
      role: you.role,
      amendments: amendments.data ?? [],
      positions: positions.data ?? [],
      comments: comments.data ?? [],
      reloadDocument,
      reloadAmendments: amendments.reload,
      reloadPositions: positions.reload,
      reloadComments: comments.reload,
      ydoc: live.doc,
      editor,
      textEditable: access.editable,
      activeId,
      setActiveId,
      brackets: brackets.data,
      reloadBrackets: brackets.reload,
    }),
    [
      document,
      you,
      amendments.data,
      positions.data,
      comments.data,
      reloadDocument,
      amendments.reload,
      positions.reload,
      comments.reload,
      live.doc,
      editor,
      access.editable,
      activeId,
      brackets.data,
      brackets.reload,
    ],
  );

  const revision = document.latestRevision;
  return (
    <DraftContext.Provider value={value}>
      <div className="draft">
        <header className="draft__header">
          <div className="draft__heading">
            <p className="document-card__symbol">
              <Link to={paths.negotiation(negotiation.negotiationId)}>
                {t('draft.backToOverview')}
              </Link>{' '}
              · {document.symbol} ·{' '}
              <Link to={paths.consensus(negotiation.negotiationId, documentId)}>
                {t('consensus.link')}
              </Link>{' '}
              ·{' '}
              <Link to={paths.authorship(negotiation.negotiationId, documentId)}>
                {t('authorship.link')}
              </Link>{' '}
              ·{' '}
              <Link to={paths.languageVersions(negotiation.negotiationId, documentId)}>
                {t('languageVersions.link')}
              </Link>{' '}
              ·{' '}
              <Link
                to={pastDraftHref(
                  paths.draft(negotiation.negotiationId, documentId),
                  revision ? `revision:${revision.label}` : NOW,
                )}
              >
                {t('timetravel.link')}
              </Link>
            </p>
            <h1 className="draft__title" dir="auto">
              {document.title}
            </h1>
            <p className="draft__meta">
              <span
                className={`badge badge--mode-${document.mode}`}
                title={t(`modeExplain.${document.mode}`)}
              >
                {t(`mode.${document.mode}`)}
              </span>{' '}
              {revision ? t('draft.revision', { label: revision.label }) : t('draft.noRevision')}{' '}
              <span className="muted">
                {t('draft.nextRevisionNote', { label: document.nextRevisionLabel })}
              </span>
            </p>
          </div>
          <ConnectionStatus snapshot={collab.snapshot} onReconnect={collab.restart} />
        </header>

        <div className="draft__toolbar" role="toolbar" aria-label={t('draft.toolbar')}>
          <label className="inline-field">
            <span>{t('draft.goToParagraph')}</span>
            <select value={currentId ?? ''} onChange={(e) => goTo(e.target.value)}>
              <option value="" disabled>
                —
              </option>
              {outline.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label ?? `— ${p.text.slice(0, 40)}`}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showProposals}
              onChange={(e) => setShowProposals(e.target.checked)}
            />
            {t('draft.showProposals')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showComments}
              onChange={(e) => setShowComments(e.target.checked)}
            />
            {t('draft.showComments')}
          </label>
          <SuggestToggle on={suggesting} onToggle={setSuggesting} />
          <Suspense fallback={null}>
            <DocumentChairControls />
          </Suspense>
        </div>

        <ProcessBanner />

        {access.reason && (
          <Notice tone={access.reason === 'readOnly.refused' ? 'warning' : 'info'}>
            <strong>{t('readOnly.title')}.</strong>{' '}
            {access.reason === 'readOnly.role'
              ? t('readOnly.role', { role: t(`role.${you.role}`).toLowerCase() })
              : t(access.reason)}
            {recovery.paused && (
              <>
                {' '}
                <button type="button" className="button button--small" onClick={recovery.resume}>
                  {t('readOnly.resume')}
                </button>
              </>
            )}
          </Notice>
        )}

        {recovery.unsaved.length > 0 && (
          <Suspense fallback={null}>
            <NotSavedPanel
              unsaved={recovery.unsaved}
              reason={recovery.reason}
              onDismiss={recovery.dismiss}
            />
          </Suspense>
        )}

        <div className="draft__body">
          <div className="draft__page">
            <SkippedNote skipped={live.skipped} />
            {suggesting && (
              <Suspense fallback={null}>
                <SuggestingPane
                  paragraph={paragraph}
                  status={(currentId && statuses.get(currentId)) || 'open'}
                  onGoTo={goTo}
                />
              </Suspense>
            )}
            {collab.snapshot.everSynced ? (
              <SkipOnError
                key={live.documentId}
                skipped={live.skipped}
                itemKey="editor"
                fallback={<Notice tone="warning">{t('draft.editorFailed')}</Notice>}
              >
                <Suspense
                  fallback={
                    <TextPreview
                      outline={outline}
                      statuses={statuses}
                      stances={margin.stances}
                      label={t('draft.editorLabel', { title: document.title })}
                    />
                  }
                >
                  <DraftEditor
                    session={live}
                    editable={access.editable}
                    label={t('draft.editorLabel', { title: document.title })}
                    margin={margin}
                    annotations={annotations}
                    brackets={bracketMarks}
                    caretLabel={caretLabel}
                    self={self}
                    onSelection={setSelection}
                    onEditor={setEditor}
                    onLocalEdit={recovery.noteLocalEdit}
                  />
                </Suspense>
              </SkipOnError>
            ) : (
              <p className="muted" role="status">
                {t('draft.loadingText')}
              </p>
            )}
          </div>
          <aside className="draft__side" aria-label={t('panel.label')}>
            <PresenceList people={people} skipped={live.skipped} />
            <Suspense fallback={paragraph ? <Loading /> : <EmptyPanel />}>
              <ParagraphPanel
                paragraph={paragraph}
                status={(currentId && statuses.get(currentId)) || 'open'}
                selection={selection}
              />
            </Suspense>
          </aside>
        </div>
      </div>
    </DraftContext.Provider>
  );
}
