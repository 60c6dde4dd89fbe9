// The uptake report's figures: how many recommendations were submitted, taken up, accepted and
// are in the final text, overall, by theme and by organisation. A recommendation counts at every
// stage it reached (one in the final text was also taken up and accepted).
import type { RecommendationFate } from './fate.js';

export interface UptakeCounts {
  submitted: number;
  takenUp: number;
  accepted: number;
  inFinalText: number;
}

export interface UptakeRow extends UptakeCounts {
  key: string;
}

export interface UptakeFigures {
  totals: UptakeCounts;
  /** Sorted by most submitted, then by name. */
  byTheme: UptakeRow[];
  byOrganisation: UptakeRow[];
}

const reached: Record<RecommendationFate, Omit<UptakeCounts, 'submitted'>> = {
  'not-taken-up': { takenUp: 0, accepted: 0, inFinalText: 0 },
  withdrawn: { takenUp: 0, accepted: 0, inFinalText: 0 },
  'taken-up': { takenUp: 1, accepted: 0, inFinalText: 0 },
  'not-accepted': { takenUp: 1, accepted: 0, inFinalText: 0 },
  accepted: { takenUp: 1, accepted: 1, inFinalText: 0 },
  'in-final-text': { takenUp: 1, accepted: 1, inFinalText: 1 },
};

const zero = (): UptakeCounts => ({ submitted: 0, takenUp: 0, accepted: 0, inFinalText: 0 });

function addTo(counts: UptakeCounts, fate: RecommendationFate): void {
  const r = reached[fate];
  counts.submitted += 1;
  counts.takenUp += r.takenUp;
  counts.accepted += r.accepted;
  counts.inFinalText += r.inFinalText;
}

const rows = (table: Map<string, UptakeCounts>): UptakeRow[] =>
  [...table]
    .map(([key, counts]) => ({ key, ...counts }))
    .sort((a, b) => b.submitted - a.submitted || a.key.localeCompare(b.key));

export function uptakeFigures(
  items: readonly { fate: RecommendationFate; themes: readonly string[]; organisation: string }[],
): UptakeFigures {
  const totals = zero();
  const byTheme = new Map<string, UptakeCounts>();
  const byOrganisation = new Map<string, UptakeCounts>();
  for (const item of items) {
    addTo(totals, item.fate);
    for (const theme of item.themes) {
      const counts = byTheme.get(theme) ?? zero();
      byTheme.set(theme, counts);
      addTo(counts, item.fate);
    }
    const counts = byOrganisation.get(item.organisation) ?? zero();
    byOrganisation.set(item.organisation, counts);
    addTo(counts, item.fate);
  }
  return { totals, byTheme: rows(byTheme), byOrganisation: rows(byOrganisation) };
}
