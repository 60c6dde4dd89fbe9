// A recommendation's fate, drawn from the record: its own events, the decisions on the amendments
// that took it up, the revisions issued and the adoption of their document, and the adopted
// text. Pure, so the server, the report and a test all tell the same story.
//
// How "present in the final text" is established: an amendment that took the recommendation up
// was accepted, its document was adopted, and in the adopted revision's text
//  - words it proposed (insert, replace, new paragraph) are found, white space folded, in the
//    paragraph it amended (a new paragraph: in any paragraph, the amended one first);
//  - words it deleted are gone from its paragraph, or (a paragraph deleted) the paragraph is gone.
// The paragraph's number in the adopted revision and its words are quoted as the evidence.

export type AmendmentOutcome = 'accepted' | 'rejected' | 'merged' | 'withdrawn' | 'restored';

/** What happened on the recommendation's stream and to the amendments that took it up. */
export type UptakeStep =
  | { kind: 'submitted'; at: string; position: bigint; stakeholderId: string }
  | { kind: 'endorsed'; at: string; position: bigint; stakeholderId: string }
  | { kind: 'endorsement-withdrawn'; at: string; position: bigint; stakeholderId: string }
  | { kind: 'withdrawn'; at: string; position: bigint }
  | {
      kind: 'taken-up';
      at: string;
      position: bigint;
      delegationId: string;
      amendmentId: string;
      documentId: string;
    }
  | {
      kind: 'amendment';
      at: string;
      position: bigint;
      amendmentId: string;
      outcome: AmendmentOutcome;
    };

/** A revision issued or a document adopted, with where in the log. */
export interface DocumentMark {
  documentId: string;
  kind: 'revision' | 'adopted';
  label: string;
  at: string;
  position: bigint;
}

export interface AmendmentWords {
  amendmentId: string;
  paragraphId: string;
  kind: 'insert' | 'delete' | 'replace' | 'add-paragraph' | 'delete-paragraph';
  originalText: string;
  proposedText: string;
}

export interface AdoptedParagraph {
  paragraphId: string;
  /** Its number in the adopted revision: "OP 14". */
  ref: string;
  text: string;
}

export interface FateFacts {
  steps: readonly UptakeStep[];
  marks: readonly DocumentMark[];
  amendments: ReadonlyMap<string, AmendmentWords>;
  /** The adopted text of each adopted document that an accepted amendment belongs to. */
  adoptedTexts: ReadonlyMap<string, readonly AdoptedParagraph[]>;
}

export const recommendationFates = [
  'not-taken-up',
  'withdrawn',
  'taken-up',
  'not-accepted',
  'accepted',
  'in-final-text',
] as const;
export type RecommendationFate = (typeof recommendationFates)[number];

export type TimelineEntry =
  | { kind: 'submitted' | 'endorsed' | 'endorsement-withdrawn'; at: string; stakeholderId: string }
  | { kind: 'withdrawn'; at: string }
  | { kind: 'taken-up'; at: string; delegationId: string; amendmentId: string }
  | {
      kind: 'amendment-accepted' | 'amendment-rejected' | 'amendment-merged';
      at: string;
      amendmentId: string;
    }
  | { kind: 'amendment-withdrawn' | 'amendment-restored'; at: string; amendmentId: string }
  | { kind: 'in-revision'; at: string; amendmentId: string; label: string }
  | {
      kind: 'in-final-text';
      at: string;
      amendmentId: string;
      revisionLabel: string;
      ref: string;
      words: string;
    }
  | { kind: 'not-in-final-text'; at: string; amendmentId: string; revisionLabel: string };

export interface FateView {
  fate: RecommendationFate;
  timeline: TimelineEntry[];
  /** Where it stands in the adopted text, when it does: the first amendment that put it there. */
  finalText: { ref: string; words: string; revisionLabel: string } | null;
}

const folded = (words: string) => words.replace(/\s+/gu, ' ').trim();

