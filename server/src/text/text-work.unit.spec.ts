import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor, resolveAnchor } from './anchors.js';
import { insertParagraphs, listParagraphs } from './doc-structure.js';
import { applyTextEdits, insertedWordsAnchors } from './text-work.js';

function documentWith(...texts: string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() =>
    insertParagraphs(
      doc,
      0,
      texts.map((text, i) => ({ id: `p${i}`, kind: 'operative' as const, text })),
    ),
  );
  return doc;
}

/** Applies the edits in one transaction and returns what it placed and the update it made. */
function apply(doc: Y.Doc, edits: Parameters<typeof applyTextEdits>[1]) {
  let update: Uint8Array | undefined;
  const listen = (u: Uint8Array) => (update = u);
  doc.on('update', listen);
  let placed: ReturnType<typeof applyTextEdits> = [];
  doc.transact(() => (placed = applyTextEdits(doc, edits)));
  doc.off('update', listen);
  return { placed, update };
}

const anchorOf = (doc: Y.Doc, paragraphId: string, start: number, end: number) => {
  const { start: s, end: e } = createAnchor(doc, paragraphId, start, end);
  return { start: s, end: e };
};

describe('applyTextEdits', () => {
  it('deletes anchored words with one neighbouring space', () => {
    const doc = documentWith('Parties shall promptly report');
    apply(doc, [{ kind: 'delete-words', anchor: anchorOf(doc, 'p0', 14, 22) }]);
    expect(listParagraphs(doc)[0]!.text).toBe('Parties shall report');
  });

  it('writes words after an anchor, and the stored update tells where they went', () => {
    const doc = documentWith('Parties shall report');
    const { placed, update } = apply(doc, [
      {
        kind: 'insert-words-after',
        anchor: anchorOf(doc, 'p0', 8, 13),
        paragraphId: 'p0',
        words: 'should',
      },
    ]);
    expect(listParagraphs(doc)[0]!.text).toBe('Parties shall should report');
    expect(resolveAnchor(doc, { paragraphId: '', ...placed[0]! })).toMatchObject({
      start: 14,
      end: 20,
      text: 'should',
    });
    // Recovered from the update alone, the anchor names the same words.
    const [recovered] = insertedWordsAnchors(update!);
    expect(resolveAnchor(doc, { paragraphId: '', ...recovered! })?.text).toBe('should');
  });

  it('inserts a paragraph after another, and deletes one; a missing place is skipped', () => {
    const doc = documentWith('First', 'Second');
    apply(doc, [
      {
        kind: 'insert-paragraph-after',
        afterParagraphId: 'p0',
        paragraph: { id: 'new', kind: 'operative', text: 'Between' },
      },
      { kind: 'delete-paragraph', paragraphId: 'p1' },
      { kind: 'delete-paragraph', paragraphId: 'gone' },
    ]);
    expect(listParagraphs(doc).map((p) => p.text)).toEqual(['First', 'Between']);
  });
});
