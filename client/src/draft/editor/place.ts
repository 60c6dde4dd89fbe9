// Places amendments and comments in the editor: each anchor is resolved against the Y.Doc to a
// paragraph and character offsets, then to editor positions through the paragraph's id.
import type { Node as PMNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import type { Amendment, CommentThread } from '../../api/types.js';
import { resolveEncodedRange } from '../anchors.js';
import { paragraphEntries } from './margin.js';
import type { Annotations, PlacedComment, PlacedSuggestion } from './suggestions.js';

export interface PlaceInput {
  amendments: readonly Amendment[];
  comments: readonly CommentThread[];
  activeId: string | null;
  sponsorCode: (amendment: Amendment) => string;
  describe: (amendment: Amendment) => string;
}

export function placeAnnotations(ydoc: Y.Doc, doc: PMNode, input: PlaceInput): Annotations {
  const paragraphs = new Map(paragraphEntries(doc).map((p) => [p.id, p]));
  const toPositions = (paragraphId: string, start: number, end: number) => {
    const entry = paragraphs.get(paragraphId);
    if (!entry) return null;
    const length = entry.node.content.size;
    const base = entry.pos + 1;
    return { from: base + Math.min(start, length), to: base + Math.min(end, length) };
  };

  const suggestions: PlacedSuggestion[] = [];
  for (const amendment of input.amendments) {
    // A sub-amendment changes its parent's words, not the text: it is shown under the parent.
    if (amendment.parentAmendmentId) continue;
    const { proposal } = amendment;
    const common = {
      amendmentId: amendment.amendmentId,
      proposedText: proposal.proposedText,
      sponsorCode: input.sponsorCode(amendment),
      description: input.describe(amendment),
      active: amendment.amendmentId === input.activeId,
    };
    if (proposal.kind === 'add-paragraph' || proposal.kind === 'delete-paragraph') {
      const entry = paragraphs.get(amendment.paragraphId);
      if (entry)
        suggestions.push({
          ...common,
          kind: proposal.kind,
          from: entry.pos,
          to: entry.pos + entry.node.nodeSize,
        });
      continue;
    }
    const range = resolveEncodedRange(ydoc, proposal.anchor);
    if (!range) continue;
    // An insertion goes at the anchored point: its start.
    const end = proposal.kind === 'insert' ? range.start : range.end;
    const positions = toPositions(range.paragraphId, range.start, end);
    if (positions) suggestions.push({ ...common, kind: proposal.kind, ...positions });
  }

  const comments: PlacedComment[] = [];
  for (const thread of input.comments) {
    const anchor = thread.anchor.range;
    if (!anchor) continue;
    const range = resolveEncodedRange(ydoc, anchor);
    if (!range) continue;
    const positions = toPositions(range.paragraphId, range.start, range.end);
    if (positions)
      comments.push({
        commentId: thread.commentId,
        ...positions,
        active: thread.commentId === input.activeId,
      });
  }
  return { suggestions, comments };
}
