/**
 * A document's positions as a reader behind a horizon may see them, folded from the read model's
 * history of statements and withdrawals (every entry carries its log position): the history up
 * to the horizon, and the position each stakeholder held on each target then.
 */
import type { PositionHistoryView, PositionView } from '@accord/shared';

export const historyAtHorizon = (
  history: readonly PositionHistoryView[],
  horizon: bigint,
): PositionHistoryView[] => history.filter((entry) => BigInt(entry.position) <= horizon);

/** The last statement of each stakeholder on each target at the horizon, unless withdrawn. */
export function positionsAtHorizon(
  history: readonly PositionHistoryView[],
  horizon: bigint,
): PositionView[] {
  const held = new Map<string, PositionView | null>();
  for (const entry of historyAtHorizon(history, horizon)) {
    const key = `${entry.target.kind}:${entry.target.id}:${entry.stakeholderId}`;
    held.set(
      key,
      entry.action === 'withdrawn' || entry.stance === null
        ? null
        : {
            documentId: entry.documentId,
            target: entry.target,
            stakeholderId: entry.stakeholderId,
            stakeholder: entry.stakeholder,
            stance: entry.stance,
            statement: entry.statement ?? '',
            statedBy: entry.userId,
            statedAt: entry.at,
          },
    );
  }
  return [...held.values()].filter((p): p is PositionView => p !== null);
}
