/**
 * The server's own edits to a document's Y.Doc for recorded work (brackets and options): delete
 * anchored words, write an option's words after another's, insert or delete a paragraph. Each
 * edit finds its place when applied, and one whose place is gone is skipped, so a transaction
 * never throws half-way (Yjs cannot roll one back).
 *
 *   doc.transact(() => applyTextEdits(doc, edits));   // anchors of the words inserted, per edit
 *   insertedWordsAnchors(storedUpdate);               // the same anchors, from the stored update
 */
import * as Y from 'yjs';
import type { TextEdit, WordsAnchor } from '../application/ports.js';
import { createAnchor, resolveAnchor } from './anchors.js';
import {
  findParagraph,
  insertParagraphs,
  paragraphLength,
  paragraphText,
  replaceParagraphText,
  textFragment,
} from './doc-structure.js';

/** Applies the edits in order; call inside a transaction. */
export function applyTextEdits(doc: Y.Doc, edits: readonly TextEdit[]): (WordsAnchor | null)[] {
  return edits.map((edit) => applyEdit(doc, edit));
}

function applyEdit(doc: Y.Doc, edit: TextEdit): WordsAnchor | null {
  switch (edit.kind) {
    case 'delete-words': {
      const span = resolveAnchor(doc, { paragraphId: '', ...edit.anchor });
      if (!span || span.end <= span.start) return null;
      const paragraph = findParagraph(doc, span.paragraphId);
      if (!paragraph) return null;
      const text = paragraphText(paragraph.element);
      // Take one neighbouring space with the words, so "to [urgently] act" becomes "to act".
      let { start, end } = span;
      if (start > 0 && text[start - 1] === ' ') start -= 1;
      else if (text[end] === ' ') end += 1;
      replaceParagraphText(doc, span.paragraphId, start, end, '');
      return null;
    }
    case 'insert-words-after': {
      const span = resolveAnchor(doc, { paragraphId: '', ...edit.anchor });
      const paragraphId = span?.paragraphId ?? edit.paragraphId;
      const paragraph = findParagraph(doc, paragraphId);
      if (!paragraph || edit.words.length === 0) return null;
      const at = span ? span.end : paragraphLength(paragraph.element);
      const words = at === 0 ? edit.words : ` ${edit.words}`;
      replaceParagraphText(doc, paragraphId, at, at, words);
      const start = at + words.length - edit.words.length;
      const anchor = createAnchor(doc, paragraphId, start, start + edit.words.length);
      return { start: anchor.start, end: anchor.end };
    }
    case 'insert-paragraph-after': {
      const after = findParagraph(doc, edit.afterParagraphId);
      const index = after ? after.index + 1 : textFragment(doc).length;
      if (findParagraph(doc, edit.paragraph.id)) return null;
      insertParagraphs(doc, index, [edit.paragraph]);
      return null;
    }
    case 'delete-paragraph': {
      const paragraph = findParagraph(doc, edit.paragraphId);
      if (paragraph) textFragment(doc).delete(paragraph.index, 1);
      return null;
    }
  }
}

const encode = (position: Y.RelativePosition): string =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/**
 * Anchors of the words a stored update inserted, in order, as `applyTextEdits` returned them: a
 * run of inserted characters, without the separating space written before it. Positions name
 * the characters' Yjs ids, which is exactly what `createAnchor` encodes.
 */
export function insertedWordsAnchors(update: Uint8Array): WordsAnchor[] {
  const anchors: WordsAnchor[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
    const text = struct.content.str;
    const skip = text.startsWith(' ') ? 1 : 0;
    if (text.length - skip <= 0) continue;
    const { client, clock } = struct.id;
    anchors.push({
      start: encode(Y.createRelativePositionFromJSON({ item: { client, clock: clock + skip } })),
      end: encode(
        Y.createRelativePositionFromJSON({
          item: { client, clock: clock + text.length - 1 },
          assoc: -1,
        }),
      ),
    });
  }
  return anchors;
}
