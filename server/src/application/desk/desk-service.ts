// The chair's desk: gathers one negotiation's decision queue from the consensus fold (amendments
// awaiting a decision, sub-amendments before their parent; paragraphs ready to gavel; objections
// and reservations to follow up), the latest rejections and merges the chair may restore, the
// read models (which paragraphs hold open brackets or option sets) and the process queue
// (deadlines ahead, silences broken).
import {
  subAmendmentsFirst,
  type AmendmentView,
  type DeskDecided,
  type DeskDocument,
  type DeskView,
  type DeskVoice,
} from '@accord/shared';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import type { ProcessService } from '../process/process-service.js';
import { consensusNow, type ConsensusNowDeps, type DocumentConsensus } from './consensus-now.js';

export interface DeskDeps extends ConsensusNowDeps {
  queries: Pick<ReadModelQueries, 'listDocuments' | 'getDocument' | 'listAmendments'>;
  process: Pick<ProcessService, 'queue'>;
}

const voice = (s: { stakeholderId: string; name: string; shortCode: string; statement: string }) =>
  ({
    stakeholderId: s.stakeholderId,
    name: s.name,
    shortCode: s.shortCode,
    statement: s.statement,
  }) satisfies DeskVoice;

/** How many decided amendments the desk offers to restore, newest first. */
const RECENTLY_DECIDED = 10;

/** Rejections and merges the chair may undo, newest first. */
export function recentlyDecidedOf(
  amendments: readonly AmendmentView[],
  labelOf: (paragraphId: string) => string | null,
): DeskDecided[] {
  return amendments
    .flatMap((a) =>
      a.status === 'rejected' || a.status === 'merged' ? [{ ...a, status: a.status }] : [],
    )
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
    .slice(0, RECENTLY_DECIDED)
    .map((a) => ({
      amendmentId: a.amendmentId,
      paragraphId: a.paragraphId,
      paragraphLabel: labelOf(a.paragraphId),
      status: a.status,
      decidedAt: a.decidedAt,
      parentAmendmentId: a.parentAmendmentId,
    }));
}

/** One document's part of the queue, from its consensus and the paragraphs bracketed now. */
export function deskDocumentOf(
  consensus: DocumentConsensus,
  bracketed: ReadonlySet<string>,
  /** The document's amendments from the read models: who amends whom, what was decided. */
  amendments: readonly AmendmentView[] = [],
): DeskDocument {
  const parentOf = new Map(amendments.map((a) => [a.amendmentId, a.parentAmendmentId]));
  const awaiting = consensus.amendments.map((a) => ({
    ...a,
    parentAmendmentId: parentOf.get(a.amendmentId) ?? null,
  }));
  const readyToGavel = consensus.paragraphs
    .filter((p) => p.status === 'consensus' && p.chairStatus !== 'agreed-ad-ref')
    .filter((p) => !bracketed.has(p.paragraphId))
    .map((p) => ({ paragraphId: p.paragraphId, label: p.label }));
  const paragraphFollowUps = consensus.paragraphs
    .filter((p) => p.chairStatus !== 'agreed-ad-ref')
    .filter((p) => p.objectors.length > 0 || p.reservations.length > 0)
    .map((p) => ({
      target: 'paragraph' as const,
      id: p.paragraphId,
      paragraphId: p.paragraphId,
      label: p.label,
      objectors: p.objectors.map(voice),
      reservations: p.reservations.map(voice),
    }));
  const amendmentFollowUps = consensus.amendments
    .filter((a) => a.objectors.length > 0 || a.reservations.length > 0)
    .map((a) => ({
      target: 'amendment' as const,
      id: a.amendmentId,
      paragraphId: a.paragraphId,
      label: a.paragraphLabel,
      objectors: a.objectors.map(voice),
      reservations: a.reservations.map(voice),
    }));
  return {
    documentId: consensus.documentId,
    title: consensus.title,
    symbol: consensus.symbol,
    amendmentsAwaiting: subAmendmentsFirst(awaiting).map((a) => ({
      amendmentId: a.amendmentId,
      paragraphId: a.paragraphId,
      paragraphLabel: a.paragraphLabel,
      kind: a.kind,
      consensus: a.status,
      objections: a.objectors.length,
      tabledAt: a.tabledAt,
      parentAmendmentId: a.parentAmendmentId,
    })),
    recentlyDecided: recentlyDecidedOf(
      amendments,
      (id) => consensus.paragraphs.find((p) => p.paragraphId === id)?.label ?? null,
    ),
    readyToGavel,
    followUps: [...paragraphFollowUps, ...amendmentFollowUps],
  };
}

export async function deskOf(
  deps: DeskDeps,
  negotiationId: string,
  now = new Date(),
): Promise<DeskView> {
  const documents: DeskDocument[] = [];
  for (const summary of deps.queries.listDocuments(negotiationId)) {
    if (summary.adopted) continue;
    const consensus = await consensusNow(deps, summary.documentId);
    const statuses = deps.queries.getDocument(summary.documentId)?.paragraphStatuses ?? [];
    const bracketed = new Set(
      statuses.filter((s) => s.status === 'bracketed').map((s) => s.paragraphId),
    );
    const amendments = deps.queries.listAmendments(summary.documentId);
    documents.push(deskDocumentOf(consensus, bracketed, amendments));
  }
  const queue = await deps.process.queue(negotiationId, now);
  const open = new Set(documents.map((d) => d.documentId));
  return {
    negotiationId,
    now: now.toISOString(),
    documents,
    deadlinesAhead: queue.deadlinesAhead
      .filter((d) => open.has(d.documentId))
      .map(({ documentId, kind, deadline, timeZone }) => ({
        documentId,
        kind,
        deadline,
        timeZone,
      })),
    silencesBroken: queue.silencesBroken.filter((s) => open.has(s.documentId)),
  };
}
