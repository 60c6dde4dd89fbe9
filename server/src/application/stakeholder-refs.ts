/**
 * How a view names a stakeholder that a record points at: its name, code and kind as registered
 * in the negotiation, or nulls for one the read models do not know. One lookup per view.
 *
 *   const ref = stakeholderRefs(queries.listStakeholders(negotiationId));
 *   ref(stakeholderId)   // { stakeholderId, name, shortCode, kind }
 */
import type { StakeholderRefView, StakeholderView } from '@accord/shared';

export function stakeholderRefs(
  stakeholders: Iterable<StakeholderView>,
): (stakeholderId: string) => StakeholderRefView {
  const byId = new Map([...stakeholders].map((s) => [s.stakeholderId, s]));
  return (stakeholderId) => {
    const s = byId.get(stakeholderId);
    return {
      stakeholderId,
      name: s?.name ?? null,
      shortCode: s?.shortCode ?? null,
      kind: s?.kind ?? null,
    };
  };
}
