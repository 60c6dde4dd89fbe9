/**
 * Writing a document's next revision into its live Y.Doc from a plan, so that what the room
 * already attached to the text survives: a paragraph the plan keeps stays the same Y.XmlElement
 * (same id), and only the words the redline changes are deleted or inserted, so every unchanged
 * character keeps its Yjs identity — brackets' and comments' anchors and the who-wrote-what
 * record of those words follow through the revision.
 *
 *   checkRevisionPlan(doc, plan);                 // throws RevisionPlanError, changes nothing
 *   doc.transact(() => applyRevisionPlan(doc, plan));
 *
 * The plan lists the new text in order: kept paragraphs (possibly with new words or a new kind)
 * and inserted ones; and, anywhere, the paragraphs to delete. Every paragraph of the live text
 * must be kept, replaced or deleted, in the live order, and each replacement's redline must spell
 * the paragraph's words now: a plan made against another text is refused whole.
 */
import type * as Y from 'yjs';
import type { ParagraphKind } from '@accord/shared';
import {
  findParagraph,
  insertParagraphs,
  listParagraphs,
  replaceParagraphText,
  textFragment,
  type Paragraph,
} from './doc-structure.js';

/** One run of a word redline: the live words it keeps, deletes, or the new words it inserts. */
export interface RedlineStep {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type RevisionStep =
  /** The paragraph stays; `runs` turn its words into the new ones (only equal runs: unchanged). */
  | { op: 'keep'; paragraphId: string; kind: ParagraphKind; runs: readonly RedlineStep[] }
  /** A paragraph new in this revision, placed after the step before it. */
  | { op: 'insert'; paragraph: Paragraph }
  | { op: 'delete'; paragraphId: string };

export interface RevisionPlan {
  steps: readonly RevisionStep[];
}

export class RevisionPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RevisionPlanError';
  }
}

/** The live words a redline starts from: its equal and deleted runs, in order. */
export const redlineBefore = (runs: readonly RedlineStep[]): string =>
  runs
    .filter((r) => r.op !== 'insert')
    .map((r) => r.text)
    .join('');

/** The words a redline ends with: its equal and inserted runs, in order. */
export const redlineAfter = (runs: readonly RedlineStep[]): string =>
  runs
    .filter((r) => r.op !== 'delete')
    .map((r) => r.text)
    .join('');

/** Refuses (RevisionPlanError) a plan that does not fit the text now; changes nothing. */
export function checkRevisionPlan(doc: Y.Doc, plan: RevisionPlan): void {
  const live = listParagraphs(doc);
  const liveById = new Map(live.map((p) => [p.id, p]));
  const planned = new Set<string>();
  const keptOrder: string[] = [];
  for (const step of plan.steps) {
    const id = step.op === 'insert' ? step.paragraph.id : step.paragraphId;
    if (planned.has(id)) throw new RevisionPlanError(`Paragraph ${id} appears twice in the plan`);
    planned.add(id);
    if (step.op === 'insert') {
      if (liveById.has(id)) throw new RevisionPlanError(`Paragraph ${id} already exists`);
      continue;
    }
    const paragraph = liveById.get(id);
    if (!paragraph) throw new RevisionPlanError(`Paragraph ${id} is no longer in the text`);
    if (step.op === 'keep') {
      keptOrder.push(id);
      if (redlineBefore(step.runs) !== paragraph.text)
        throw new RevisionPlanError(`The words of paragraph ${id} changed since the plan was made`);
    }
  }
  const unplanned = live.find((p) => !planned.has(p.id));
  if (unplanned) throw new RevisionPlanError(`Paragraph ${unplanned.id} is not in the plan`);
  const liveOrder = live.filter((p) => keptOrder.includes(p.id)).map((p) => p.id);
  if (liveOrder.join('\n') !== keptOrder.join('\n'))
    throw new RevisionPlanError('The plan keeps paragraphs in another order than the text');
}

/**
 * Applies a plan; call inside one transaction, after `checkRevisionPlan` (it checks again, so
 * a refused plan still leaves no trace: Yjs cannot roll back a transaction half-way).
 */
export function applyRevisionPlan(doc: Y.Doc, plan: RevisionPlan): void {
  checkRevisionPlan(doc, plan);
  // Deletions first, from the last child backwards, so the indices still to delete stay valid.
  const deleted = plan.steps
    .flatMap((step) => (step.op === 'delete' ? [findParagraph(doc, step.paragraphId)!.index] : []))
    .sort((a, b) => b - a);
  for (const index of deleted) textFragment(doc).delete(index, 1);

  // Then the new order: each inserted paragraph goes right after the step before it.
  let cursor = 0;
  for (const step of plan.steps) {
    switch (step.op) {
      case 'delete':
        break;
      case 'insert':
        insertParagraphs(doc, cursor, [step.paragraph]);
        cursor += 1;
        break;
      case 'keep': {
        const paragraph = findParagraph(doc, step.paragraphId)!;
        if (paragraph.kind !== step.kind) paragraph.element.setAttribute('kind', step.kind);
        applyRedline(doc, step.paragraphId, step.runs);
        cursor = paragraph.index + 1;
        break;
      }
    }
  }
}

/** Deletes and inserts the redline's changed runs, leaving its equal runs untouched. */
function applyRedline(doc: Y.Doc, paragraphId: string, runs: readonly RedlineStep[]): void {
  let at = 0;
  for (const run of runs) {
    switch (run.op) {
      case 'equal':
        at += run.text.length;
        break;
      case 'delete':
        replaceParagraphText(doc, paragraphId, at, at + run.text.length, '');
        break;
      case 'insert':
        replaceParagraphText(doc, paragraphId, at, at, run.text);
        at += run.text.length;
        break;
    }
  }
}

/** The paragraphs after a plan, as `listParagraphs` will read them (for previews and tests). */
export function plannedParagraphs(plan: RevisionPlan, live: readonly Paragraph[]): Paragraph[] {
  const byId = new Map(live.map((p) => [p.id, p]));
  return plan.steps.flatMap((step): Paragraph[] => {
    if (step.op === 'insert') return [step.paragraph];
    if (step.op === 'delete' || !byId.has(step.paragraphId)) return [];
    return [{ id: step.paragraphId, kind: step.kind, text: redlineAfter(step.runs) }];
  });
}
