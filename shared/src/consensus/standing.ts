// Where a delegation stands on one paragraph or amendment, with its negotiating groups taken into
// account (GLOSSARY: "a member delegation that states no position of its own is taken to share
// its group's position").
//
// THE RULE
// 1. A delegation's own current position is its standing, whatever its groups say.
// 2. Failing that, a delegation that sponsors or co-sponsors the amendment supports it (source
//    'sponsor'): tabling a proposal is saying yes to it.
// 3. A silent delegation takes the stance of its groups that have a position on the target:
//    - if they all hold the same stance, that stance (source 'group', naming every such group);
//    - if they hold different stances, it is 'conflicting-groups': we say so and count it for
//      nothing, because choosing one group over another would put words in its mouth. Stances
//      must be identical to agree: 'support' and 'can-accept' are different things to say.
//    Groups that said nothing are ignored, so one speaking group is enough; a group that said
//    nothing but sponsors the amendment is heard as supporting it (`sponsor: true`).
// 4. Otherwise it is silent (no standing).
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
  /** True when the group said nothing itself and is heard because it sponsors the amendment. */
  sponsor: boolean;
}

/** Who tabled or co-sponsored the target (an amendment) and when: they count as supporting it. */
export interface Sponsorship {
  stakeholderIds: readonly string[];
  /** When the sponsorship began (the amendment's tabling): the time shown for that support. */
  since: string;
}

export interface DelegationStanding {
  stakeholderId: string;
  name: string;
  shortCode: string;
  source: 'own' | 'sponsor' | 'group' | 'conflicting-groups';
  /** Null exactly when its groups disagree. */
  stance: Stance | null;
  /** Its own statement, or the statement of the (first) group it follows; '' when conflicting. */
  statement: string;
  /** The user who stated its own position; null when it comes from sponsorship or groups. */
  statedBy: string | null;
  statedAt: string;
  /** The groups it follows (source 'group') or that disagree (source 'conflicting-groups'). */
  groups: GroupVoice[];
}

const groupVoices = (
  negotiation: NegotiationRecord,
  positions: TargetPositions,
  groupIds: readonly string[],
  sponsorship: Sponsorship | undefined,
): GroupVoice[] =>
  groupIds.flatMap((groupId): GroupVoice[] => {
    const group = negotiation.stakeholders[groupId];
    if (!group || group.kind !== 'group') return [];
    const { name, shortCode } = group;
    const position = positions[groupId];
    if (position) {
      const { stance, statement, statedAt } = position;
      return [{ groupId, name, shortCode, stance, statement, statedAt, sponsor: false }];
    }
    if (!sponsorship?.stakeholderIds.includes(groupId)) return [];
    const statedAt = sponsorship.since;
    return [
      { groupId, name, shortCode, stance: 'support', statement: '', statedAt, sponsor: true },
    ];
  });

/** The standing of one delegation on a target; undefined when it is silent. */
export function delegationStanding(
  negotiation: NegotiationRecord,
  positions: TargetPositions,
  delegationId: string,
  sponsorship?: Sponsorship,
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
  if (sponsorship?.stakeholderIds.includes(delegationId)) {
    return {
      stakeholderId,
      name,
      shortCode,
      source: 'sponsor',
      stance: 'support',
      statement: '',
      statedBy: null,
      statedAt: sponsorship.since,
      groups: [],
    };
  }
  const voices = groupVoices(negotiation, positions, delegation.groupIds, sponsorship);
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
