// What the "objectives" of an adopted text are, for pledges and their review. A compact's
// objectives are its headed sections ("Objective 3: …" over the operative paragraphs that carry
// it out): each heading is an objective, holding the operative paragraphs (and their
// sub-paragraphs) that follow it up to the next heading. A text with no headings has no sections,
// so each operative paragraph (with its sub-paragraphs) is an objective. Preambular paragraphs belong to none.
import { z } from 'zod';
import type { ParagraphKind } from '../vocabulary.js';

export interface AdoptedTextParagraph {
  id: string;
  kind: ParagraphKind;
  /** "OP 3", "PP 1", "3 (a)"; null for headings. */
  label: string | null;
  text: string;
}

export const objectiveViewSchema = z.object({
  objectiveId: z.string(),
  label: z.string(),
  paragraphs: z.array(z.object({ paragraphId: z.string(), ref: z.string() })),
});
export type ObjectiveView = z.infer<typeof objectiveViewSchema>;

const OBJECTIVE_LABEL_CHARS = 160;

const shortLabel = (text: string) => {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length <= OBJECTIVE_LABEL_CHARS
    ? line
    : `${line.slice(0, OBJECTIVE_LABEL_CHARS - 1)}…`;
};

const isOperative = (kind: ParagraphKind) => kind === 'operative' || kind === 'subparagraph';

export function objectivesOf(paragraphs: readonly AdoptedTextParagraph[]): ObjectiveView[] {
  const hasSections = paragraphs.some((p) => p.kind === 'heading' && p.text.trim() !== '');
  if (!hasSections) {
    // Each operative paragraph leads an objective, with its lettered sub-paragraphs.
    const objectives: ObjectiveView[] = [];
    for (const p of paragraphs) {
      if (p.text.trim() === '') continue;
      const ref = p.label ?? '';
      if (p.kind === 'operative') {
        objectives.push({
          objectiveId: p.id,
          label: shortLabel(ref === '' ? p.text : `${ref}: ${p.text}`),
          paragraphs: [{ paragraphId: p.id, ref }],
        });
      } else if (p.kind === 'subparagraph') {
        objectives.at(-1)?.paragraphs.push({ paragraphId: p.id, ref });
      }
    }
    return objectives;
  }
  const objectives: ObjectiveView[] = [];
  let current: ObjectiveView | null = null;
  for (const p of paragraphs) {
    if (p.kind === 'heading') {
      current =
        p.text.trim() === ''
          ? null
          : { objectiveId: p.id, label: shortLabel(p.text), paragraphs: [] };
      if (current) objectives.push(current);
    } else if (current && isOperative(p.kind) && p.text.trim() !== '') {
      current.paragraphs.push({ paragraphId: p.id, ref: p.label ?? '' });
    }
  }
  return objectives;
}
