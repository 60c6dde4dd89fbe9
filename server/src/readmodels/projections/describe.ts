// Where an event belongs (negotiation, document, the thing it is about) and a one-line summary in
// the glossary's words, for the activity feed and the live layer's toasts. Summaries name
// stakeholders, people and documents, never e-mail addresses, tokens or hashes.
import type {
  Action,
  AmendmentKind,
  DocumentMode,
  ParagraphStatus,
  Role,
  Stance,
  StakeholderKind,
} from '@accord/shared';
import type { ReadModelChange } from '../projection.js';
import type { ReadModelDb } from '../read-model-db.js';
import {
  amendmentRef,
  documentRef,
  memberStakeholderId,
  roundtableRef,
  stakeholderName,
  userName,
} from './lookups.js';
import { changeOf, type EventContext } from './projection-kit.js';

export interface Description {
  negotiationId: string | undefined;
  documentId?: string;
  /** The amendment, comment, paragraph, stakeholder, member … the event is about. */
  subjectId?: string;
  summary: string;
  /** Worth a line in the activity feed ("since your last visit"). */
  notable: boolean;
}

const MAX_NAME = 80;
const short = (text: string): string =>
  text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
const quoted = (title: string | undefined): string =>
  title === undefined ? 'a document' : `“${short(title)}”`;

const kindWords: Record<StakeholderKind, string> = {
  delegation: 'a delegation',
  group: 'a negotiating group',
  'civil-society': 'civil society',
  observer: 'an observer',
  secretariat: 'the secretariat',
};
const roleWords: Record<Role, string> = {
  chair: 'chair',
  secretariat: 'secretariat',
  delegate: 'delegate',
  'civil-society': 'civil society',
  observer: 'observer',
};
const modeWords: Record<DocumentMode, string> = {
  'open-drafting': 'open drafting',
  formal: 'formal negotiation',
};
const amendmentKindWords: Record<AmendmentKind, string> = {
  insert: 'to insert words',
  delete: 'to delete words',
  replace: 'to replace words',
  'add-paragraph': 'to add a paragraph',
  'delete-paragraph': 'to delete a paragraph',
};
const stanceVerbs: Record<Stance, string> = {
  support: 'supports',
  'can-accept': 'can accept',
  reservation: 'has a reservation on',
  objection: 'objects to',
  abstain: 'abstains on',
};
const statusPhrases: Record<ParagraphStatus, (who: string, doc: string) => string> = {
  open: (who, doc) => `${who} reopened a paragraph of ${doc}`,
  bracketed: (who, doc) => `${who} bracketed a paragraph of ${doc}`,
  'agreed-ad-ref': (who, doc) => `${who} marked a paragraph of ${doc} agreed ad ref`,
};

export function describe(db: ReadModelDb, context: EventContext): Description | undefined {
  const description = describeEvent(db, context);
  // Names may be missing ("a member"), so the sentence is capitalised once it is complete.
  return description && { ...description, summary: capitalise(description.summary) };
}

