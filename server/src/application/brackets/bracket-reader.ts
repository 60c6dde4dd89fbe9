/**
 * Reads a document's brackets and options, now or as of a point, and its burn-down. Now: the
 * folded stream against the live text. As of a point: the stream folded up to the point's
 * record position, and the anchors resolved against the text as it stood at the point's text
 * revision (nearest snapshot plus the updates after it, as time travel does).
 *
 *   const view = await reader.list(documentId);                                // now
 *   const then = await reader.list(documentId, parseAsOf('revision:Rev 1')!);
 */
import type { AsOf, BracketListView, BurndownView } from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';
import {
  anchorKey,
  anchorsToResolve,
  bracketListView,
  burndownView,
  type ViewParagraph,
  type ViewSpan,
} from '../../readmodels/queries/brackets-view.js';
import { resolveAnchor } from '../../text/anchors.js';
import { listParagraphs } from '../../text/doc-structure.js';
import { loadDocState } from '../../text/text-history.js';
import { resolvePoint, type RecordHistory } from '../../timetravel/index.js';
import { NotFoundError } from '../errors.js';
import type { DocumentText } from '../ports.js';
import { documentAt, documentSteps, type FoldedDocument } from './document-history.js';

export interface BracketReader {
  list(documentId: string, asOf?: AsOf): Promise<BracketListView>;
  burndown(documentId: string): Promise<BurndownView>;
}

type Known = Exclude<FoldedDocument['state'], { status: 'none' }>;

function known(folded: FoldedDocument): Known {
  if (folded.state.status === 'none') throw new NotFoundError('Document not found');
  return folded.state;
}

export function createBracketReader(deps: {
  store: EventStore;
  history: RecordHistory;
  text: Pick<DocumentText, 'paragraphs' | 'resolveAnchors'>;
}): BracketReader {
  const { store, history, text } = deps;

  const view = (
    folded: FoldedDocument,
    paragraphs: ViewParagraph[],
    resolved: (ViewSpan | null)[],
    anchors: { start: string; end: string }[],
  ) =>
    bracketListView({
      state: known(folded),
      paragraphs,
      spans: new Map(anchors.map((a, i) => [anchorKey(a), resolved[i] ?? null])),
      placedIn: folded.placedIn,
    });

  return {
    async list(documentId, asOf) {
      if (asOf === undefined || asOf.kind === 'now') {
        const folded = await documentAt(store, documentId);
        const anchors = anchorsToResolve(known(folded));
        const [paragraphs, resolved] = await Promise.all([
          text.paragraphs(documentId),
          text.resolveAnchors(documentId, anchors),
        ]);
        return view(folded, paragraphs, resolved, anchors);
      }
      const point = await resolvePoint({ store, history }, documentId, asOf);
      const folded = await documentAt(store, documentId, {
        upToPosition: point.recordPosition === null ? -1n : BigInt(point.recordPosition),
      });
      const anchors = folded.state.status === 'none' ? [] : anchorsToResolve(folded.state);
      if (point.textRevision === null)
        return view(
          folded,
          [],
          anchors.map(() => null),
          anchors,
        );
      const { doc } = await loadDocState(store, documentId, {
        asOfRevision: BigInt(point.textRevision),
      });
      try {
        const resolved = anchors.map((anchor) =>
          resolveAnchor(doc, { paragraphId: '', ...anchor }),
        );
        return view(folded, listParagraphs(doc), resolved, anchors);
      } finally {
        doc.destroy();
      }
    },

    async burndown(documentId) {
      const steps = [];
      for await (const step of documentSteps(store, documentId)) steps.push(step);
      if (steps.length === 0) throw new NotFoundError('Document not found');
      return burndownView(steps);
    },
  };
}
