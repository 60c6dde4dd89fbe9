// Paragraphs agreed ad ref are locked: nobody, the chair included, changes their words or kind
// until the chair reopens them. The server refuses any update touching one (close code 4423);
// this plugin keeps the editor from making such an update in the first place, so typing into a
// locked paragraph simply does nothing instead of costing the user a refused connection.
//
// It refuses every local transaction with a step that reaches into a locked paragraph: typing,
// deleting, splitting it, joining it with a neighbour, changing its kind, pasting over it.
// Inserting a new paragraph right before or after one is fine. Changes arriving from others
// (y-sync transactions) always pass: the text must show what the server holds.
//
//   view.dispatch(setLockedParagraphs(view.state.tr, new Set(['op3'])));
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import type { ParagraphStatus } from '@accord/shared';

export const lockedParagraphsKey = new PluginKey<ReadonlySet<string>>('accordLockedParagraphs');

const NONE: ReadonlySet<string> = new Set();

/** The ids of the paragraphs whose status locks them. */
export function lockedIds(statuses: ReadonlyMap<string, ParagraphStatus>): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const [id, status] of statuses) if (status === 'agreed-ad-ref') ids.add(id);
  return ids;
}

/** A transaction that tells the editor which paragraphs are locked now (not an edit). */
export function setLockedParagraphs(tr: Transaction, ids: ReadonlySet<string>): Transaction {
  return tr.setMeta(lockedParagraphsKey, ids).setMeta('addToHistory', false);
}

interface Range {
  from: number;
  to: number;
}

/** The positions of the document (before the step) that a step changes. */
function stepRange(step: Step): Range | null {
  if (
    step instanceof ReplaceStep ||
    step instanceof ReplaceAroundStep ||
    step instanceof AddMarkStep ||
    step instanceof RemoveMarkStep
  ) {
    return { from: step.from, to: step.to };
  }
  if (
    step instanceof AttrStep ||
    step instanceof AddNodeMarkStep ||
    step instanceof RemoveNodeMarkStep
  ) {
    return { from: step.pos, to: step.pos + 1 };
  }
  // A kind of step this module does not know: judge it by what its map says it replaces.
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  step.getMap().forEach((oldStart, oldEnd) => {
    from = Math.min(from, oldStart);
    to = Math.max(to, oldEnd);
  });
  return from <= to ? { from, to } : null;
}

function lockedRanges(doc: PMNode, ids: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  doc.forEach((node, pos) => {
    const id: unknown = node.attrs.id;
    if (typeof id === 'string' && ids.has(id)) ranges.push({ from: pos, to: pos + node.nodeSize });
  });
  return ranges;
}

/**
 * Whether a change of [from, to) reaches into a locked paragraph [start, end). An insertion at a
 * paragraph's very edge (between two paragraphs) does not; one inside it does.
 */
const reaches = (change: Range, locked: Range): boolean =>
  change.from < locked.to && change.to > locked.from;

/** Whether this transaction changes a locked paragraph (checked step by step, on each step's doc). */
export function touchesLocked(tr: Transaction, ids: ReadonlySet<string>): boolean {
  if (ids.size === 0) return false;
  return tr.steps.some((step, i) => {
    const range = stepRange(step);
    const doc = tr.docs[i];
    if (!range || !doc) return false;
    return lockedRanges(doc, ids).some((locked) => reaches(range, locked));
  });
}

const isRemote = (tr: Transaction): boolean => tr.getMeta(ySyncPluginKey) !== undefined;

export function lockedParagraphsPlugin(): Plugin<ReadonlySet<string>> {
  return new Plugin<ReadonlySet<string>>({
    key: lockedParagraphsKey,
    state: {
      init: () => NONE,
      apply: (tr, value) =>
        (tr.getMeta(lockedParagraphsKey) as ReadonlySet<string> | undefined) ?? value,
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged || isRemote(tr)) return true;
      return !touchesLocked(tr, lockedParagraphsKey.getState(state) ?? NONE);
    },
  });
}

/** What this module uses of the Yjs undo plugin's state (typed `any` by y-tiptap). */
interface UndoPluginState {
  undoManager?: { clear: () => void };
}

/**
 * Undo and redo replay through the Y.Doc and reach the editor as y-sync transactions, past this
 * plugin's filter. Once a paragraph becomes locked, what could be undone is forgotten, so no undo
 * reaches into it (later edits cannot touch it, so later undo steps cannot either).
 */
export function forgetUndoHistory(state: EditorState): void {
  const undo = yUndoPluginKey.getState(state) as UndoPluginState | undefined;
  undo?.undoManager?.clear();
}

const isLockedNode = (node: PMNode | null | undefined, state: EditorState): boolean => {
  const id: unknown = node?.attrs.id;
  return typeof id === 'string' && (lockedParagraphsKey.getState(state) ?? NONE).has(id);
};

/**
 * Enter at the very end of a locked paragraph opens an empty paragraph after it (splitting it
 * would change it, so the usual Enter is refused): the way to add words below agreed text.
 */
export function openParagraphAfterLocked(
  state: EditorState,
  dispatch?: (tr: Transaction) => void,
): boolean {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== 1 || !isLockedNode($from.parent, state)) return false;
  if ($from.parentOffset !== $from.parent.content.size) return false;
  const after = $from.after(1);
  if (dispatch) {
    const kind: unknown = $from.parent.attrs.kind;
    const tr = state.tr.insert(after, $from.parent.type.create({ kind }));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
  }
  return true;
}

/**
 * Backspace in an empty paragraph right after a locked one removes the empty paragraph (joining
 * the two would change the locked one, so the usual Backspace is refused).
 */
export function removeEmptyAfterLocked(
  state: EditorState,
  dispatch?: (tr: Transaction) => void,
): boolean {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== 1 || $from.parent.content.size !== 0) return false;
  const index = $from.index(0);
  if (index === 0 || !isLockedNode(state.doc.child(index - 1), state)) return false;
  if (dispatch) {
    const start = $from.before(1);
    const tr = state.tr.delete(start, $from.after(1));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, start - 1)));
  }
  return true;
}

export const LockedParagraphs = Extension.create({
  name: 'accordLockedParagraphs',
  addProseMirrorPlugins() {
    return [lockedParagraphsPlugin()];
  },
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => openParagraphAfterLocked(editor.state, editor.view.dispatch),
      Backspace: ({ editor }) => removeEmptyAfterLocked(editor.state, editor.view.dispatch),
    };
  },
});
