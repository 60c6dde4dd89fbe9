// The draft's text editor: TipTap bound to the document's Y.Doc (Collaboration) with everyone's
// carets and selections labelled and coloured by delegation (CollaborationCaret, identities set
// by the server), the margin (numbers, status, stances) and the proposals shown in place.
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useMemo, useRef } from 'react';
import { useLatest } from '../../lib/useLatest.js';
import type { CollabSession } from '../collab/collabSession.js';
import { BracketMarks, setBracketMarks, type BracketMarksInput } from './bracketMarks.js';
import {
  forgetUndoHistory,
  lockedIds,
  LockedParagraphs,
  setLockedParagraphs,
} from './lockedParagraphs.js';
import { marginKey, Margin, type MarginInfo } from './margin.js';
import { ParagraphIds } from './paragraphIds.js';
import { placeAnnotations, type PlaceInput } from './place.js';
import { DraftDocument, DraftParagraph, DraftText } from './schema.js';
import { sameSelection, selectionInfo, type SelectionInfo } from './selection.js';
import { AnnotationsExtension, annotationsKey } from './suggestions.js';

/** What awareness carries about a person (set by the server from their session). */
export interface CaretUser {
  name?: string;
  stakeholderId?: string;
  stakeholderName?: string;
  color?: string;
}

export interface DraftEditorProps {
  session: CollabSession;
  editable: boolean;
  label: string;
  margin: MarginInfo;
  annotations: PlaceInput | null;
  /** Open brackets and options to draw around their words (null until loaded). */
  brackets?: BracketMarksInput | null;
  /** This user as their own awareness state shows them (the server sets what others see). */
  self: CaretUser;
  /** "MRU · Losa Tavake" */
  caretLabel: (user: CaretUser) => string;
  onSelection: (info: SelectionInfo) => void;
  onEditor?: (editor: Editor | null) => void;
  /** Called on each change the user makes to the text (not on changes arriving from others). */
  onLocalEdit?: () => void;
}

export function DraftEditor(props: DraftEditorProps) {
  const { session, editable, label, margin, annotations } = props;
  const caretLabel = useLatest(props.caretLabel);
  const onSelection = useLatest(props.onSelection);
  const onLocalEdit = useLatest(props.onLocalEdit);
  const lastSelection = useRef<SelectionInfo | null>(null);
  // Before the editor exists: it may change its copy of the text as soon as it first draws it.
  session.setCanWrite(editable);

  const editor = useEditor(
    {
      editable,
      // The CSP forbids <style> elements, so TipTap's injected base rules would be blocked (and
      // reported as a violation); the app's stylesheet carries them (styles/draft.css).
      injectCSS: false,
      extensions: [
        DraftDocument,
        DraftParagraph,
        DraftText,
        ParagraphIds,
        LockedParagraphs,
        BracketMarks,
        Margin.configure({ skipped: session.skipped }),
        AnnotationsExtension.configure({ skipped: session.skipped }),
        Collaboration.configure({ document: session.doc }),
        CollaborationCaret.configure({
          provider: { awareness: session.awareness },
          user: props.self,
          // A caret that cannot be drawn is left out (and counted) rather than breaking the
          // editor; the awareness guard has already dropped states of the wrong shape.
          render: (user: CaretUser) =>
            session.skipped.guard(
              `caret:${String(user.name)}:${String(user.stakeholderId)}`,
              () => {
                const caret = document.createElement('span');
                caret.className = 'collab-caret';
                caret.style.borderColor = user.color ?? '#555';
                const tag = document.createElement('span');
                tag.className = 'collab-caret__label';
                tag.dir = 'auto';
                tag.style.backgroundColor = user.color ?? '#555';
                tag.textContent = caretLabel.current(user);
                caret.append(tag);
                return caret;
              },
              document.createElement('span'),
            ),
          selectionRender: (user: CaretUser) => ({
            nodeName: 'span',
            class: 'collab-selection',
            style: `background-color: ${user.color ?? '#555'}33`,
          }),
        }),
      ],
      editorProps: {
        attributes: {
          class: 'draft-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          spellcheck: 'true',
        },
      },
      onSelectionUpdate: ({ editor: e }) => {
        const info = selectionInfo(e.state);
        if (lastSelection.current && sameSelection(lastSelection.current, info)) return;
        lastSelection.current = info;
        onSelection.current(info);
      },
      onTransaction: ({ editor: e, transaction }) => {
        if (transaction.docChanged && transaction.getMeta(ySyncPluginKey) === undefined) {
          onLocalEdit.current?.();
        }
        // A remote edit may move the cursor's paragraph without a selection update; before the
        // user has placed the cursor, the initial selection means nothing.
        if (!transaction.docChanged || lastSelection.current === null) return;
        const info = selectionInfo(e.state);
        if (lastSelection.current && sameSelection(lastSelection.current, info)) return;
        lastSelection.current = info;
        onSelection.current(info);
      },
    },
    [session],
  );

  useEffect(() => {
    props.onEditor?.(editor);
    return () => props.onEditor?.(null);
    // Only the editor instance matters; the callback is stable in the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(marginKey, margin).setMeta('addToHistory', false));
  }, [editor, margin]);

  // Agreed ad ref paragraphs are locked; the statuses follow the chair's gavel live.
  const locked = useMemo(() => lockedIds(margin.statuses), [margin.statuses]);
  const lockedBefore = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(setLockedParagraphs(editor.state.tr, locked));
    if ([...locked].some((id) => !lockedBefore.current.has(id))) forgetUndoHistory(editor.state);
    lockedBefore.current = locked;
  }, [editor, locked]);

  const { brackets } = props;
  useEffect(() => {
    if (editor.isDestroyed || !brackets) return;
    editor.view.dispatch(setBracketMarks(editor.state.tr, brackets));
  }, [editor, brackets]);

  // Proposals and comments are placed from the Y.Doc: now, and again after every change to the
  // text (once per frame), since their anchors follow the words.
  const latestAnnotations = useLatest(annotations);
  useEffect(() => {
    let frame = 0;
    const place = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const input = latestAnnotations.current;
      const placed = input
        ? placeAnnotations(session.doc, editor.state.doc, input)
        : { suggestions: [], comments: [] };
      editor.view.dispatch(
        editor.state.tr.setMeta(annotationsKey, placed).setMeta('addToHistory', false),
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(place);
    };
    schedule();
    session.doc.on('update', schedule);
    return () => {
      session.doc.off('update', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [editor, session, annotations, latestAnnotations]);

  return <EditorContent editor={editor} className="draft-editor" />;
}
