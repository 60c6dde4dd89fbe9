import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { outlineOf } from '../outline.js';
import { forgetUndoHistory, LockedParagraphs, setLockedParagraphs } from './lockedParagraphs.js';
import { Margin, marginKey } from './margin.js';
import { ParagraphIds } from './paragraphIds.js';
import { DraftDocument, DraftParagraph, DraftText } from './schema.js';
import { selectionInfo } from './selection.js';

/** A Y.Doc as the server writes it: XmlFragment 'default' of paragraph elements with id and kind. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = (id: string, kind: string, text: string) => {
    const element = new Y.XmlElement('paragraph');
    element.setAttribute('id', id);
    element.setAttribute('kind', kind);
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  doc
    .getXmlFragment('default')
    .insert(0, [
      paragraph('h1', 'heading', 'Preamble'),
      paragraph('pp1', 'preambular', 'Recognizing the risks,'),
      paragraph('op1', 'operative', 'Decides to act;'),
      paragraph('op1a', 'subparagraph', 'by warning early;'),
    ]);
  return doc;
}

let counter = 0;
const editors: Editor[] = [];
function editorOn(doc: Y.Doc, editable = true): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    editable,
    extensions: [
      DraftDocument,
      DraftParagraph,
      DraftText,
      ParagraphIds.configure({ newId: () => `new-id-${++counter}` }),
      Margin,
      LockedParagraphs,
      Collaboration.configure({ document: doc }),
    ],
  });
  editors.push(editor);
  return editor;
}

afterEach(() => {
  counter = 0;
  while (editors.length) editors.pop()!.destroy();
});

/** Position just inside the paragraph with this id, plus an offset into its text. */
function positionIn(editor: Editor, id: string, offset = 0): number {
  let found = -1;
  editor.state.doc.forEach((node, pos) => {
    if (node.attrs.id === id) found = pos + 1 + offset;
  });
  if (found < 0) throw new Error(`no paragraph ${id}`);
  return found;
}

