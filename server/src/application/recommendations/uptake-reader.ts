/**
 * Tells recommendations' fates from the read models and, for an adopted document, from the text
 * it froze: the steps of each one's uptake, the revisions and adoptions of the documents its
 * amendments belong to, the words of those amendments, and the adopted paragraphs with the
 * numbers the adopted revision published. Everything is as of `upTo` when the reader stands
 * behind a segment's horizon. The pure fold is `recommendationFate` in shared.
 */
import {
  paragraphLabels,
  recommendationFate,
  type AdoptedParagraph,
  type AmendmentWords,
  type RecommendationView,
  type StakeholderRefView,
} from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import type {
  AdoptionMark,
  RecommendationRecord,
} from '../../readmodels/queries/recommendations.js';
import { paragraphsAt } from '../../text/text-points.js';
import { documentAt } from '../brackets/document-history.js';
import type { DocumentText } from '../ports.js';
import { stakeholderRefs } from '../stakeholder-refs.js';

export interface UptakeReaderDeps {
  store: EventStore;
  queries: Pick<ReadModelQueries, 'recommendations' | 'getAmendment' | 'listStakeholders'>;
  text: Pick<DocumentText, 'paragraphs'>;
}

export interface RecommendationsRead {
  recommendations: RecommendationView[];
  stakeholders: StakeholderRefView[];
}

/** The adopted text of a document: its paragraphs at the frozen revision, with its numbers. */
async function adoptedText(store: EventStore, mark: AdoptionMark): Promise<AdoptedParagraph[]> {
  const { state } = await documentAt(store, mark.documentId);
  const revision =
    state.status === 'none' ? undefined : state.revisions.find((r) => r.label === mark.label);
  const labels = new Map(revision?.numbering ?? []);
  const paragraphs = await paragraphsAt(store, mark.documentId, BigInt(mark.textRevision));
  return paragraphs
    .filter((p) => p.kind !== 'heading')
    .map((p, index) => ({
      paragraphId: p.id,
      ref: labels.get(p.id) ?? `¶ ${index + 1}`,
      text: p.text.trim(),
    }));
}

/** The current numbers of a document's paragraphs ("OP 14"), against its last revision's. */
async function currentLabels(
  deps: UptakeReaderDeps,
  documentId: string,
): Promise<Map<string, string>> {
  const { state } = await documentAt(deps.store, documentId);
  if (state.status === 'none') return new Map();
  const frozen = new Map(state.revisions.at(-1)?.numbering ?? []);
  return paragraphLabels(await deps.text.paragraphs(documentId), frozen);
}

function wordsOf(deps: UptakeReaderDeps, amendmentId: string): AmendmentWords | undefined {
  const amendment = deps.queries.getAmendment(amendmentId);
  if (!amendment) return undefined;
  const { proposal } = amendment;
  return {
    amendmentId,
    paragraphId: amendment.paragraphId,
    kind: proposal.kind,
    originalText: proposal.originalText,
    proposedText: proposal.proposedText,
  };
}

export async function readRecommendations(
  deps: UptakeReaderDeps,
  negotiationId: string,
  records: readonly RecommendationRecord[],
  upTo: bigint | undefined,
): Promise<RecommendationsRead> {
  const amendmentDocuments = records.flatMap((r) =>
    r.steps.flatMap((s) => (s.kind === 'taken-up' ? [s.documentId] : [])),
  );
  const marks = deps.queries.recommendations.marks(amendmentDocuments, upTo);
  const adoptedTexts = new Map<string, AdoptedParagraph[]>();
  for (const mark of marks) {
    if (mark.kind === 'adopted' && !adoptedTexts.has(mark.documentId)) {
      adoptedTexts.set(mark.documentId, await adoptedText(deps.store, mark));
    }
  }
  const labelsByDocument = new Map<string, Map<string, string>>();
  for (const documentId of new Set(records.flatMap((r) => (r.documentId ? [r.documentId] : [])))) {
    labelsByDocument.set(documentId, await currentLabels(deps, documentId));
  }
  const ref = stakeholderRefs(deps.queries.listStakeholders(negotiationId));
  const named = new Map<string, StakeholderRefView>();
  const name = (stakeholderId: string) => {
    const found = ref(stakeholderId);
    named.set(stakeholderId, found);
    return found;
  };

  const recommendations = records.map((record): RecommendationView => {
    const amendments = new Map<string, AmendmentWords>();
    const endorsers = new Set<string>();
    let withdrawn = false;
    const uptake: RecommendationView['uptake'] = [];
    for (const step of record.steps) {
      if (step.kind === 'endorsed') endorsers.add(step.stakeholderId);
      if (step.kind === 'endorsement-withdrawn') endorsers.delete(step.stakeholderId);
      if (step.kind === 'withdrawn') withdrawn = true;
      if (step.kind === 'taken-up') {
        const words = wordsOf(deps, step.amendmentId);
        if (words) amendments.set(step.amendmentId, words);
        uptake.push({
          delegation: name(step.delegationId),
          amendmentId: step.amendmentId,
          documentId: step.documentId,
        });
      }
      if ('stakeholderId' in step) name(step.stakeholderId);
    }
    const fate = recommendationFate({ steps: record.steps, marks, amendments, adoptedTexts });
    const labels = record.documentId ? labelsByDocument.get(record.documentId) : undefined;
    return {
      recommendationId: record.recommendationId,
      negotiationId: record.negotiationId,
      documentId: record.documentId,
      paragraphs: record.paragraphIds.map((paragraphId) => ({
        paragraphId,
        label: labels?.get(paragraphId) ?? null,
      })),
      themes: record.themes,
      title: record.title,
      change: record.change,
      proposedText: record.proposedText,
      rationale: record.rationale,
      organisation: name(record.stakeholderId),
      submittedAt: record.submittedAt,
      withdrawn,
      endorsers: [...endorsers].map(name),
      uptake,
      fate: fate.fate,
      finalText: fate.finalText,
      timeline: fate.timeline,
    };
  });
  return { recommendations, stakeholders: [...named.values()] };
}
