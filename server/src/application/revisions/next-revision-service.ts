/**
 * Importing the facilitators' next text of an existing document, in two steps.
 *
 * - `preview`: the uploaded draft (already parsed by the import parser, off the event loop) is
 *   matched to the live paragraphs (`matchParagraphs`, shared), each pair gets a word redline
 *   (the comparison's own diff, `compareTexts`), and the result is kept as a plan: matched
 *   paragraphs keep their ids (so positions, comments and amendments on them carry forward), new
 *   ones get fresh ids, unmatched live ones are to be deleted. Paragraphs agreed ad ref that the
 *   text would change are reported: they are locked, and confirming is refused while any is.
 * - `confirm`: the plan is written into the live text as ONE attributed server transaction (only
 *   the redline's changed words are touched, see text/revise-text.ts), then the revision is issued
 *   through the documents service. It happens once per preview: a second confirm joins the first,
 *   or answers what it answered; a confirm whose text went in but whose revision was refused
 *   (an accepted amendment still on its way) only issues the revision when retried.
 *
 * WHERE PREVIEWS LIVE. In this process's memory, for {@link PREVIEW_TTL_MS} and at most
 * {@link MAX_PREVIEWS} at a time (the oldest is dropped first). A preview is a chair's working
 * copy between an upload and a click, not record: losing it to a restart costs one upload, while
 * keeping it in the read-model database would need a table, its clean-up, and would still be
 * stale the moment anyone typed. A preview is bound to the text revision it was made against, and
 * confirming refuses it (409) once the text moved on. With several nodes, one owns a document's
 * text (ARCHITECTURE.md), and preview and confirm reach that owner.
 */
import { randomUUID } from 'node:crypto';
import {
  compareTexts,
  frozenNumbering,
  hasOpenBrackets,
  lockedParagraphIds,
  matchParagraphs,
  paragraphLabels,
  suggestNextRevisionLabel,
  type CommandMeta,
  type ImportReport,
  type NextRevisionParagraph,
  type NextRevisionPreview,
  type ParagraphKind,
  type RedlineRun,
  type RemovedParagraph,
} from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';
import { RevisionPlanError, type RevisionPlan, type RevisionStep } from '../../text/revise-text.js';
import { documentAt } from '../brackets/document-history.js';
import type { DocumentService } from '../documents/document-service.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { TextParagraph, TextWork } from '../ports.js';

/** How long a preview waits for the chair's confirmation. */
export const PREVIEW_TTL_MS = 30 * 60_000;
/** Previews kept at once, over all documents: an upload is at most a few MB of text. */
export const MAX_PREVIEWS = 50;

/** What the service needs of the live text: read it, and write a revision plan into it. */
export interface RevisionText {
  paragraphs(documentId: string): Promise<TextParagraph[]>;
  /** The revision of the document's text stream now (undefined before it has any text). */
  textRevision(documentId: string): Promise<bigint | undefined>;
  /**
   * Applies the plan as one attributed server transaction, stored with `metadata.workId`;
   * throws RevisionPlanError, changing nothing, when the plan no longer fits the text.
   */
  revise(documentId: string, plan: RevisionPlan, work: TextWork): Promise<void>;
}

/** The uploaded draft as the import parser read it (a `RecognisedDraft` is one). */
export interface UploadedRevision {
  paragraphs: readonly { kind: ParagraphKind; text: string }[];
  report: ImportReport;
}

export interface ConfirmedRevision {
  label: string;
  position: bigint | undefined;
  textRevision: bigint;
}

export interface NextRevisionService {
  /** Matches the upload against the live text and keeps the plan; records nothing. */
  preview(documentId: string, upload: UploadedRevision): Promise<NextRevisionPreview>;
  /** Writes the previewed text into the document and issues it, once per preview. */
  confirm(
    documentId: string,
    previewId: string,
    options: { label?: string; renumber?: boolean },
    meta: CommandMeta,
  ): Promise<ConfirmedRevision>;
}

export interface NextRevisionDeps {
  store: EventStore;
  text: RevisionText;
  documents: Pick<DocumentService, 'issueRevision'>;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
  ttlMs?: number;
  maxPreviews?: number;
}

