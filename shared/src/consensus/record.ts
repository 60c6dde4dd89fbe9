// The negotiation record as one pure fold over the domain events (negotiation-, document-,
// amendment- and positions- streams in log order): who the stakeholders are, each document's
// statuses and revisions, its amendments, the current positions and every change to them. The
// server and the browser fold the same events with it; consensus, history, milestones and
// coalitions are read from the folded state.
//
//   let state = initialConsensusState();
//   for (const e of recorded) state = evolveConsensus(state, parseStoredEvent(e), envelopeOf(e));
//   consensusOf(state, documentId, { paragraphs });
//
// Plain records and structural sharing: each evolve copies only the branch it changes, so a
// state taken at any point stays valid and cheap to keep (time travel keeps several).
import type { AccordEvent } from '../events.js';
import { append, emptyList } from './appended-list.js';
import { emptyKeyedMap, keyedGet, keyedSet } from './keyed-map.js';
import { revisionInForce, targetKey } from './record-readers.js';
import type {
  AmendmentRecord,
  AmendmentRecordStatus,
  ConsensusState,
  CurrentPosition,
  DocumentRecord,
  Milestone,
  NegotiationRecord,
  PositionChange,
  RecordEnvelope,
  RecordRevision,
  RecordStakeholder,
} from './record-types.js';

export type * from './record-types.js';
export { recordFrozenNumbering } from './record-types.js';
export * from './record-readers.js';

const mention = (document: DocumentRecord, paragraphId: string): DocumentRecord =>
  document.mentionedParagraphIds.includes(paragraphId)
    ? document
    : { ...document, mentionedParagraphIds: [...document.mentionedParagraphIds, paragraphId] };

export function evolveConsensus(
  state: ConsensusState,
  event: AccordEvent,
  envelope: RecordEnvelope = {},
): ConsensusState {
  const next = evolveRecord(state, event, envelope);
  return { ...next, eventCount: state.eventCount + 1 };
}

