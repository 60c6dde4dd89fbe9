// What the user has selected, in the terms of the API: the paragraph and character offsets in
// its plain text (the editor's paragraphs hold only text, so offsets inside them are exactly
// that), or the paragraph the cursor is in.
import type { EditorState } from '@tiptap/pm/state';

export interface SelectionInfo {
  /** The paragraph of the selection's start (the cursor's paragraph when nothing is selected). */
  paragraphId: string | null;
  /** Offsets within that paragraph; equal when nothing is selected. */
  start: number;
  end: number;
  text: string;
  /** The selection spans more than one paragraph: no amendment or comment can anchor to it. */
  acrossParagraphs: boolean;
}

export const NO_SELECTION: SelectionInfo = {
  paragraphId: null,
  start: 0,
  end: 0,
  text: '',
  acrossParagraphs: false,
};

export function selectionInfo(state: EditorState): SelectionInfo {
  const { $from, $to, empty } = state.selection;
  const paragraph = $from.depth >= 1 ? $from.node(1) : null;
  if (!paragraph || paragraph.type.name !== 'paragraph') return NO_SELECTION;
  const id = typeof paragraph.attrs.id === 'string' ? paragraph.attrs.id : null;
  const sameParagraph = $to.depth >= 1 && $to.node(1) === paragraph;
  if (empty || !sameParagraph) {
    return {
      paragraphId: id,
      start: $from.parentOffset,
      end: $from.parentOffset,
      text: '',
      acrossParagraphs: !empty && !sameParagraph,
    };
  }
  return {
    paragraphId: id,
    start: $from.parentOffset,
    end: $to.parentOffset,
    text: state.doc.textBetween($from.pos, $to.pos),
    acrossParagraphs: false,
  };
}

export const sameSelection = (a: SelectionInfo, b: SelectionInfo): boolean =>
  a.paragraphId === b.paragraphId &&
  a.start === b.start &&
  a.end === b.end &&
  a.acrossParagraphs === b.acrossParagraphs;
