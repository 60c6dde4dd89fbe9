// Positions counted per paragraph or amendment: how many stakeholders support, can accept, hold
// a reservation, object or abstain. Only delegations and negotiating groups are counted; civil
// society and observers are shown beside them, never in the tally.
import { stances, type Stance } from '@accord/shared';
import type { Position } from '../../api/types.js';

export type StanceCounts = Record<Stance, number>;

export const countsOnly = (): StanceCounts =>
  Object.fromEntries(stances.map((s) => [s, 0])) as StanceCounts;

export const isCounted = (position: Pick<Position, 'stakeholder'>): boolean =>
  position.stakeholder.kind === 'delegation' || position.stakeholder.kind === 'group';

/** Counted positions per target id. */
export function tallyByTarget(positions: readonly Position[]): Map<string, StanceCounts> {
  const map = new Map<string, StanceCounts>();
  for (const position of positions) {
    if (!isCounted(position)) continue;
    const counts = map.get(position.target.id) ?? countsOnly();
    counts[position.stance]++;
    map.set(position.target.id, counts);
  }
  return map;
}

/** Positions on one target, grouped by stance in the glossary's order, counted ones apart. */
export function groupByStance(positions: readonly Position[]) {
  const counted = positions.filter(isCounted);
  const others = positions.filter((p) => !isCounted(p));
  const group = (list: readonly Position[]) =>
    stances
      .map((stance) => ({
        stance,
        positions: list
          .filter((p) => p.stance === stance)
          .sort((a, b) =>
            (a.stakeholder.shortCode ?? '').localeCompare(b.stakeholder.shortCode ?? ''),
          ),
      }))
      .filter((g) => g.positions.length > 0);
  return { counted: group(counted), others: group(others) };
}
