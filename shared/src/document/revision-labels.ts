// Revision labels as chairs write them ("Zero draft", "Rev 1", …, "Final draft"): comparing
// them loosely, and suggesting the next one so the chair rarely has to type it.

/** "Rev  1" and "rev 1" name the same revision. */
export const normaliseRevisionLabel = (label: string): string =>
  label.trim().replace(/\s+/g, ' ').toLowerCase();

export const sameRevisionLabel = (a: string, b: string): boolean =>
  normaliseRevisionLabel(a) === normaliseRevisionLabel(b);

const REV = /^rev\.? ?(\d+)$/;
const FINAL_REV = /^final draft,? rev\.? ?(\d+)$/;

/**
 * Zero draft first, then Rev 1, Rev 2, …; once the final draft is out, "Final draft Rev 1", ….
 */
export function suggestNextRevisionLabel(issued: readonly string[]): string {
  const labels = issued.map(normaliseRevisionLabel);
  const highest = (pattern: RegExp) =>
    Math.max(0, ...labels.map((l) => Number(pattern.exec(l)?.[1] ?? 0)));
  if (labels.includes('final draft')) return `Final draft Rev ${highest(FINAL_REV) + 1}`;
  if (labels.length === 0) return 'Zero draft';
  return `Rev ${highest(REV) + 1}`;
}