describe('the editor bound to the server’s Y structure', () => {
  it('shows the server’s paragraphs with their ids, kinds and numbers', () => {
    const editor = editorOn(serverDoc());
    const nodes: { id: unknown; kind: unknown; text: string }[] = [];
    editor.state.doc.forEach((node) =>
      nodes.push({ id: node.attrs.id, kind: node.attrs.kind, text: node.textContent }),
    );
    expect(nodes).toEqual([
      { id: 'h1', kind: 'heading', text: 'Preamble' },
      { id: 'pp1', kind: 'preambular', text: 'Recognizing the risks,' },
      { id: 'op1', kind: 'operative', text: 'Decides to act;' },
      { id: 'op1a', kind: 'subparagraph', text: 'by warning early;' },
    ]);
    const labels = [...editor.view.dom.querySelectorAll('.para')].map((el) =>
      el.getAttribute('data-label'),
    );
    expect(labels).toEqual(['', 'PP 1', 'OP 1', 'OP 1 (a)']);
  });

  it('writes typing into the same paragraph of the Y.Doc, at the same offsets', () => {
    const doc = serverDoc();
    const editor = editorOn(doc);
    editor.commands.insertContentAt(positionIn(editor, 'op1', 'Decides to'.length), ' firmly');
    expect(outlineOf(doc).find((p) => p.id === 'op1')?.text).toBe('Decides to firmly act;');
  });

  it('gives a paragraph split with Enter a new id and keeps the kind', () => {
    const doc = serverDoc();
    const editor = editorOn(doc);
    editor
      .chain()
      .setTextSelection(positionIn(editor, 'op1', 'Decides to'.length))
      .splitBlock()
      .run();
    const outline = outlineOf(doc).map(({ id, kind, label, text }) => ({ id, kind, label, text }));
    expect(outline.slice(2)).toEqual([
      { id: 'op1', kind: 'operative', label: 'OP 1', text: 'Decides to' },
      { id: 'new-id-1', kind: 'operative', label: 'OP 2', text: ' act;' },
      { id: 'op1a', kind: 'subparagraph', label: 'OP 2 (a)', text: 'by warning early;' },
    ]);
  });

  it('keeps the words in their paragraph when Enter is pressed at its start', () => {
    const doc = serverDoc();
    const editor = editorOn(doc);
    editor.commands.setTextSelection(positionIn(editor, 'pp1'));
    editor.view.someProp('handleKeyDown', (f) =>
      f(editor.view, new KeyboardEvent('keydown', { key: 'Enter' })),
    );
    const outline = outlineOf(doc);
    expect(outline[1]).toMatchObject({ id: 'new-id-1', kind: 'preambular', text: '' });
    expect(outline[2]).toMatchObject({ id: 'pp1', text: 'Recognizing the risks,' });
  });

  it('reports selections as paragraph and character offsets', () => {
    const editor = editorOn(serverDoc());
    const from = positionIn(editor, 'op1', 'Decides to '.length);
    editor.commands.setTextSelection({ from, to: from + 'act'.length });
    expect(selectionInfo(editor.state)).toEqual({
      paragraphId: 'op1',
      start: 11,
      end: 14,
      text: 'act',
      acrossParagraphs: false,
    });
    editor.commands.setTextSelection({ from: positionIn(editor, 'pp1', 2), to: from });
    expect(selectionInfo(editor.state).acrossParagraphs).toBe(true);
  });

  it('never writes to the Y.Doc when read-only, even while others edit', () => {
    const doc = serverDoc();
    let local = 0;
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') local++;
    });
    const editor = editorOn(doc, false);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    remote.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'remote'));
    (remote.getXmlFragment('default').get(2) as Y.XmlElement).insert(1, [new Y.XmlText(' now')]);
    const fresh = new Y.XmlElement('paragraph');
    fresh.setAttribute('id', 'op2');
    fresh.setAttribute('kind', 'operative');
    remote.getXmlFragment('default').insert(4, [fresh]);
    expect(editor.state.doc.childCount).toBe(5);
    expect(local).toBe(0);
  });

  it('keeps a paragraph agreed ad ref out of reach, and shows it locked', () => {
    const doc = serverDoc();
    const editor = editorOn(doc);
    editor.view.dispatch(
      setLockedParagraphs(editor.state.tr, new Set(['op1'])).setMeta(marginKey, {
        statuses: new Map([['op1', 'agreed-ad-ref']]),
        stances: new Map(),
        currentId: null,
        lockedLabel: 'Agreed ad ref: locked',
      }),
    );
    editor.commands.insertContentAt(positionIn(editor, 'op1', 3), 'xyz');
    editor.commands.insertContentAt(positionIn(editor, 'pp1', 0), 'Also ');
    expect(outlineOf(doc).map((p) => p.text)).toEqual([
      'Preamble',
      'Also Recognizing the risks,',
      'Decides to act;',
      'by warning early;',
    ]);
    const locked = editor.view.dom.querySelector('[data-paragraph-id="op1"]');
    expect(locked?.getAttribute('aria-description')).toBe('Agreed ad ref: locked');
    expect(locked?.getAttribute('title')).toBe('Agreed ad ref: locked');
    expect(
      editor.view.dom.querySelector('[data-paragraph-id="pp1"]')?.getAttribute('aria-description'),
    ).toBeNull();

    // Enter at its end opens a new paragraph below it rather than splitting it.
    editor.commands.setTextSelection(positionIn(editor, 'op1', 'Decides to act;'.length));
    editor.view.someProp('handleKeyDown', (f) =>
      f(editor.view, new KeyboardEvent('keydown', { key: 'Enter' })),
    );
    editor.commands.insertContent('New words');
    expect(outlineOf(doc).slice(2, 4)).toMatchObject([
      { id: 'op1', text: 'Decides to act;' },
      { id: 'new-id-1', kind: 'operative', text: 'New words' },
    ]);
  });

  it('forgets what could be undone once a paragraph is locked, so undo cannot reach into it', () => {
    const doc = serverDoc();
    const editor = editorOn(doc);
    editor.commands.insertContentAt(positionIn(editor, 'op1', 0), 'Firmly ');
    editor.view.dispatch(setLockedParagraphs(editor.state.tr, new Set(['op1'])));
    forgetUndoHistory(editor.state);
    editor.commands.undo();
    expect(outlineOf(doc)[2]).toMatchObject({ id: 'op1', text: 'Firmly Decides to act;' });
  });
});