interface KeptPreview {
  documentId: string;
  expiresAt: number;
  /** The text revision the plan was made against. */
  basedOn: bigint | undefined;
  plan: RevisionPlan;
  /** Set once the plan is in the text: a retry then only issues the revision. */
  textApplied: boolean;
  /** The confirmation under way, which a second click joins rather than repeats. */
  confirming: Promise<ConfirmedRevision> | null;
  /** What the confirmation answered: a later confirm answers the same. */
  done: ConfirmedRevision | null;
}

const previewGone = () =>
  new NotFoundError('No such preview of a next revision', {
    code: 'preview-not-found',
    detail:
      'Previews are kept for 30 minutes and are not kept across restarts: upload the text again.',
  });

/** A word redline of one paragraph: the comparison's diff, without its attribution. */
function redline(kind: ParagraphKind, from: string, to: string): RedlineRun[] {
  const [compared] = compareTexts(
    [{ id: 'p', kind, text: from }],
    [{ id: 'p', kind, text: to }],
  ).paragraphs;
  return (compared?.runs ?? []).map(({ op, text }) => ({ op, text }));
}

export function createNextRevisionService(deps: NextRevisionDeps): NextRevisionService {
  const now = deps.now ?? Date.now;
  const ttlMs = deps.ttlMs ?? PREVIEW_TTL_MS;
  const maxPreviews = deps.maxPreviews ?? MAX_PREVIEWS;
  // Insertion order is age order: the first key is the oldest preview.
  const previews = new Map<string, KeptPreview>();

  const forgetExpired = () => {
    for (const [id, kept] of previews)
      if (kept.expiresAt <= now() && kept.confirming === null) previews.delete(id);
  };

  const knownDocument = async (documentId: string) => {
    const { state } = await documentAt(deps.store, documentId);
    if (state.status === 'none') throw new NotFoundError('Document not found');
    if (state.status === 'adopted')
      throw new ConflictError('document-adopted', 'The document is adopted; its record is closed');
    return state;
  };

  /** Refuses a plan that would change a paragraph agreed ad ref now. */
  const assertLocksHold = (
    plan: RevisionPlan,
    locked: ReadonlySet<string>,
    live: TextParagraph[],
  ) => {
    const byId = new Map(live.map((p) => [p.id, p]));
    const touched = plan.steps.filter(
      (step) =>
        (step.op === 'delete' && locked.has(step.paragraphId)) ||
        (step.op === 'keep' &&
          locked.has(step.paragraphId) &&
          (step.runs.some((r) => r.op !== 'equal') ||
            byId.get(step.paragraphId)?.kind !== step.kind)),
    );
    if (touched.length > 0)
      throw new ConflictError('paragraph-locked', 'The new text changes paragraphs agreed ad ref', {
        detail: `${touched.length} paragraph(s) agreed ad ref would change or go. Reopen them with a reason, or upload a text that leaves them as they are.`,
      });
  };

  async function confirmOnce(
    previewId: string,
    kept: KeptPreview,
    options: { label?: string; renumber?: boolean },
    meta: CommandMeta,
  ): Promise<ConfirmedRevision> {
    const state = await knownDocument(kept.documentId);
    if (!kept.textApplied) {
      if ((await deps.text.textRevision(kept.documentId)) !== kept.basedOn)
        throw new ConflictError('text-changed', 'The text changed since this preview', {
          detail:
            'Someone edited the document after the upload; upload the new text again to review it against the text as it is now.',
        });
      const live = await deps.text.paragraphs(kept.documentId);
      // Locks are read again: a paragraph may have been gavelled since the preview.
      assertLocksHold(kept.plan, lockedParagraphIds(state), live);
      try {
        await deps.text.revise(kept.documentId, kept.plan, {
          workId: `next-revision/${previewId}`,
          by: meta.actor,
        });
      } catch (error) {
        if (!(error instanceof RevisionPlanError)) throw error;
        throw new ConflictError('text-changed', 'The text changed since this preview', {
          detail: error.message,
        });
      }
      kept.textApplied = true;
    }
    const label = options.label ?? suggestNextRevisionLabel(state.revisions.map((r) => r.label));
    const issued = await deps.documents.issueRevision(
      kept.documentId,
      label,
      meta,
      options.renumber,
    );
    return { label, position: issued.position, textRevision: issued.textRevision };
  }

  return {
    async preview(documentId, upload) {
      const state = await knownDocument(documentId);
      const basedOn = await deps.text.textRevision(documentId);
      const live = await deps.text.paragraphs(documentId);
      const labels = paragraphLabels(live, frozenNumbering(state));
      const locked = lockedParagraphIds(state);
      const current = live.map((p) => ({ ...p, label: labels.get(p.id) ?? null }));
      const byId = new Map(current.map((p) => [p.id, p]));
      const incoming = upload.paragraphs.map((p, i) => ({
        kind: p.kind,
        text: p.text,
        label: upload.report.paragraphs[i]?.label ?? null,
      }));
      const { matches, removed } = matchParagraphs(current, incoming);

      const steps: RevisionStep[] = [];
      const paragraphs = incoming.map((paragraph, j): NextRevisionParagraph => {
        const match = matches[j]!;
        const old = match.matchedId === null ? undefined : byId.get(match.matchedId);
        if (!old) {
          steps.push({
            op: 'insert',
            paragraph: { id: randomUUID(), kind: paragraph.kind, text: paragraph.text },
          });
          return {
            ...paragraph,
            match: null,
            redline: paragraph.text.length > 0 ? [{ op: 'insert', text: paragraph.text }] : [],
            lockedChange: null,
          };
        }
        const runs = redline(paragraph.kind, old.text, paragraph.text);
        steps.push({ op: 'keep', paragraphId: old.id, kind: paragraph.kind, runs });
        const wordsChanged = runs.some((r) => r.op !== 'equal');
        const lockedChange = !locked.has(old.id)
          ? null
          : wordsChanged
            ? 'words'
            : old.kind !== paragraph.kind
              ? 'kind'
              : null;
        return {
          ...paragraph,
          match: {
            paragraphId: old.id,
            label: old.label,
            similarity: match.similarity,
            how: match.how === 'number' ? 'number' : 'text',
          },
          redline: runs,
          lockedChange,
        };
      });
      const removedViews = removed.map((p): RemovedParagraph => {
        steps.push({ op: 'delete', paragraphId: p.id });
        return {
          paragraphId: p.id,
          label: p.label,
          text: p.text,
          locked: locked.has(p.id),
          bracketed: hasOpenBrackets(state, p.id),
        };
      });

      forgetExpired();
      while (previews.size >= maxPreviews) previews.delete(previews.keys().next().value!);
      const previewId = randomUUID();
      const expiresAt = now() + ttlMs;
      previews.set(previewId, {
        documentId,
        expiresAt,
        basedOn,
        plan: { steps },
        textApplied: false,
        confirming: null,
        done: null,
      });

      const count = (test: (p: NextRevisionParagraph) => boolean) => paragraphs.filter(test).length;
      return {
        previewId,
        expiresAt: new Date(expiresAt).toISOString(),
        suggestedLabel: suggestNextRevisionLabel(state.revisions.map((r) => r.label)),
        paragraphs,
        removed: removedViews,
        totals: {
          paragraphs: paragraphs.length,
          matchedByNumber: count((p) => p.match?.how === 'number'),
          matchedByText: count((p) => p.match?.how === 'text'),
          changed: count(
            (p) =>
              p.match !== null &&
              (p.redline.some((r) => r.op !== 'equal') ||
                byId.get(p.match.paragraphId)?.kind !== p.kind),
          ),
          new: count((p) => p.match === null),
          removed: removedViews.length,
          lockedChanges:
            count((p) => p.lockedChange !== null) + removedViews.filter((r) => r.locked).length,
        },
        report: upload.report,
      };
    },

    async confirm(documentId, previewId, options, meta) {
      const kept = previews.get(previewId);
      if (!kept || kept.documentId !== documentId) throw previewGone();
      if (kept.done) return kept.done;
      if (kept.confirming) return kept.confirming;
      if (kept.expiresAt <= now()) {
        previews.delete(previewId);
        throw previewGone();
      }
      kept.confirming = confirmOnce(previewId, kept, options, meta);
      try {
        kept.done = await kept.confirming;
        return kept.done;
      } finally {
        // Done or failed, nobody is confirming any more; a failure may be retried.
        kept.confirming = null;
      }
    },
  };
}
