/**
 * What an amendment proposes, pinned to the live text: from a character range of a paragraph
 * (as an editor's selection sends it) to anchored relative positions and the original words,
 * quoted by the server itself so a sponsor cannot misquote the text.
 */
import type { ParagraphKind, TableAmendment } from '@accord/shared';
import { InvalidInputError } from '../errors.js';
import type { DocumentText } from '../ports.js';

export type Proposal = TableAmendment['data']['proposal'];

export interface ProposalInput {
  paragraphId: string;
  kind: Proposal['kind'];
  /** Characters of the paragraph's text: [start, end) to delete or replace; start = end to insert. */
  range?: { start: number; end: number } | undefined;
  proposedText: string;
  /** For a new paragraph: preambular, operative, …; default: the kind of the one it follows. */
  paragraphKind?: ParagraphKind | undefined;
  /**
   * For an insertion, the words shown before the insertion point. Default: up to
   * `INSERT_CONTEXT` characters of the paragraph before it.
   */
  insertContext?: string | undefined;
}

/** How much of the text before an insertion point is quoted to show where it goes. */
export const INSERT_CONTEXT = 60;

export async function proposalAt(
  text: Pick<DocumentText, 'paragraphs' | 'anchor'>,
  documentId: string,
  input: ProposalInput,
): Promise<Proposal> {
  const paragraph = (await text.paragraphs(documentId)).find((p) => p.id === input.paragraphId);
  if (!paragraph) {
    throw InvalidInputError.field(
      'unknown-paragraph',
      'No such paragraph in this document',
      'body.paragraphId',
      'not in the document',
    );
  }
  const needRange = () => {
    const range = input.range;
    if (!range || range.end > paragraph.text.length) {
      throw InvalidInputError.field(
        'invalid-range',
        'Select the words the amendment is about',
        'body.range',
        'missing or outside the paragraph',
        `The range must lie within the paragraph's ${paragraph.text.length} characters.`,
      );
    }
    return range;
  };
  switch (input.kind) {
    case 'insert': {
      const { start } = needRange();
      const anchor = await text.anchor(documentId, paragraph.id, start, start);
      const originalText =
        input.insertContext ?? paragraph.text.slice(Math.max(0, start - INSERT_CONTEXT), start);
      return {
        kind: 'insert',
        anchor: { start: anchor.start, end: anchor.end },
        originalText,
        proposedText: input.proposedText,
      };
    }
    case 'delete':
    case 'replace': {
      const { start, end } = needRange();
      if (end === start) {
        throw InvalidInputError.field(
          'invalid-range',
          'Select the words to change',
          'body.range',
          'empty',
        );
      }
      const anchor = await text.anchor(documentId, paragraph.id, start, end);
      const common = {
        anchor: { start: anchor.start, end: anchor.end },
        originalText: anchor.text,
      };
      return input.kind === 'delete'
        ? { kind: 'delete', ...common, proposedText: '' }
        : { kind: 'replace', ...common, proposedText: input.proposedText };
    }
    case 'add-paragraph':
      return {
        kind: 'add-paragraph',
        anchor: null,
        paragraphKind: input.paragraphKind ?? paragraph.kind,
        originalText: '',
        proposedText: input.proposedText,
      };
    case 'delete-paragraph':
      return {
        kind: 'delete-paragraph',
        anchor: null,
        originalText: paragraph.text,
        proposedText: '',
      };
  }
}
