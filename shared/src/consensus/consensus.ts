// The consensus view of one document, read from the folded record: for each paragraph and each
// pending amendment, where every delegation stands, who objects and why, reservations, breadth of
// support, how many delegations have stated a position, and a status that says "consensus" only
// when all of them have; civil society and observers beside it, never counted.
//
//   const view = consensusOf(state, documentId, { paragraphs: textParagraphs });
//   view.paragraphs[0].status; // 'contested'
import { numberParagraphs, type FrozenNumbering, type ParagraphRef } from '../numbering.js';
import type { AmendmentKind, ParagraphKind, ParagraphStatus, Stance } from '../vocabulary.js';
import {
  amendmentIdsOf,
  amendmentOf,
  positionsOnTarget,
  revisionInForce,
  type AmendmentRecord,
  type ConsensusState,
  type NegotiationRecord,
  type TargetPositions,
} from './record.js';
import { delegationStanding, type DelegationStanding, type Sponsorship } from './standing.js';

export type ConsensusStatus =
  | 'agreed-ad-ref'
  | 'consensus'
  | 'no-objection-so-far'
  | 'contested'
  | 'pending-reservations'
  | 'no-positions';

/** The rule in force, returned with every view so a reader never has to guess how it was counted. */
export const consensusRule = {
  name: 'no-objection',
  description:
    'There is no vote: a paragraph or amendment has consensus when every delegation taking ' +
    'part has stated a position (its own, or its negotiating group’s), at least one supports ' +
    'or can accept it, and none objects or holds a reservation. Until every delegation has ' +
    'stated one, the most it can have is no objection so far.',
  counted: ['delegation'],
  notCounted: ['group', 'civil-society', 'observer', 'secretariat'],
  groups:
    'A delegation that states no position takes the stance of its negotiating groups; its own ' +
    'position overrides theirs. If its groups hold different stances it is undecided and counted ' +
    'for none.',
  sponsors:
    'The sponsor and co-sponsors of an amendment support it unless they state otherwise; a ' +
    'sponsoring group speaks for its silent members.',
  statuses: {
    'agreed-ad-ref': 'the chair marked the paragraph agreed ad ref (whatever the positions)',
    contested: 'at least one delegation objects',
    'pending-reservations': 'no objection, but at least one delegation holds a reservation',
    consensus:
      'every delegation has stated a position; at least one supports or can accept, none ' +
      'objects or reserves',
    'no-objection-so-far':
      'at least one delegation supports or can accept and none objects or reserves, but not ' +
      'every delegation has stated a position yet',
    'no-positions':
      'no delegation supports, accepts, reserves or objects (abstentions only, or silence)',
  },
  breadth: 'delegations supporting or accepting ÷ delegations registered in the negotiation',
  participation:
    'delegations with a stance (their own, their sponsorship’s or their groups’) ÷ delegations ' +
    'registered in the negotiation; a delegation whose groups disagree has not stated one',
} as const;

export interface ConsensusTally {
  /** Delegations registered in the negotiation: the denominator of breadth. */
  delegations: number;
  support: number;
  canAccept: number;
  reservation: number;
  objection: number;
  abstain: number;
  /** Delegations whose groups disagree and who said nothing themselves. */
  undecided: number;
  silent: number;
}

export interface Breadth {
  /** Delegations supporting or accepting. */
  supporting: number;
  of: number;
  /** supporting ÷ of, 0 when the negotiation has no delegations. */
  share: number;
}

/** How many of the delegations taking part have a stance on the target. */
export interface Participation {
  /** Delegations whose standing has a stance: own, as sponsor, or from agreeing groups. */
  stated: number;
  /** Delegations registered in the negotiation. */
  expected: number;
}

export interface GroupStatement {
  groupId: string;
  name: string;
  shortCode: string;
  stance: Stance;
  statement: string;
  statedAt: string;
  /** Delegations registered as members of the group. */
  members: number;
  /** True when the group said nothing itself and is heard because it sponsors the amendment. */
  sponsor: boolean;
}

/** A position that is shown and never counted: civil society, observers, secretariat. */
export interface UncountedStatement {
  stakeholderId: string;
  kind: string;
  name: string;
  shortCode: string;
  stance: Stance;
  statement: string;
  statedAt: string;
}

export interface TargetConsensus {
  status: ConsensusStatus;
  tally: ConsensusTally;
  breadth: Breadth;
  participation: Participation;
  /** Every delegation that is not silent, in registration order. */
  delegations: DelegationStanding[];
  objectors: DelegationStanding[];
  reservations: DelegationStanding[];
  undecided: DelegationStanding[];
  groups: GroupStatement[];
  notCounted: UncountedStatement[];
}

export interface ParagraphConsensus extends TargetConsensus {
  paragraphId: string;
  /** "OP 3 (b)" when the caller gave the text's paragraphs; null otherwise or for headings. */
  label: string | null;
  kind: ParagraphKind | null;
  chairStatus: ParagraphStatus;
  chairStatusReason: string;
  pendingAmendmentIds: string[];
}

