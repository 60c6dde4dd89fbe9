import { getSchema } from '@tiptap/core';
import { deleteSelection, joinBackward, joinForward, splitBlock } from '@tiptap/pm/commands';
import { Fragment, Slice } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import {
  lockedIds,
  lockedParagraphsPlugin,
  openParagraphAfterLocked,
  removeEmptyAfterLocked,
  setLockedParagraphs,
} from './lockedParagraphs.js';
import { DraftDocument, DraftParagraph, DraftText } from './schema.js';

const schema = getSchema([DraftDocument, DraftParagraph, DraftText]);
const para = (id: string, text: string, kind = 'operative') =>
  schema.nodes.paragraph!.create({ id, kind }, text ? schema.text(text) : undefined);

/** pp1 "Recalling," · op1 "Decides to act;" (locked) · op2 "Urges all;" */
function lockedState(): EditorState {
  const doc = schema.nodes.doc!.create(null, [
    para('pp1', 'Recalling,', 'preambular'),
    para('op1', 'Decides to act;'),
    para('op2', 'Urges all;'),
  ]);
  const state = EditorState.create({ schema, doc, plugins: [lockedParagraphsPlugin()] });
  return state.apply(setLockedParagraphs(state.tr, new Set(['op1'])));
}

/** Where a paragraph starts (before its node) and its size. */
function where(state: EditorState, id: string): { pos: number; size: number } {
  let found = { pos: -1, size: 0 };
  state.doc.forEach((node, pos) => {
    if (node.attrs.id === id) found = { pos, size: node.nodeSize };
  });
  return found;
}

const inside = (state: EditorState, id: string, offset: number) =>
  where(state, id).pos + 1 + offset;

/** Applies a transaction as the view would: a refused one leaves the state unchanged. */
function apply(state: EditorState, tr: Transaction): EditorState {
  return state.applyTransaction(tr).state;
}

function run(
  state: EditorState,
  command: (s: EditorState, d: (tr: Transaction) => void) => boolean,
): EditorState {
  let next = state;
  command(state, (tr) => (next = apply(state, tr)));
  return next;
}

const withCursor = (state: EditorState, pos: number, head = pos) =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos, head)));

const texts = (state: EditorState) => {
  const out: string[] = [];
  state.doc.forEach((node) =>
    out.push(`${String(node.attrs.id)}:${node.attrs.kind}:${node.textContent}`),
  );
  return out;
};

describe('locked paragraphs', () => {
  it('finds the agreed ad ref paragraphs among the statuses', () => {
    const ids = lockedIds(
      new Map([
        ['a', 'open'],
        ['b', 'agreed-ad-ref'],
        ['c', 'bracketed'],
      ]),
    );
    expect([...ids]).toEqual(['b']);
  });

  it('refuses typing and deleting inside a locked paragraph', () => {
    const state = lockedState();
    const before = texts(state);
    expect(texts(apply(state, state.tr.insertText('x', inside(state, 'op1', 3))))).toEqual(before);
    const at = inside(state, 'op1', 0);
    expect(texts(apply(state, state.tr.delete(at, at + 7)))).toEqual(before);
  });

  it('refuses splitting it, joining it with either neighbour and deleting it whole', () => {
    const state = lockedState();
    const before = texts(state);
    expect(texts(run(withCursor(state, inside(state, 'op1', 4)), splitBlock))).toEqual(before);
    // Backspace at the start of op1 (join into pp1) and at the start of op2 (join into op1).
    expect(texts(run(withCursor(state, inside(state, 'op1', 0)), joinBackward))).toEqual(before);
    expect(texts(run(withCursor(state, inside(state, 'op2', 0)), joinBackward))).toEqual(before);
    // Delete at the end of pp1 (pulls op1 up).
    expect(texts(run(withCursor(state, inside(state, 'pp1', 10)), joinForward))).toEqual(before);
    const { pos, size } = where(state, 'op1');
    expect(texts(apply(state, state.tr.delete(pos, pos + size)))).toEqual(before);
  });

  it('refuses changing its kind, by attribute or by markup', () => {
    const state = lockedState();
    const before = texts(state);
    const { pos } = where(state, 'op1');
    expect(texts(apply(state, state.tr.setNodeAttribute(pos, 'kind', 'preambular')))).toEqual(
      before,
    );
    expect(
      texts(apply(state, state.tr.setNodeMarkup(pos, undefined, { id: 'op1', kind: 'heading' }))),
    ).toEqual(before);
  });

  it('refuses a paste or a deletion over a selection reaching into it', () => {
    const state = lockedState();
    const before = texts(state);
    const selected = withCursor(state, inside(state, 'pp1', 2), inside(state, 'op1', 3));
    const slice = new Slice(Fragment.from(schema.text('pasted')), 0, 0);
    expect(texts(apply(selected, selected.tr.replaceSelection(slice)))).toEqual(before);
    expect(texts(run(selected, deleteSelection))).toEqual(before);
  });

  it('lets the neighbours be edited, and a new paragraph be inserted next to it', () => {
    const state = lockedState();
    const typed = apply(state, state.tr.insertText('Firmly ', inside(state, 'op2', 0)));
    expect(texts(typed)).toContain('op2:operative:Firmly Urges all;');
    const { pos, size } = where(state, 'op1');
    const added = apply(state, state.tr.insert(pos + size, para('op1bis', 'New words;')));
    expect(texts(added)).toEqual([
      'pp1:preambular:Recalling,',
      'op1:operative:Decides to act;',
      'op1bis:operative:New words;',
      'op2:operative:Urges all;',
    ]);
    const split = run(withCursor(state, inside(state, 'pp1', 4)), splitBlock);
    expect(split.doc.childCount).toBe(4);
  });

  it('lets changes from others through, and unlocks when the status changes', () => {
    const state = lockedState();
    const remote = state.tr.insertText('x', inside(state, 'op1', 0)).setMeta(ySyncPluginKey, {});
    expect(texts(apply(state, remote))).toContain('op1:operative:xDecides to act;');
    const reopened = state.apply(setLockedParagraphs(state.tr, new Set()));
    const typed = apply(reopened, reopened.tr.insertText('y', inside(reopened, 'op1', 0)));
    expect(texts(typed)).toContain('op1:operative:yDecides to act;');
  });

  it('opens a paragraph below with Enter at its end, and removes it again with Backspace', () => {
    const state = lockedState();
    const atEnd = withCursor(state, inside(state, 'op1', 'Decides to act;'.length));
    // The usual Enter would split it: refused.
    expect(texts(run(atEnd, splitBlock))).toEqual(texts(state));
    const opened = run(atEnd, openParagraphAfterLocked);
    expect(texts(opened)).toEqual([
      'pp1:preambular:Recalling,',
      'op1:operative:Decides to act;',
      'null:operative:',
      'op2:operative:Urges all;',
    ]);
    expect(opened.selection.$from.parent.textContent).toBe('');
    const typed = apply(opened, opened.tr.insertText('New words'));
    expect(texts(typed)[2]).toBe('null:operative:New words');
    // Backspace in the empty paragraph: joining would change op1, so the empty one goes.
    const removed = run(opened, removeEmptyAfterLocked);
    expect(texts(removed)).toEqual(texts(state));
    // Only there: elsewhere both commands leave the key to the editor.
    expect(openParagraphAfterLocked(withCursor(state, inside(state, 'op1', 2)))).toBe(false);
    expect(removeEmptyAfterLocked(withCursor(state, inside(state, 'op2', 0)))).toBe(false);
  });
});
