// Paragraph numbers as delegates cite them ("PP 3", "OP 12 (b)"), computed from the order of
// paragraphs. Numbers are derived, never stored: paragraphs keep stable ids when renumbered.
//
//   numberParagraphs([{ id, kind: 'operative' }, { id: id2, kind: 'subparagraph' }])
//   // → labels 'OP 1', 'OP 1 (a)'
import type { ParagraphKind } from './vocabulary.js';

export interface ParagraphRef {
  id: string;
  kind: ParagraphKind;
}

export interface NumberedParagraph extends ParagraphRef {
  /** Null for headings, which are not numbered. */
  label: string | null;
}

/** (a) … (z), then (aa), (bb), … as in UN documents. */
export const subparagraphLetter = (index: number): string =>
  String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);

/**
 * PPs and OPs are numbered separately and continuously across headings; a sub-paragraph is
 * lettered under the numbered paragraph before it (normally an OP). A heading ends a list of
 * sub-paragraphs, so one straight after a heading is lettered on its own: "(a)".
 */
export function numberParagraphs(paragraphs: readonly ParagraphRef[]): NumberedParagraph[] {
  let preambular = 0;
  let operative = 0;
  let parent: string | null = null;
  let letters = 0;
  return paragraphs.map(({ id, kind }) => {
    switch (kind) {
      case 'heading':
        parent = null;
        letters = 0;
        return { id, kind, label: null };
      case 'preambular':
      case 'operative': {
        const label = kind === 'preambular' ? `PP ${++preambular}` : `OP ${++operative}`;
        parent = label;
        letters = 0;
        return { id, kind, label };
      }
      case 'subparagraph': {
        const letter = `(${subparagraphLetter(letters++)})`;
        return { id, kind, label: parent === null ? letter : `${parent} ${letter}` };
      }
    }
  });
}

/** Label by paragraph id, for citing paragraphs in amendments, positions and exports. */
export const paragraphLabels = (paragraphs: readonly ParagraphRef[]): Map<string, string> =>
  new Map(
    numberParagraphs(paragraphs).flatMap(({ id, label }) =>
      label === null ? [] : [[id, label] as const],
    ),
  );