export interface AmendmentConsensus extends TargetConsensus {
  amendmentId: string;
  paragraphId: string;
  paragraphLabel: string | null;
  kind: AmendmentKind;
  originalText: string;
  proposedText: string;
  sponsorStakeholderId: string;
  cosponsorStakeholderIds: readonly string[];
  chairsCompromise: boolean;
  revision: number;
  tabledAt: string;
  /** For a sub-amendment: the amendment it amends, decided after it. */
  parentAmendmentId?: string | null;
}

export interface ConsensusSummary {
  paragraphs: number;
  agreed: number;
  contested: number;
  /** Neither agreed ad ref nor contested. */
  open: number;
  byStatus: Record<ConsensusStatus, number>;
  pendingAmendments: number;
  contestedAmendments: number;
}

export interface DocumentConsensus {
  documentId: string;
  negotiationId: string;
  title: string;
  symbol: string;
  adopted: boolean;
  revisionInForce: string | null;
  rule: typeof consensusRule;
  summary: ConsensusSummary;
  paragraphs: ParagraphConsensus[];
  amendments: AmendmentConsensus[];
}

export interface ConsensusOptions {
  /**
   * The text's paragraphs in document order (from the Y.Doc, or a frame). Without them the view
   * lists the paragraphs the record mentions, unnumbered, and cannot show silent ones.
   */
  paragraphs?: readonly ParagraphRef[];
  /** The numbers of the last issued revision, so labels read "OP 5 bis" until renumbered. */
  frozenNumbering?: FrozenNumbering;
}

const COUNTED_STANCES: Record<Stance, keyof ConsensusTally> = {
  support: 'support',
  'can-accept': 'canAccept',
  reservation: 'reservation',
  objection: 'objection',
  abstain: 'abstain',
};

function statusOf(
  tally: ConsensusTally,
  participation: Participation,
): Exclude<ConsensusStatus, 'agreed-ad-ref'> {
  if (tally.objection > 0) return 'contested';
  if (tally.reservation > 0) return 'pending-reservations';
  if (tally.support + tally.canAccept === 0) return 'no-positions';
  // Silence is not agreement: a delegation that has not spoken may still object.
  return participation.stated === participation.expected ? 'consensus' : 'no-objection-so-far';
}

/**
 * Consensus on one target among the negotiation's delegations; `sponsorship` names those who
 * support it by having tabled or co-sponsored it (amendments).
 */
export function targetConsensus(
  negotiation: NegotiationRecord,
  positions: TargetPositions,
  sponsorship?: Sponsorship,
): TargetConsensus {
  const tally: ConsensusTally = {
    delegations: 0,
    support: 0,
    canAccept: 0,
    reservation: 0,
    objection: 0,
    abstain: 0,
    undecided: 0,
    silent: 0,
  };
  const delegations: DelegationStanding[] = [];
  const groups: GroupStatement[] = [];
  const notCounted: UncountedStatement[] = [];
  const members = new Map<string, number>();
  for (const id of negotiation.stakeholderOrder) {
    const stakeholder = negotiation.stakeholders[id];
    if (stakeholder?.kind !== 'delegation') continue;
    for (const groupId of stakeholder.groupIds)
      members.set(groupId, (members.get(groupId) ?? 0) + 1);
  }
  for (const id of negotiation.stakeholderOrder) {
    const stakeholder = negotiation.stakeholders[id];
    if (!stakeholder) continue;
    const own = positions[id];
    if (stakeholder.kind === 'delegation') {
      tally.delegations += 1;
      const standing = delegationStanding(negotiation, positions, id, sponsorship);
      if (!standing) tally.silent += 1;
      else {
        delegations.push(standing);
        if (standing.stance === null) tally.undecided += 1;
        else tally[COUNTED_STANCES[standing.stance]] += 1;
      }
    } else if (stakeholder.kind === 'group') {
      const sponsor = !own && sponsorship?.stakeholderIds.includes(id) === true;
      if (!own && !sponsor) continue;
      const { name, shortCode } = stakeholder;
      groups.push({
        groupId: id,
        name,
        shortCode,
        stance: own?.stance ?? 'support',
        statement: own?.statement ?? '',
        statedAt: own?.statedAt ?? sponsorship?.since ?? '',
        members: members.get(id) ?? 0,
        sponsor,
      });
    } else if (own) {
      const { stance, statement, statedAt } = own;
      const { kind, name, shortCode } = stakeholder;
      notCounted.push({ stakeholderId: id, kind, name, shortCode, stance, statement, statedAt });
    }
  }
  // Positions by stakeholders the record does not know (registered in a part of the log this
  // reader did not fold) are shown, never counted.
  for (const [stakeholderId, position] of Object.entries(positions)) {
    if (negotiation.stakeholders[stakeholderId]) continue;
    const { stance, statement, statedAt } = position;
    notCounted.push({
      stakeholderId,
      kind: 'unknown',
      name: '',
      shortCode: '',
      stance,
      statement,
      statedAt,
    });
  }
  const supporting = tally.support + tally.canAccept;
  const participation: Participation = {
    stated: tally.delegations - tally.silent - tally.undecided,
    expected: tally.delegations,
  };
  return {
    status: statusOf(tally, participation),
    tally,
    participation,
    breadth: {
      supporting,
      of: tally.delegations,
      share: tally.delegations === 0 ? 0 : supporting / tally.delegations,
    },
    delegations,
    objectors: delegations.filter((d) => d.stance === 'objection'),
    reservations: delegations.filter((d) => d.stance === 'reservation'),
    undecided: delegations.filter((d) => d.stance === null),
    groups,
    notCounted,
  };
}