// Events of other streams (accounts, sessions, comments) pass through unchanged; an event that
// names something the record has not seen (a reader that started mid-log) is ignored rather than
// guessed at.
function evolveRecord(
  state: ConsensusState,
  event: AccordEvent,
  envelope: RecordEnvelope,
): ConsensusState {
  const { position } = envelope;
  const withDocument = (documentId: string, change: (d: DocumentRecord) => DocumentRecord) => {
    const document = state.documents[documentId];
    if (!document) return state;
    return { ...state, documents: { ...state.documents, [documentId]: change(document) } };
  };
  const withAmendment = (
    amendmentId: string,
    change: (a: AmendmentRecord) => AmendmentRecord,
  ): ConsensusState => {
    const amendment = keyedGet(state.amendments, amendmentId);
    if (!amendment) return state;
    return { ...state, amendments: keyedSet(state.amendments, amendmentId, change(amendment)) };
  };
  const addMilestone = (
    base: ConsensusState,
    documentId: string,
    milestone: Omit<Milestone, 'documentId' | 'position'>,
  ): ConsensusState => {
    const negotiationId = base.documents[documentId]?.negotiationId;
    const negotiation = negotiationId === undefined ? undefined : base.negotiations[negotiationId];
    if (!negotiation) return base;
    const full: Milestone = { ...milestone, documentId, position };
    const changed = { ...negotiation, milestones: append(negotiation.milestones, full) };
    return {
      ...base,
      negotiations: { ...base.negotiations, [negotiation.negotiationId]: changed },
    };
  };
  const decided = (
    amendmentId: string,
    status: AmendmentRecordStatus,
    at: string,
    extra: Partial<Pick<AmendmentRecord, 'reason' | 'intoAmendmentId'>> = {},
  ) =>
    withAmendment(amendmentId, (a) =>
      a.status === 'pending' ? { ...a, status, decidedAt: envelope.occurredAt ?? at, ...extra } : a,
    );

  switch (event.type) {
    case 'NegotiationOpened': {
      const { negotiationId, title } = event.data;
      if (state.negotiations[negotiationId]) return state;
      const negotiation: NegotiationRecord = {
        negotiationId,
        title,
        stakeholders: {},
        stakeholderOrder: [],
        documentIds: [],
        milestones: emptyList(),
      };
      return { ...state, negotiations: { ...state.negotiations, [negotiationId]: negotiation } };
    }
    case 'StakeholderRegistered': {
      const { negotiationId, stakeholderId, kind, name, shortCode, groupIds } = event.data;
      const negotiation = state.negotiations[negotiationId];
      if (!negotiation) return state;
      const stakeholder: RecordStakeholder = { stakeholderId, kind, name, shortCode, groupIds };
      const changed: NegotiationRecord = {
        ...negotiation,
        stakeholders: { ...negotiation.stakeholders, [stakeholderId]: stakeholder },
        stakeholderOrder: negotiation.stakeholders[stakeholderId]
          ? negotiation.stakeholderOrder
          : [...negotiation.stakeholderOrder, stakeholderId],
      };
      return { ...state, negotiations: { ...state.negotiations, [negotiationId]: changed } };
    }
    case 'DocumentCreated': {
      const { documentId, negotiationId, title, symbol, mode, createdBy, createdAt } = event.data;
      const negotiation = state.negotiations[negotiationId];
      if (!negotiation || state.documents[documentId]) return state;
      const document: DocumentRecord = {
        documentId,
        negotiationId,
        title,
        symbol,
        mode,
        createdAt: envelope.occurredAt ?? createdAt,
        createdPosition: position,
        adopted: null,
        paragraphStatuses: {},
        revisions: [],
        amendmentIds: emptyList(),
        mentionedParagraphIds: [],
        positions: emptyKeyedMap(),
        positionChanges: emptyList(),
      };
      const withDoc: ConsensusState = {
        ...state,
        documents: { ...state.documents, [documentId]: document },
        negotiations: {
          ...state.negotiations,
          [negotiationId]: {
            ...negotiation,
            documentIds: [...negotiation.documentIds, documentId],
          },
        },
      };
      return addMilestone(withDoc, documentId, {
        kind: 'document-created',
        at: document.createdAt,
        userId: createdBy,
        label: symbol,
      });
    }
    case 'DocumentModeChanged':
      return withDocument(event.data.documentId, (d) => ({ ...d, mode: event.data.to }));
    case 'ParagraphStatusSet': {
      const { documentId, paragraphId, status, reason, setBy, setAt } = event.data;
      const at = envelope.occurredAt ?? setAt;
      const next = withDocument(documentId, (d) =>
        mention(
          {
            ...d,
            paragraphStatuses: {
              ...d.paragraphStatuses,
              [paragraphId]: { status, reason, setBy, setAt: at },
            },
          },
          paragraphId,
        ),
      );
      if (next === state || status !== 'agreed-ad-ref') return next;
      return addMilestone(next, documentId, {
        kind: 'paragraph-agreed-ad-ref',
        at,
        userId: setBy,
        paragraphId,
      });
    }
    case 'RevisionIssued': {
      const { documentId, label, textRevision, sequence, issuedBy, issuedAt, numbering } =
        event.data;
      const at = envelope.occurredAt ?? issuedAt;
      const revision: RecordRevision = {
        label,
        textRevision,
        sequence,
        issuedAt: at,
        position,
        numbering,
      };
      const next = withDocument(documentId, (d) => ({
        ...d,
        revisions: [...d.revisions, revision],
      }));
      if (next === state) return next;
      return addMilestone(next, documentId, {
        kind: 'revision-issued',
        at,
        userId: issuedBy,
        label,
      });
    }
    case 'DocumentAdopted': {
      const { documentId, revisionLabel, textRevision, adoptedBy, adoptedAt } = event.data;
      const at = envelope.occurredAt ?? adoptedAt;
      const next = withDocument(documentId, (d) => ({
        ...d,
        adopted: { revisionLabel, textRevision, adoptedAt: at },
      }));
      if (next === state) return next;
      return addMilestone(next, documentId, {
        kind: 'document-adopted',
        at,
        userId: adoptedBy,
        label: revisionLabel,
      });
    }
    case 'AmendmentTabled': {
      const { amendmentId, documentId, paragraphId, proposal, rationale } = event.data;
      const { sponsorStakeholderId, chairsCompromise, tabledAt } = event.data;
      const document = state.documents[documentId];
      if (keyedGet(state.amendments, amendmentId) || !document) return state;
      const amendment: AmendmentRecord = {
        amendmentId,
        documentId,
        paragraphId,
        status: 'pending',
        proposal,
        rationale,
        sponsorStakeholderId,
        cosponsorStakeholderIds: [],
        chairsCompromise,
        revision: 1,
        tabledAt: envelope.occurredAt ?? tabledAt,
        decidedAt: null,
        reason: null,
        intoAmendmentId: null,
        parentAmendmentId: event.data.parentAmendmentId ?? null,
      };
      return {
        ...state,
        amendments: keyedSet(state.amendments, amendmentId, amendment),
        documents: {
          ...state.documents,
          [documentId]: mention(
            { ...document, amendmentIds: append(document.amendmentIds, amendmentId) },
            paragraphId,
          ),
        },
      };
    }
    case 'AmendmentCosponsored':
      return withAmendment(event.data.amendmentId, (a) =>
        a.cosponsorStakeholderIds.includes(event.data.stakeholderId)
          ? a
          : {
              ...a,
              cosponsorStakeholderIds: [...a.cosponsorStakeholderIds, event.data.stakeholderId],
            },
      );
    case 'AmendmentRevised': {
      const { proposal, rationale, revision } = event.data;
      return withAmendment(event.data.amendmentId, (a) => ({
        ...a,
        proposal,
        rationale,
        revision,
      }));
    }
    case 'AmendmentWithdrawn':
      return decided(event.data.amendmentId, 'withdrawn', event.data.withdrawnAt, {
        reason: event.data.reason,
      });
    case 'AmendmentRejected':
      return decided(event.data.amendmentId, 'rejected', event.data.decidedAt, {
        reason: event.data.reason,
      });
    case 'AmendmentMerged':
      return decided(event.data.amendmentId, 'merged', event.data.decidedAt, {
        intoAmendmentId: event.data.intoAmendmentId,
      });
    case 'AmendmentRestored':
      // The chair undid the decision: pending again, as before it.
      return withAmendment(event.data.amendmentId, (a) =>
        a.status === 'rejected' || a.status === 'merged'
          ? { ...a, status: 'pending', decidedAt: null, reason: null, intoAmendmentId: null }
          : a,
      );
    case 'AmendmentAccepted': {
      const { amendmentId, decidedBy, decidedAt } = event.data;
      const next = decided(amendmentId, 'accepted', decidedAt);
      const amendment = keyedGet(next.amendments, amendmentId);
      if (next === state || !amendment) return next;
      return addMilestone(next, amendment.documentId, {
        kind: 'amendment-accepted',
        at: envelope.occurredAt ?? decidedAt,
        userId: decidedBy,
        amendmentId,
        paragraphId: amendment.paragraphId,
        stakeholderId: amendment.sponsorStakeholderId,
      });
    }
    case 'PositionStated': {
      const { documentId, target, stakeholderId, stance, statement, statedBy, statedAt } =
        event.data;
      const at = envelope.occurredAt ?? statedAt;
      return withDocument(documentId, (d) => {
        const key = targetKey(target);
        const onTarget = keyedGet(d.positions, key) ?? {};
        const current: CurrentPosition = {
          target,
          stakeholderId,
          stance,
          statement,
          statedBy,
          statedAt: at,
        };
        const change: PositionChange = {
          target,
          stakeholderId,
          action: 'stated',
          stance,
          statement,
          previousStance: onTarget[stakeholderId]?.stance ?? null,
          userId: statedBy,
          at,
          position,
          revisionLabel: revisionInForce(d)?.label ?? null,
        };
        const changed: DocumentRecord = {
          ...d,
          positions: keyedSet(d.positions, key, { ...onTarget, [stakeholderId]: current }),
          positionChanges: append(d.positionChanges, change),
        };
        return target.kind === 'paragraph' ? mention(changed, target.id) : changed;
      });
    }
    case 'PositionWithdrawn': {
      const { documentId, target, stakeholderId, withdrawnBy, withdrawnAt } = event.data;
      return withDocument(documentId, (d) => {
        const key = targetKey(target);
        const { [stakeholderId]: withdrawn, ...rest } = keyedGet(d.positions, key) ?? {};
        // Withdrawing what was never stated changes nothing worth recording.
        if (!withdrawn) return d;
        const change: PositionChange = {
          target,
          stakeholderId,
          action: 'withdrawn',
          stance: null,
          statement: null,
          previousStance: withdrawn.stance,
          userId: withdrawnBy,
          at: envelope.occurredAt ?? withdrawnAt,
          position,
          revisionLabel: revisionInForce(d)?.label ?? null,
        };
        return {
          ...d,
          positions: keyedSet(d.positions, key, rest),
          positionChanges: append(d.positionChanges, change),
        };
      });
    }
    // Listed rather than defaulted, so a new event type is a decision and not an accident.
    case 'ChairsAppointed':
    case 'MemberInvited':
    case 'InvitationAccepted':
    case 'MemberAdmitted':
    case 'MemberRoleChanged':
    case 'MemberRevoked':
    case 'CommentPosted':
    case 'CommentReplied':
    case 'CommentResolved':
    case 'CommentReopened':
    case 'RoundtableScheduled':
    case 'RoundtableCoverageChanged':
    case 'RoundtableDraftEdited':
    case 'RoundtableDraftSigned':
    case 'RoundtablePaperIssued':
    case 'RoundtableConcluded':
    case 'UserRegistered':
    case 'PasswordChanged':
    case 'UserEmailReserved':
    case 'SessionStarted':
    case 'SessionEnded':
    // Deadlines and silence procedures (process/): their outcome reaches the record as the
    // document's own adoption or gavels.
    // falls through
    case 'DeadlineSet':
    case 'DeadlineCleared':
    case 'SilenceStarted':
    case 'SilenceBroken':
    case 'SilenceEnded':
    case 'SilenceOutcomeRecorded':
    // Translations (language-versions/) follow the text; they state no position.
    // falls through
    case 'ParagraphTranslated':
    // Private drafts are their owner's alone (private-drafts/): the record never holds them; a
    // tabled draft reaches it as the amendment it became.
    // falls through
    case 'PrivateDraftStarted':
    case 'PrivateDraftEdited':
    case 'PrivateDraftCommented':
    case 'PrivateDraftTabled':
    case 'PrivateDraftDiscarded':
    // Sessions and segments (segments/) decide who reads the record, not what it says.
    // falls through
    case 'SessionScheduled':
    case 'SegmentOpened':
    case 'SegmentClosed':
    case 'SegmentReleased':
    // A request for positions and a user's notification settings are notices, not the record.
    // falls through
    case 'PositionRequested':
    case 'NotificationPreferencesSet':
    case 'NotificationsMarkedRead':
    case 'NotificationEmailClaimed':
    case 'NotificationDigestClaimed':
    // The agreed-language library and citations of its passages: precedent, not positions.
    // falls through
    case 'LibraryTextAdded':
    case 'LibraryTextWithdrawn':
    case 'AgreedLanguageCited':
    // Consultations gather views on a revision; they are inputs, never positions.
    // falls through
    case 'ConsultationOpened':
    case 'ConsultationAnswered':
    case 'ConsultationClosed':
    // Recommendations and their uptake (recommendations/): inputs to the text, not positions; a
    // recommendation reaches the record as the amendment that took it up.
    // falls through
    case 'RecommendationSubmitted':
    case 'RecommendationEndorsed':
    case 'RecommendationEndorsementWithdrawn':
    case 'RecommendationWithdrawn':
    case 'RecommendationTakenUp':
    // Action pledges follow an adopted text; the record of its negotiation is closed.
    // falls through
    case 'PledgeRegistered':
    case 'PledgeRevised':
    case 'PledgeProgressReported':
    case 'PledgeWithdrawn':
    // A person's interface language is theirs alone.
    // falls through
    case 'UserLanguageChosen':
    // Brackets and options live in the document's own state (document/state.ts): they change
    // no position, so the record passes them by.
    // falls through
    case 'BracketPlaced':
    case 'BracketRemoved':
    case 'BracketedWordsDeleted':
    case 'OptionSetOpened':
    case 'OptionAdded':
    case 'OptionPlaced':
    case 'OptionChosen':
      return state;
  }
}
