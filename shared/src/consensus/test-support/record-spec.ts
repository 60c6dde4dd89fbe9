// Given/when/then for the record fold, with readable event builders. Every state is deep-frozen
// before the next event is folded into it, so a test also proves that evolveConsensus is pure.
//
//   given(opened, delegation(ALD)).when(stated(paragraph(P1), ALD, 'objection'))
//     .then((state) => expect(consensusOf(state, DOC)!.paragraphs[0]!.status).toBe('contested'));
import type { AccordEvent } from '../../events.js';
import type { Proposal } from '../../amendment/proposal.js';
import type { PositionTarget } from '../../positions/state.js';
import { uuid } from '../../test-support/fixtures.js';
import type { ParagraphStatus, Stance } from '../../vocabulary.js';
import {
  evolveConsensus,
  initialConsensusState,
  type ConsensusState,
  type RecordEnvelope,
} from '../record.js';

export const NEGOTIATION = uuid(1);
export const DOC = uuid(2);
export const CHAIR_USER = uuid(100);
export const T0 = '2026-03-02T09:00:00.000Z';

/** Minutes after T0, as an ISO instant. */
export const minute = (n: number): string => new Date(Date.parse(T0) + n * 60_000).toISOString();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface Envelope extends RecordEnvelope {
  event: AccordEvent;
}

const asEnvelope = (e: AccordEvent | Envelope): Envelope => ('event' in e ? e : { event: e });

/** An event with its log position (and time), as a reader of `$all` would pass it. */
export const at = (position: number, event: AccordEvent, occurredAt?: string): Envelope => ({
  event,
  position: String(position),
  ...(occurredAt ? { occurredAt } : {}),
});

export function fold(events: readonly (AccordEvent | Envelope)[]): ConsensusState {
  let state = deepFreeze(initialConsensusState());
  for (const item of events) {
    const { event, ...envelope } = asEnvelope(item);
    state = deepFreeze(evolveConsensus(state, event, envelope));
  }
  return state;
}

export const given = (...history: (AccordEvent | Envelope)[]) => ({
  when: (...events: (AccordEvent | Envelope)[]) => ({
    then: (check: (state: ConsensusState) => void) => check(fold([...history, ...events])),
  }),
});

export const opened = (): AccordEvent => ({
  type: 'NegotiationOpened',
  data: {
    negotiationId: NEGOTIATION,
    title: 'Heat compact',
    description: '',
    openedBy: CHAIR_USER,
    openedAt: T0,
  },
});

const registered = (
  stakeholderId: string,
  kind: 'delegation' | 'group' | 'civil-society' | 'observer' | 'secretariat',
  name: string,
  groupIds: string[] = [],
): AccordEvent => ({
  type: 'StakeholderRegistered',
  data: {
    negotiationId: NEGOTIATION,
    stakeholderId,
    kind,
    name,
    shortCode: name.slice(0, 3).toUpperCase(),
    groupIds,
    registeredAt: T0,
  },
});

export const delegation = (id: string, name: string, groupIds: string[] = []) =>
  registered(id, 'delegation', name, groupIds);
export const group = (id: string, name: string) => registered(id, 'group', name);
export const civilSociety = (id: string, name: string) => registered(id, 'civil-society', name);
export const observer = (id: string, name: string) => registered(id, 'observer', name);

export const documentCreated = (): AccordEvent => ({
  type: 'DocumentCreated',
  data: {
    documentId: DOC,
    negotiationId: NEGOTIATION,
    title: 'Zero draft',
    symbol: 'A/HEAT/1',
    mode: 'open-drafting',
    createdBy: CHAIR_USER,
    createdAt: T0,
  },
});

export const paragraph = (id: string): PositionTarget => ({ kind: 'paragraph', id });
export const amendment = (id: string): PositionTarget => ({ kind: 'amendment', id });

export const stated = (
  target: PositionTarget,
  stakeholderId: string,
  stance: Stance,
  statement = '',
  statedAt = T0,
  statedBy = uuid(500),
): AccordEvent => ({
  type: 'PositionStated',
  data: { documentId: DOC, target, stakeholderId, stance, statement, statedBy, statedAt },
});

export const withdrawn = (
  target: PositionTarget,
  stakeholderId: string,
  withdrawnAt = T0,
): AccordEvent => ({
  type: 'PositionWithdrawn',
  data: { documentId: DOC, target, stakeholderId, withdrawnBy: uuid(500), withdrawnAt },
});

export const statusSet = (
  paragraphId: string,
  status: ParagraphStatus,
  previousStatus: ParagraphStatus = 'open',
): AccordEvent => ({
  type: 'ParagraphStatusSet',
  data: {
    documentId: DOC,
    paragraphId,
    status,
    previousStatus,
    reason: 'gavelled',
    setBy: CHAIR_USER,
    setAt: T0,
  },
});

export const revisionIssued = (
  label: string,
  textRevision: string,
  sequence: number,
  issuedAt = T0,
): AccordEvent => ({
  type: 'RevisionIssued',
  data: {
    documentId: DOC,
    label,
    textRevision,
    sequence,
    issuedBy: CHAIR_USER,
    issuedAt,
    numbering: [],
    renumbered: true,
  },
});

export const adopted = (revisionLabel: string, textRevision: string): AccordEvent => ({
  type: 'DocumentAdopted',
  data: { documentId: DOC, revisionLabel, textRevision, adoptedBy: CHAIR_USER, adoptedAt: T0 },
});

const replace: Proposal = {
  kind: 'replace',
  anchor: { start: 'AQID', end: 'BAUG' },
  originalText: 'shall',
  proposedText: 'should',
};

export const tabled = (
  amendmentId: string,
  paragraphId: string,
  sponsorStakeholderId: string,
): AccordEvent => ({
  type: 'AmendmentTabled',
  data: {
    amendmentId,
    documentId: DOC,
    paragraphId,
    proposal: replace,
    rationale: 'softer',
    sponsorStakeholderId,
    chairsCompromise: false,
    tabledBy: uuid(500),
    tabledAt: T0,
  },
});

export const amendmentWithdrawn = (amendmentId: string): AccordEvent => ({
  type: 'AmendmentWithdrawn',
  data: { amendmentId, reason: 'no longer needed', withdrawnBy: uuid(500), withdrawnAt: T0 },
});
export const amendmentAccepted = (amendmentId: string): AccordEvent => ({
  type: 'AmendmentAccepted',
  data: { amendmentId, decidedBy: CHAIR_USER, decidedAt: T0 },
});
export const amendmentRejected = (amendmentId: string): AccordEvent => ({
  type: 'AmendmentRejected',
  data: { amendmentId, reason: 'no support', decidedBy: CHAIR_USER, decidedAt: T0 },
});
export const amendmentMerged = (amendmentId: string, intoAmendmentId: string): AccordEvent => ({
  type: 'AmendmentMerged',
  data: { amendmentId, intoAmendmentId, decidedBy: CHAIR_USER, decidedAt: T0 },
});
export const cosponsored = (amendmentId: string, stakeholderId: string): AccordEvent => ({
  type: 'AmendmentCosponsored',
  data: { amendmentId, stakeholderId, cosponsoredBy: uuid(501), cosponsoredAt: T0 },
});