function presence(
  words: AmendmentWords,
  paragraphs: readonly AdoptedParagraph[],
): AdoptedParagraph | { ref: ''; text: ''; paragraphId: '' } | null {
  const own = paragraphs.find((p) => p.paragraphId === words.paragraphId);
  switch (words.kind) {
    case 'insert':
    case 'replace':
    case 'add-paragraph': {
      const wanted = folded(words.proposedText);
      if (wanted === '') return null;
      const candidates = own ? [own, ...paragraphs.filter((p) => p !== own)] : paragraphs;
      const scope = words.kind === 'add-paragraph' ? candidates : own ? [own] : [];
      return scope.find((p) => folded(p.text).includes(wanted)) ?? null;
    }
    case 'delete':
      return own && !folded(own.text).includes(folded(words.originalText)) ? own : null;
    case 'delete-paragraph':
      return own ? null : { ref: '', text: '', paragraphId: '' };
  }
}

const decisionKind = {
  accepted: 'amendment-accepted',
  rejected: 'amendment-rejected',
  merged: 'amendment-merged',
  withdrawn: 'amendment-withdrawn',
  restored: 'amendment-restored',
} as const;

/** Folds the facts into a timeline (in log order) and the furthest fate reached. */
export function recommendationFate(facts: FateFacts): FateView {
  const timeline: { entry: TimelineEntry; position: bigint }[] = [];
  const add = (entry: TimelineEntry, position: bigint) => timeline.push({ entry, position });
  const status = new Map<string, 'pending' | AmendmentOutcome>();
  const documentOf = new Map<string, string>();
  const acceptedAt = new Map<string, bigint>();
  let withdrawn = false;

  for (const step of facts.steps) {
    switch (step.kind) {
      case 'submitted':
      case 'endorsed':
      case 'endorsement-withdrawn':
        add({ kind: step.kind, at: step.at, stakeholderId: step.stakeholderId }, step.position);
        break;
      case 'withdrawn':
        withdrawn = true;
        add({ kind: 'withdrawn', at: step.at }, step.position);
        break;
      case 'taken-up':
        if (!status.has(step.amendmentId)) status.set(step.amendmentId, 'pending');
        documentOf.set(step.amendmentId, step.documentId);
        add(
          {
            kind: 'taken-up',
            at: step.at,
            delegationId: step.delegationId,
            amendmentId: step.amendmentId,
          },
          step.position,
        );
        break;
      case 'amendment':
        status.set(step.amendmentId, step.outcome === 'restored' ? 'pending' : step.outcome);
        if (step.outcome === 'accepted') acceptedAt.set(step.amendmentId, step.position);
        add(
          { kind: decisionKind[step.outcome], at: step.at, amendmentId: step.amendmentId },
          step.position,
        );
        break;
    }
  }

  let finalText: FateView['finalText'] = null;
  let anyAccepted = false;
  for (const [amendmentId, position] of acceptedAt) {
    if (status.get(amendmentId) !== 'accepted') continue;
    anyAccepted = true;
    const marks = facts.marks.filter(
      (m) => m.documentId === documentOf.get(amendmentId) && m.position > position,
    );
    const revision = marks.find((m) => m.kind === 'revision');
    if (revision) {
      add(
        { kind: 'in-revision', at: revision.at, amendmentId, label: revision.label },
        revision.position,
      );
    }
    const adoption = marks.find((m) => m.kind === 'adopted');
    const words = facts.amendments.get(amendmentId);
    const adopted = adoption ? facts.adoptedTexts.get(adoption.documentId) : undefined;
    if (!adoption || !words || !adopted) continue;
    const found = presence(words, adopted);
    const revisionLabel = adoption.label;
    if (found) {
      add(
        {
          kind: 'in-final-text',
          at: adoption.at,
          amendmentId,
          revisionLabel,
          ref: found.ref,
          words: found.text,
        },
        adoption.position,
      );
      finalText ??= { ref: found.ref, words: found.text, revisionLabel };
    } else {
      add(
        { kind: 'not-in-final-text', at: adoption.at, amendmentId, revisionLabel },
        adoption.position,
      );
    }
  }

  timeline.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const outcomes = [...status.values()];
  const fate: RecommendationFate = finalText
    ? 'in-final-text'
    : anyAccepted
      ? 'accepted'
      : outcomes.includes('pending')
        ? 'taken-up'
        : outcomes.length > 0
          ? 'not-accepted'
          : withdrawn
            ? 'withdrawn'
            : 'not-taken-up';
  return { fate, timeline: timeline.map((t) => t.entry), finalText };
}