function describeEvent(db: ReadModelDb, context: EventContext): Description | undefined {
  const { event } = context;
  const person = (userId: string | undefined): string => short(userName(db, userId) ?? 'a member');
  const party = (negotiationId: string | null | undefined, stakeholderId: string | undefined) =>
    short(stakeholderName(db, negotiationId, stakeholderId) ?? 'a stakeholder');
  const onDocument = (documentId: string) => {
    const doc = documentRef(db, documentId);
    return { negotiationId: doc?.negotiationId, documentId, title: quoted(doc?.title) };
  };
  const onAmendment = (amendmentId: string) => {
    const ref = amendmentRef(db, amendmentId);
    const doc = ref ? onDocument(ref.documentId) : undefined;
    const sponsor = party(ref?.negotiationId, ref?.sponsorStakeholderId);
    const label = ref?.chairsCompromise ? 'the chair’s compromise' : `the amendment by ${sponsor}`;
    return {
      negotiationId: ref?.negotiationId ?? undefined,
      ...(ref ? { documentId: ref.documentId } : {}),
      subjectId: amendmentId,
      sponsor,
      label,
      title: doc?.title ?? quoted(undefined),
    };
  };

  switch (event.type) {
    case 'NegotiationOpened': {
      const { negotiationId, title, openedBy } = event.data;
      return {
        negotiationId,
        summary: `${person(openedBy)} opened the negotiation ${quoted(title)}`,
        notable: true,
      };
    }
    case 'StakeholderRegistered': {
      const { negotiationId, stakeholderId, kind, name, shortCode } = event.data;
      return {
        negotiationId,
        subjectId: stakeholderId,
        summary: `${short(name)} (${shortCode}) registered as ${kindWords[kind]}`,
        notable: true,
      };
    }
    case 'ChairsAppointed': {
      const { negotiationId, userIds } = event.data;
      const names = userIds.map(person).join(' and ');
      return {
        negotiationId,
        summary: `${names} appointed ${userIds.length === 1 ? 'chair' : 'co-chairs'}`,
        notable: true,
      };
    }
    case 'MemberInvited': {
      const { negotiationId, invitationId, stakeholderId, role } = event.data;
      return {
        negotiationId,
        subjectId: invitationId,
        summary: `Invitation sent to join ${party(negotiationId, stakeholderId)} as ${roleWords[role]}`,
        notable: false,
      };
    }
    case 'InvitationAccepted': {
      const { negotiationId, invitationId, userId } = event.data;
      return {
        negotiationId,
        subjectId: invitationId,
        summary: `${person(userId)} accepted an invitation`,
        notable: false,
      };
    }
    case 'MemberAdmitted': {
      const { negotiationId, userId, stakeholderId, role } = event.data;
      return {
        negotiationId,
        subjectId: userId,
        summary: `${person(userId)} joined for ${party(negotiationId, stakeholderId)} as ${roleWords[role]}`,
        notable: true,
      };
    }
    case 'MemberRoleChanged': {
      const { negotiationId, userId, from, to } = event.data;
      return {
        negotiationId,
        subjectId: userId,
        summary: `${person(userId)} is now ${roleWords[to]} (was ${roleWords[from]})`,
        // Appointing chairs already says it in one line.
        notable: context.commandType !== 'AppointChairs',
      };
    }
    case 'MemberRevoked': {
      const { negotiationId, userId } = event.data;
      const stakeholderId = memberStakeholderId(db, negotiationId, userId);
      return {
        negotiationId,
        subjectId: userId,
        summary: `${person(userId)} no longer takes part for ${party(negotiationId, stakeholderId)}`,
        notable: true,
      };
    }
    case 'DocumentCreated': {
      const { negotiationId, documentId, title, symbol, mode, createdBy } = event.data;
      return {
        negotiationId,
        documentId,
        subjectId: documentId,
        summary: `${person(createdBy)} created ${short(symbol)} ${quoted(title)} for ${modeWords[mode]}`,
        notable: true,
      };
    }
    case 'DocumentModeChanged': {
      const { documentId, to } = event.data;
      const doc = onDocument(documentId);
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: documentId,
        summary: `${doc.title} is now in ${modeWords[to]}`,
        notable: true,
      };
    }
    case 'ParagraphStatusSet': {
      const { documentId, paragraphId, status, setBy } = event.data;
      const doc = onDocument(documentId);
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: paragraphId,
        summary: statusPhrases[status](person(setBy), doc.title),
        notable: true,
      };
    }
    case 'RevisionIssued': {
      const { documentId, label } = event.data;
      const doc = onDocument(documentId);
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: documentId,
        summary: `${short(label)} of ${doc.title} issued`,
        notable: true,
      };
    }
    case 'DocumentAdopted': {
      const { documentId, revisionLabel } = event.data;
      const doc = onDocument(documentId);
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: documentId,
        summary: `${doc.title} adopted (${short(revisionLabel)})`,
        notable: true,
      };
    }
    case 'AmendmentTabled': {
      const { amendmentId, proposal, chairsCompromise } = event.data;
      const a = onAmendment(amendmentId);
      const summary = chairsCompromise
        ? `The chair put forward a chair’s compromise on ${a.title}`
        : `${a.sponsor} tabled an amendment ${amendmentKindWords[proposal.kind]} in ${a.title}`;
      return { ...located(a), summary, notable: true };
    }
    case 'AmendmentCosponsored': {
      const a = onAmendment(event.data.amendmentId);
      const cosponsor = party(a.negotiationId, event.data.stakeholderId);
      return { ...located(a), summary: `${cosponsor} co-sponsored ${a.label}`, notable: true };
    }
    case 'AmendmentRevised': {
      const a = onAmendment(event.data.amendmentId);
      return { ...located(a), summary: `${a.label} was revised`, notable: true };
    }
    case 'AmendmentWithdrawn': {
      const a = onAmendment(event.data.amendmentId);
      return { ...located(a), summary: `${a.label} was withdrawn`, notable: true };
    }
    case 'AmendmentAccepted': {
      const a = onAmendment(event.data.amendmentId);
      return { ...located(a), summary: `The chair accepted ${a.label}`, notable: true };
    }
    case 'AmendmentRejected': {
      const a = onAmendment(event.data.amendmentId);
      return { ...located(a), summary: `The chair rejected ${a.label}`, notable: true };
    }
    case 'AmendmentMerged': {
      const a = onAmendment(event.data.amendmentId);
      return {
        ...located(a),
        summary: `${a.label} was merged into a chair’s compromise`,
        notable: true,
      };
    }
    case 'PositionStated':
    case 'PositionWithdrawn': {
      const { documentId, target, stakeholderId } = event.data;
      const doc = onDocument(documentId);
      const who = party(doc.negotiationId, stakeholderId);
      const what =
        target.kind === 'paragraph' ? `a paragraph of ${doc.title}` : onAmendment(target.id).label;
      const summary =
        event.type === 'PositionStated'
          ? `${who} ${stanceVerbs[event.data.stance]} ${what}`
          : `${who} withdrew its position on ${what}`;
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: target.id,
        summary,
        notable: true,
      };
    }
    case 'CommentPosted':
    case 'CommentReplied': {
      const { documentId, commentId, authorUserId, authorStakeholderId } = event.data;
      const doc = onDocument(documentId);
      const who = `${person(authorUserId)} (${party(doc.negotiationId, authorStakeholderId)})`;
      const summary =
        event.type === 'CommentPosted'
          ? `${who} commented on a paragraph of ${doc.title}`
          : `${who} replied to a comment on ${doc.title}`;
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: commentId,
        summary,
        notable: true,
      };
    }
    case 'CommentResolved':
    case 'CommentReopened': {
      const { documentId, commentId } = event.data;
      const doc = onDocument(documentId);
      const [by, verb] =
        event.type === 'CommentResolved'
          ? [event.data.resolvedBy, 'resolved']
          : [event.data.reopenedBy, 'reopened'];
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: commentId,
        summary: `${person(by)} ${verb} a comment on ${doc.title}`,
        notable: true,
      };
    }
    case 'RoundtableScheduled': {
      const { negotiationId, roundtableId, theme, coverage, scheduledBy } = event.data;
      return {
        negotiationId,
        documentId: coverage.documentId,
        subjectId: roundtableId,
        summary: `${person(scheduledBy)} scheduled the roundtable ${quoted(theme)}`,
        notable: true,
      };
    }
    case 'RoundtableCoverageChanged':
    case 'RoundtableDraftEdited':
    case 'RoundtableDraftSigned':
    case 'RoundtablePaperIssued':
    case 'RoundtableConcluded': {
      const { roundtableId } = event.data;
      const ref = roundtableRef(db, roundtableId);
      const theme = quoted(ref?.theme);
      const where = {
        negotiationId: ref?.negotiationId,
        ...(ref ? { documentId: ref.documentId } : {}),
        subjectId: roundtableId,
      };
      switch (event.type) {
        case 'RoundtableCoverageChanged':
          return {
            ...where,
            summary: `${person(event.data.changedBy)} changed what the roundtable ${theme} covers`,
            notable: true,
          };
        case 'RoundtableDraftEdited':
          return {
            ...where,
            summary: `${party(ref?.negotiationId, event.data.stakeholderId)} edited the paper of the roundtable ${theme}`,
            notable: false,
          };
        case 'RoundtableDraftSigned':
          return {
            ...where,
            summary: `${party(ref?.negotiationId, event.data.stakeholderId)} signed off the paper of the roundtable ${theme}`,
            notable: true,
          };
        case 'RoundtablePaperIssued':
          return {
            ...where,
            summary: `${person(event.data.issuedBy)} issued version ${event.data.version} of the paper of the roundtable ${theme}`,
            notable: true,
          };
        case 'RoundtableConcluded':
          return {
            ...where,
            summary: `${person(event.data.concludedBy)} concluded the roundtable ${theme}`,
            notable: true,
          };
      }
      break;
    }
    // Accounts and sessions belong to no negotiation and are never described.
    case 'UserRegistered':
    case 'PasswordChanged':
    case 'UserEmailReserved':
    case 'SessionStarted':
    case 'SessionEnded':
      return undefined;
  }
}

function located(a: { negotiationId: string | undefined; documentId?: string; subjectId: string }) {
  return {
    negotiationId: a.negotiationId,
    ...(a.documentId ? { documentId: a.documentId } : {}),
    subjectId: a.subjectId,
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The one change a projection reports for an event it applied, located and summarised. */
export function describedChange(
  db: ReadModelDb,
  context: EventContext,
  kind: string,
  readAction: Action,
): ReadModelChange[] {
  const description = describe(db, context);
  if (!description) return [];
  const { negotiationId, documentId, subjectId, summary } = description;
  return [
    changeOf(context, {
      kind,
      readAction,
      summary,
      ...(negotiationId ? { negotiationId } : {}),
      ...(documentId ? { documentId } : {}),
      ...(subjectId ? { id: subjectId } : {}),
    }),
  ];
}
