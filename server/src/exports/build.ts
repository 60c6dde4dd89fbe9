/**
 * Reads the record for a document export: the frame as of a point (and, for a compilation, where
 * each pending amendment's anchor sits in the text then), or the attributed comparison of two
 * points, and builds the export model. Reads only: an export never writes.
 *
 *   const model = await buildDocumentExport({ store, history }, documentId, {
 *     variant: 'compare', from: parseAsOf('revision:Zero draft')!, to: { kind: 'now' },
 *   });
 */
import { docTextStream, type AsOf } from '@accord/shared';
import { occurredAtOf } from '../eventstore/occurred-at.js';
import { collect } from '../eventstore/port.js';
import { resolveAnchor } from '../text/anchors.js';
import { loadDocState } from '../text/text-history.js';
import {
  compareAsOf,
  frameAsOf,
  type DocumentFrame,
  type TimeTravelDeps,
} from '../timetravel/index.js';
import {
  cleanModel,
  compilationModel,
  comparisonModel,
  type ExportVariant,
  type StakeholderName,
} from './document-model.js';
import type { ExportLanguage } from './i18n/index.js';
import type { ExportModel } from './model.js';
import { countOpen, negotiationMarks, type NegotiationTextSource } from './negotiation-marks.js';

/**
 * What a document export reads: the record through time travel and, when wired, the brackets
 * and option sets as of a point. Without `negotiationText` the export shows none and its cover
 * no counts (roundtable papers, older callers).
 */
export type DocumentExportDeps = TimeTravelDeps & { negotiationText?: NegotiationTextSource };

export type DocumentExportRequest =
  { variant: 'clean' | 'compilation'; asOf: AsOf } | { variant: 'compare'; from: AsOf; to: AsOf };

const latest = (...isos: (string | null | undefined)[]): string | undefined =>
  isos
    .filter((t): t is string => typeof t === 'string' && Number.isFinite(Date.parse(t)))
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1);

/** When the text revision was written (the record's clock for text updates). */
async function textOccurredAt(
  deps: TimeTravelDeps,
  documentId: string,
  textRevision: string | null,
): Promise<string | undefined> {
  if (textRevision === null) return undefined;
  const [event] = await collect(
    deps.store.readStream(docTextStream(documentId), {
      fromRevision: BigInt(textRevision),
      maxCount: 1,
    }),
  );
  return event ? new Date(occurredAtOf(event).ms).toISOString() : undefined;
}

/** The point's own time: its last record event or text update, whichever is later. */
async function pointTime(
  deps: TimeTravelDeps,
  documentId: string,
  point: DocumentFrame['asOf'],
  fallback: string,
): Promise<string> {
  const text = await textOccurredAt(deps, documentId, point.textRevision);
  const found = latest(point.recordOccurredAt, text) ?? fallback;
  return new Date(Date.parse(found)).toISOString();
}

async function stakeholderNames(
  deps: TimeTravelDeps,
  negotiationId: string,
): Promise<Record<string, StakeholderName>> {
  const { state } = await deps.history.at({ kind: 'now' });
  const known = state.negotiations[negotiationId]?.stakeholders ?? {};
  return Object.fromEntries(
    Object.values(known).map((s) => [s.stakeholderId, { name: s.name, shortCode: s.shortCode }]),
  );
}

/** Resolves each pending in-text amendment's anchor in the text at the frame's revision. */
async function anchorPlacements(
  deps: TimeTravelDeps,
  frame: DocumentFrame,
): Promise<Map<string, { start: number; end: number }>> {
  const placements = new Map<string, { start: number; end: number }>();
  const anchored = frame.amendments.filter((a) => a.status === 'pending' && a.proposal.anchor);
  if (anchored.length === 0 || frame.asOf.textRevision === null) return placements;
  const { doc } = await loadDocState(deps.store, frame.documentId, {
    asOfRevision: BigInt(frame.asOf.textRevision),
  });
  try {
    for (const a of anchored) {
      const resolved = resolveAnchor(doc, { paragraphId: a.paragraphId, ...a.proposal.anchor! });
      if (resolved && resolved.paragraphId === a.paragraphId)
        placements.set(a.amendmentId, { start: resolved.start, end: resolved.end });
    }
  } finally {
    doc.destroy();
  }
  return placements;
}

export async function buildDocumentExport(
  deps: DocumentExportDeps,
  documentId: string,
  request: DocumentExportRequest,
  /** The language of the labels the export adds (exports/i18n); English when absent. */
  labels?: ExportLanguage,
): Promise<ExportModel> {
  const createdAt = async () =>
    (await deps.history.at({ kind: 'now' })).state.documents[documentId]?.createdAt ??
    new Date(0).toISOString();
  if (request.variant === 'compare') {
    const comparison = await compareAsOf(deps, documentId, request.from, request.to);
    const toFrame = await frameAsOf(deps, documentId, request.to);
    const generatedAt = await pointTime(deps, documentId, comparison.to, await createdAt());
    const later = await deps.negotiationText?.(documentId, request.to);
    return comparisonModel({
      comparison,
      document: toFrame,
      chairStatuses: Object.fromEntries(toFrame.paragraphs.map((p) => [p.id, p.chairStatus])),
      ...(later ? { counts: countOpen(later) } : {}),
      generatedAt,
      ...(labels ? { labels } : {}),
    });
  }
  const frame = await frameAsOf(deps, documentId, request.asOf);
  const generatedAt = await pointTime(deps, documentId, frame.asOf, await createdAt());
  const stakeholders = await stakeholderNames(deps, frame.document.negotiationId);
  const view = await deps.negotiationText?.(documentId, request.asOf);
  const marks = view
    ? negotiationMarks(
        view,
        stakeholders,
        frame.paragraphs.map((p) => p.id),
      )
    : undefined;
  const withMarks = { ...(marks ? { marks } : {}), ...(labels ? { labels } : {}) };
  if (request.variant === 'clean')
    return cleanModel({ frame, stakeholders, generatedAt, ...withMarks });
  const placements = await anchorPlacements(deps, frame);
  return compilationModel({ frame, stakeholders, placements, generatedAt, ...withMarks });
}

/** The file name for an export: the symbol made safe, the variant, the language version, the extension. */
export function exportFileName(
  model: ExportModel,
  variant: ExportVariant,
  extension: string,
  language?: string,
) {
  const symbol =
    model.symbol.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^_+|_+$/g, '') || 'document';
  return `${symbol}-${variant}${language ? `-${language}` : ''}.${extension}`;
}
