// Where a delegation stands on one paragraph or amendment, with its negotiating groups taken into
// account (GLOSSARY: "a member delegation that states no position of its own is taken to share
// its group's position").
//
// THE RULE
// 1. A delegation's own current position is its standing, whatever its groups say.
// 2. A silent delegation takes the stance of its groups that have a position on the target:
//    - if they all hold the same stance, that stance (source 'group', naming every such group);
//    - if they hold different stances, it is 'conflicting-groups': we say so and count it for
//      nothing, because choosing one group over another would put words in its mouth. Stances
//      must be identical to agree: 'support' and 'can-accept' are different things to say.
//    Groups that said nothing are ignored, so one speaking group is enough.
// 3. Otherwise it is silent (no standing).
// Only delegations have standings; groups speak for members and are never counted themselves.
import type { Stance } from '../vocabulary.js';
import type { CurrentPosition, NegotiationRecord, TargetPositions } from './record.js';

export interface GroupVoice {
  groupId: string;
  name: string;
  shortCode: string;
  stance: Stance;
  statement: string;
  statedAt: string;
}

export interface DelegationStanding {
  stakeholderId: string;
  name: string;
  shortCode: string;
  source: 'own' | 'group' | 'conflicting-groups';
  /** Null exactly when its groups disagree. */
  stance: Stance | null;
  /** Its own statement, or the statement of the (first) group it follows; '' when conflicting. */
  statement: string;
  /** The user who stated its own position; null when the standing comes from groups. */
  statedBy: string | null;
  statedAt: string;
  /** The groups it follows (source 'group') or that disagree (source 'conflicting-groups'). */
  groups: GroupVoice[];
}

const groupVoices = (
  negotiation: NegotiationRecord,
  positions: TargetPositions,
  groupIds: readonly string[],
): GroupVoice[] =>
  groupIds.flatMap((groupId) => {
    const group = negotiation.stakeholders[groupId];
    const position = positions[groupId];
    if (!group || group.kind !== 'group' || !position) return [];
    const { stance, statement, statedAt } = position;
    return [{ groupId, name: group.name, shortCode: group.shortCode, stance, statement, statedAt }];
  });

/** The standing of one delegation on a target; undefined when it is silent. */
export function delegationStanding(
  negotiation: NegotiationRecord,
  positions: TargetPositions,
  delegationId: string,
): DelegationStanding | undefined {
  const delegation = negotiation.stakeholders[delegationId];
  if (!delegation || delegation.kind !== 'delegation') return undefined;
  const { stakeholderId, name, shortCode } = delegation;
  const own: CurrentPosition | undefined = positions[delegationId];
  if (own) {
    return {
      stakeholderId,
      name,
      shortCode,
      source: 'own',
      stance: own.stance,
      statement: own.statement,
      statedBy: own.statedBy,
      statedAt: own.statedAt,
      groups: [],
    };
  }
  const voices = groupVoices(negotiation, positions, delegation.groupIds);
  const first = voices[0];
  if (!first) return undefined;
  const latest = voices.reduce((a, b) => (b.statedAt > a.statedAt ? b : a)).statedAt;
  const agree = voices.every((v) => v.stance === first.stance);
  return {
    stakeholderId,
    name,
    shortCode,
    source: agree ? 'group' : 'conflicting-groups',
    stance: agree ? first.stance : null,
    statement: agree ? first.statement : '',
    statedBy: null,
    statedAt: latest,
    groups: voices,
  };
}