/** The document's amendments (every status), in the order tabled. */
export function amendmentsOf(state: ConsensusState, documentId: string): AmendmentRecord[] {
  const document = state.documents[documentId];
  return (document ? amendmentIdsOf(document) : []).flatMap((id) => {
    const amendment = amendmentOf(state, id);
    return amendment ? [amendment] : [];
  });
}

export function consensusOf(
  state: ConsensusState,
  documentId: string,
  options: ConsensusOptions = {},
): DocumentConsensus | undefined {
  const document = state.documents[documentId];
  const negotiation = document && state.negotiations[document.negotiationId];
  if (!document || !negotiation) return undefined;

  const numbered: { id: string; kind: ParagraphKind | null; label: string | null }[] =
    options.paragraphs
      ? numberParagraphs(options.paragraphs, options.frozenNumbering)
      : document.mentionedParagraphIds.map((id) => ({ id, kind: null, label: null }));
  const labels = new Map(numbered.map((p) => [p.id, p.label]));
  const pending = amendmentsOf(state, documentId).filter((a) => a.status === 'pending');

  const paragraphs: ParagraphConsensus[] = numbered.map(({ id, kind, label }) => {
    const chair = document.paragraphStatuses[id];
    const consensus = targetConsensus(
      negotiation,
      positionsOnTarget(document, { kind: 'paragraph', id }),
    );
    const chairStatus = chair?.status ?? 'open';
    return {
      paragraphId: id,
      label,
      kind,
      chairStatus,
      chairStatusReason: chair?.reason ?? '',
      ...consensus,
      status: chairStatus === 'agreed-ad-ref' ? 'agreed-ad-ref' : consensus.status,
      pendingAmendmentIds: pending.filter((a) => a.paragraphId === id).map((a) => a.amendmentId),
    };
  });

  const amendments: AmendmentConsensus[] = pending.map((a) => ({
    amendmentId: a.amendmentId,
    paragraphId: a.paragraphId,
    paragraphLabel: labels.get(a.paragraphId) ?? null,
    kind: a.proposal.kind,
    originalText: a.proposal.originalText,
    proposedText: a.proposal.proposedText,
    sponsorStakeholderId: a.sponsorStakeholderId,
    cosponsorStakeholderIds: a.cosponsorStakeholderIds,
    chairsCompromise: a.chairsCompromise,
    revision: a.revision,
    tabledAt: a.tabledAt,
    ...targetConsensus(
      negotiation,
      positionsOnTarget(document, { kind: 'amendment', id: a.amendmentId }),
      { stakeholderIds: sponsorsOf(a), since: a.tabledAt },
    ),
    parentAmendmentId: a.parentAmendmentId ?? null,
  }));

  const byStatus: Record<ConsensusStatus, number> = {
    'agreed-ad-ref': 0,
    consensus: 0,
    'no-objection-so-far': 0,
    contested: 0,
    'pending-reservations': 0,
    'no-positions': 0,
  };
  for (const p of paragraphs) byStatus[p.status] += 1;
  return {
    documentId,
    negotiationId: document.negotiationId,
    title: document.title,
    symbol: document.symbol,
    adopted: document.adopted !== null,
    revisionInForce: revisionInForce(document)?.label ?? null,
    rule: consensusRule,
    summary: {
      paragraphs: paragraphs.length,
      agreed: byStatus['agreed-ad-ref'],
      contested: byStatus.contested,
      open: paragraphs.length - byStatus['agreed-ad-ref'] - byStatus.contested,
      byStatus,
      pendingAmendments: amendments.length,
      contestedAmendments: amendments.filter((a) => a.status === 'contested').length,
    },
    paragraphs,
    amendments,
  };
}

/**
 * The delegations heard as supporting an amendment by sponsoring it. A chair's compromise is the
 * chair's, not their delegation's: that delegation supports it only by saying so.
 */
const sponsorsOf = (a: AmendmentRecord): string[] =>
  a.chairsCompromise
    ? [...a.cosponsorStakeholderIds]
    : [a.sponsorStakeholderId, ...a.cosponsorStakeholderIds];
