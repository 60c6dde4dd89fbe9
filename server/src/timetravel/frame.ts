/**
 * A document as it stood at a point: its numbered paragraphs and their text, its amendments with
 * their status, the positions and the consensus — the record folded up to the point, the text
 * from the nearest snapshot plus the updates after it.
 *
 *   const frame = await frameAsOf({ store, history }, documentId, parseAsOf('revision:Rev 1')!);
 */
import {
  amendmentsOf,
  consensusOf,
  numberParagraphs,
  recordFrozenNumbering,
  targetsWithPositions,
  type AmendmentRecord,
  type AsOf,
  type CurrentPosition,
  type DocumentConsensus,
  type DocumentMode,
  type ParagraphKind,
  type ParagraphStatus,
  type RecordRevision,
} from '@accord/shared';
import { paragraphsAt } from '../text/text-points.js';
import { resolvePoint, type ResolvedPoint, type TimeTravelDeps } from './points.js';

export interface FrameParagraph {
  id: string;
  kind: ParagraphKind;
  label: string | null;
  text: string;
  chairStatus: ParagraphStatus;
}

export interface DocumentFrame {
  documentId: string;
  asOf: Omit<ResolvedPoint, 'state' | 'document'>;
  document: {
    negotiationId: string;
    title: string;
    symbol: string;
    mode: DocumentMode;
    adopted: boolean;
    revisions: RecordRevision[];
  };
  paragraphs: FrameParagraph[];
  amendments: (AmendmentRecord & { paragraphLabel: string | null })[];
  positions: CurrentPosition[];
  consensus: DocumentConsensus;
}

export async function frameAsOf(
  deps: TimeTravelDeps,
  documentId: string,
  asOf: AsOf,
): Promise<DocumentFrame> {
  const { state, document, ...point } = await resolvePoint(deps, documentId, asOf);
  const text = await paragraphsAt(
    deps.store,
    documentId,
    point.textRevision === null ? undefined : BigInt(point.textRevision),
  );
  // Numbered as delegates saw them then: against the numbers of the last revision before it.
  const frozenNumbering = recordFrozenNumbering(document.revisions);
  const numbered = numberParagraphs(text, frozenNumbering);
  const labels = new Map(numbered.map((p) => [p.id, p.label]));
  const consensus = consensusOf(state, documentId, { paragraphs: text, frozenNumbering })!;
  const positions = targetsWithPositions(document)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, onTarget]) => Object.values(onTarget));
  return {
    documentId,
    asOf: point,
    document: {
      negotiationId: document.negotiationId,
      title: document.title,
      symbol: document.symbol,
      mode: document.mode,
      adopted: document.adopted !== null,
      revisions: [...document.revisions],
    },
    paragraphs: text.map((p, i) => ({
      id: p.id,
      kind: p.kind,
      label: numbered[i]!.label,
      text: p.text,
      chairStatus: document.paragraphStatuses[p.id]?.status ?? 'open',
    })),
    amendments: amendmentsOf(state, documentId).map((a) => ({
      ...a,
      paragraphLabel: labels.get(a.paragraphId) ?? null,
    })),
    positions,
    consensus,
  };
}
