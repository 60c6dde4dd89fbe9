// The words a refused change would take with it. When the server refuses an update, this tab's
// copy of the text is dropped and fetched afresh; before that, each paragraph's local text is
// kept, and after the fresh sync the paragraphs whose local text differs from the server's are
// listed with the user's words, so nothing they typed is lost without a chance to copy it.
import type * as Y from 'yjs';
import { outlineOf, type OutlineEntry } from '../outline.js';

export interface ParagraphWords {
  paragraphId: string;
  /** "OP 3", or null for a paragraph without a number (a heading, a new one). */
  label: string | null;
  text: string;
}

export interface UnsavedParagraph extends ParagraphWords {
  /** The server has no paragraph with this id (the user created it). */
  isNew: boolean;
}

const words = (entry: OutlineEntry): ParagraphWords => ({
  paragraphId: entry.id,
  label: entry.label,
  text: entry.text,
});

/** Each paragraph's words in this copy of the text, in order. */
export function paragraphWords(doc: Y.Doc): ParagraphWords[] {
  return outlineOf(doc).map(words);
}

/**
 * The local paragraphs the server's text does not hold as they were: changed, or new and not
 * empty. A paragraph deleted locally has no words to keep, so it is not listed.
 */
export function unsavedParagraphs(
  local: readonly ParagraphWords[],
  server: readonly ParagraphWords[],
): UnsavedParagraph[] {
  const held = new Map(server.map((p) => [p.paragraphId, p.text]));
  return local.flatMap((p) => {
    const serverText = held.get(p.paragraphId);
    if (serverText === p.text) return [];
    if (serverText === undefined && p.text.trim() === '') return [];
    return [{ ...p, isNew: serverText === undefined }];
  });
}

/**
 * Adds newly unsaved paragraphs to those already shown: a paragraph refused again keeps one
 * entry, with the latest words.
 */
export function mergeUnsaved(
  shown: readonly UnsavedParagraph[],
  added: readonly UnsavedParagraph[],
): UnsavedParagraph[] {
  const byId = new Map(shown.map((p) => [p.paragraphId, p]));
  for (const p of added) byId.set(p.paragraphId, p);
  return [...byId.values()];
}
