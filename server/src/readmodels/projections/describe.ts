// Where an event belongs (negotiation, document, the thing it is about) and what it says, as
// structured data (`ActivityDescription` in shared: a type and its parameters), for the activity
// feed and the live layer's toasts. The client puts it into words in the reader's language; the
// server builds no sentences. Parameters name stakeholders, people and documents, never e-mail
// addresses, tokens or hashes.
import { isPrivateStream, type Action, type ActivityDescription } from '@accord/shared';
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
import { consultationRef, pledgeRef, recommendationRef } from './follow-up-refs.js';
import { changeOf, isReplaying, type EventContext } from './projection-kit.js';

export interface Description {
  negotiationId: string | undefined;
  documentId?: string;
  /** The amendment, comment, paragraph, stakeholder, member … the event is about. */
  subjectId?: string;
  activity: ActivityDescription;
  /** Worth a line in the activity feed ("since your last visit"). */
  notable: boolean;
  /** The line must not say who acted (an answer to a consultation): no actor is stored. */
  anonymous?: boolean;
}

/** Drops parameters whose value is unknown, so the stored entry carries no nulls. */
function known<P extends Record<string, unknown>>(params: P): P {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as P;
}

const describeAs = <D extends ActivityDescription>(activity: D): ActivityDescription =>
  ({
    type: activity.type,
    params: known(activity.params),
  }) as ActivityDescription;

export function describe(db: ReadModelDb, context: EventContext): Description | undefined {
  // Nothing of a private stream reaches the feed or a role room, whatever its event type.
  if (isPrivateStream(context.recorded.streamId)) return undefined;
  const description = describeEvent(db, context);
  return description && { ...description, activity: describeAs(description.activity) };
}

function describeEvent(db: ReadModelDb, context: EventContext): Description | undefined {
  const { event } = context;
  const person = (userId: string | undefined) => userName(db, userId);
  const party = (negotiationId: string | null | undefined, stakeholderId: string | undefined) =>
    stakeholderName(db, negotiationId, stakeholderId);
  const onDocument = (documentId: string) => {
    const doc = documentRef(db, documentId);
    return { negotiationId: doc?.negotiationId, documentId, title: doc?.title };
  };
  const onAmendment = (amendmentId: string) => {
    const ref = amendmentRef(db, amendmentId);
    return {
      negotiationId: ref?.negotiationId ?? undefined,
      ...(ref ? { documentId: ref.documentId } : {}),
      subjectId: amendmentId,
      /** How the amendment is named in a sentence. */
      named: {
        sponsor: party(ref?.negotiationId, ref?.sponsorStakeholderId),
        chairsCompromise: ref?.chairsCompromise ?? false,
      },
      title: ref ? documentRef(db, ref.documentId)?.title : undefined,
    };
  };

  /** A line about a document's deadlines or silence procedure, notable for everyone. */
  const processLine = (
    documentId: string,
    subjectId: string | undefined,
    activity: ActivityDescription,
  ): Description => ({
    negotiationId: onDocument(documentId).negotiationId,
    documentId,
    ...(subjectId ? { subjectId } : {}),
    activity,
    notable: true,
  });

  switch (event.type) {
    case 'NegotiationOpened': {
      const { negotiationId, title, openedBy } = event.data;
      return {
        negotiationId,
        activity: { type: event.type, params: { actor: person(openedBy), title } },
        notable: true,
      };
    }
    case 'StakeholderRegistered': {
      const { negotiationId, stakeholderId, kind, name, shortCode } = event.data;
      return {
        negotiationId,
        subjectId: stakeholderId,
        activity: {
          type: event.type,
          params: { stakeholder: name, code: shortCode, stakeholderKind: kind },
        },
        notable: true,
      };
    }
    case 'ChairsAppointed': {
      const { negotiationId, userIds } = event.data;
      const people = userIds.map((userId) => person(userId)).filter((n) => n !== undefined);
      return {
        negotiationId,
        activity: { type: event.type, params: { people, count: userIds.length } },
        notable: true,
      };
    }
    case 'MemberInvited': {
      const { negotiationId, invitationId, stakeholderId, role } = event.data;
      return {
        negotiationId,
        subjectId: invitationId,
        activity: {
          type: event.type,
          params: { stakeholder: party(negotiationId, stakeholderId), role },
        },
        notable: false,
      };
    }
    case 'InvitationAccepted': {
      const { negotiationId, invitationId, userId } = event.data;
      return {
        negotiationId,
        subjectId: invitationId,
        activity: { type: event.type, params: { actor: person(userId) } },
        notable: false,
      };
    }
    case 'MemberAdmitted': {
      const { negotiationId, userId, stakeholderId, role } = event.data;
      return {
        negotiationId,
        subjectId: userId,
        activity: {
          type: event.type,
          params: { actor: person(userId), stakeholder: party(negotiationId, stakeholderId), role },
        },
        notable: true,
      };
    }
    case 'MemberRoleChanged': {
      const { negotiationId, userId, from, to } = event.data;
      return {
        negotiationId,
        subjectId: userId,
        activity: {
          type: event.type,
          params: { actor: person(userId), role: to, previousRole: from },
        },
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
        activity: {
          type: event.type,
          params: { actor: person(userId), stakeholder: party(negotiationId, stakeholderId) },
        },
        notable: true,
      };
    }
    case 'DocumentCreated': {
      const { negotiationId, documentId, title, symbol, mode, createdBy } = event.data;
      return {
        negotiationId,
        documentId,
        subjectId: documentId,
        activity: {
          type: event.type,
          params: { actor: person(createdBy), symbol, title, mode },
        },
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
        activity: { type: event.type, params: { title: doc.title, mode: to } },
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
        activity: {
          type: event.type,
          params: { actor: person(setBy), title: doc.title, status },
        },
        notable: true,
      };
    }
    case 'RevisionIssued':
    case 'DocumentAdopted': {
      const { documentId } = event.data;
      const label = event.type === 'RevisionIssued' ? event.data.label : event.data.revisionLabel;
      const doc = onDocument(documentId);
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: documentId,
        activity: { type: event.type, params: { title: doc.title, label } },
        notable: true,
      };
    }
    case 'AmendmentTabled': {
      const { amendmentId, proposal } = event.data;
      const a = onAmendment(amendmentId);
      return {
        ...located(a),
        activity: {
          type: event.type,
          params: {
            ...a.named,
            chairsCompromise: event.data.chairsCompromise,
            title: a.title,
            amendmentKind: proposal.kind,
          },
        },
        notable: true,
      };
    }
    case 'AmendmentCosponsored': {
      const a = onAmendment(event.data.amendmentId);
      const stakeholder = party(a.negotiationId, event.data.stakeholderId);
      return {
        ...located(a),
        activity: { type: event.type, params: { ...a.named, stakeholder } },
        notable: true,
      };
    }
    case 'AmendmentRevised':
    case 'AmendmentWithdrawn':
    case 'AmendmentAccepted':
    case 'AmendmentRejected':
    case 'AmendmentMerged': {
      const a = onAmendment(event.data.amendmentId);
      return { ...located(a), activity: { type: event.type, params: a.named }, notable: true };
    }
    case 'AmendmentRestored': {
      const a = onAmendment(event.data.amendmentId);
      const params = { ...a.named, reason: event.data.reason };
      return { ...located(a), activity: { type: event.type, params }, notable: true };
    }
    case 'PositionStated':
    case 'PositionWithdrawn': {
      const { documentId, target, stakeholderId } = event.data;
      const doc = onDocument(documentId);
      const on =
        target.kind === 'paragraph'
          ? { on: 'paragraph' as const, title: doc.title }
          : { on: 'amendment' as const, ...onAmendment(target.id).named };
      const stakeholder = party(doc.negotiationId, stakeholderId);
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: target.id,
        activity:
          event.type === 'PositionStated'
            ? { type: event.type, params: { stakeholder, stance: event.data.stance, ...on } }
            : { type: event.type, params: { stakeholder, ...on } },
        notable: true,
      };
    }
    case 'CommentPosted':
    case 'CommentReplied': {
      const { documentId, commentId, authorUserId, authorStakeholderId } = event.data;
      const doc = onDocument(documentId);
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: commentId,
        activity: {
          type: event.type,
          params: {
            actor: person(authorUserId),
            stakeholder: party(doc.negotiationId, authorStakeholderId),
            title: doc.title,
          },
        },
        notable: true,
      };
    }
    case 'CommentResolved':
    case 'CommentReopened': {
      const { documentId, commentId } = event.data;
      const doc = onDocument(documentId);
      const by = event.type === 'CommentResolved' ? event.data.resolvedBy : event.data.reopenedBy;
      return {
        negotiationId: doc.negotiationId,
        documentId,
        subjectId: commentId,
        activity: { type: event.type, params: { actor: person(by), title: doc.title } },
        notable: true,
      };
    }
    case 'RoundtableScheduled': {
      const { negotiationId, roundtableId, theme, coverage, scheduledBy } = event.data;
      return {
        negotiationId,
        documentId: coverage.documentId,
        subjectId: roundtableId,
        activity: { type: event.type, params: { actor: person(scheduledBy), theme } },
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
      const theme = ref?.theme;
      const where = {
        negotiationId: ref?.negotiationId,
        ...(ref ? { documentId: ref.documentId } : {}),
        subjectId: roundtableId,
      };
      switch (event.type) {
        case 'RoundtableCoverageChanged':
          return {
            ...where,
            activity: { type: event.type, params: { actor: person(event.data.changedBy), theme } },
            notable: true,
          };
        case 'RoundtableDraftEdited':
        case 'RoundtableDraftSigned':
          return {
            ...where,
            activity: {
              type: event.type,
              params: { stakeholder: party(ref?.negotiationId, event.data.stakeholderId), theme },
            },
            notable: event.type === 'RoundtableDraftSigned',
          };
        case 'RoundtablePaperIssued':
          return {
            ...where,
            activity: {
              type: event.type,
              params: {
                actor: person(event.data.issuedBy),
                theme,
                version: event.data.version,
              },
            },
            notable: true,
          };
        case 'RoundtableConcluded':
          return {
            ...where,
            activity: {
              type: event.type,
              params: { actor: person(event.data.concludedBy), theme },
            },
            notable: true,
          };
      }
      break;
    }
    // Brackets and options change the text's marks and statuses; they are pushed to the
    // document's viewers (documents.ts) without a line in the activity feed.
    case 'BracketPlaced':
    case 'BracketRemoved':
    case 'BracketedWordsDeleted':
    case 'OptionSetOpened':
    case 'OptionAdded':
    case 'OptionPlaced':
    case 'OptionChosen':
      return undefined;
    // Deadlines and silence procedures reach open drafts as a `process` change (process.ts),
    // and everyone's feed as the lines below. What an adopted silence did is told by the
    // adoption or gavels it caused, so the outcome's bookkeeping has no line of its own.
    case 'DeadlineSet': {
      const { documentId, kind, deadline, timeZone, setBy } = event.data;
      const { title } = onDocument(documentId);
      return processLine(documentId, undefined, {
        type: event.type,
        params: { actor: person(setBy), title, deadlineKind: kind, deadline, timeZone },
      });
    }
    case 'DeadlineCleared': {
      const { documentId, kind, clearedBy } = event.data;
      const { title } = onDocument(documentId);
      return processLine(documentId, undefined, {
        type: event.type,
        params: { actor: person(clearedBy), title, deadlineKind: kind },
      });
    }
    case 'SilenceStarted': {
      const { documentId, silenceId, until, timeZone, paragraphIds, startedBy } = event.data;
      const { title } = onDocument(documentId);
      return processLine(documentId, silenceId, {
        type: event.type,
        params: {
          actor: person(startedBy.userId),
          title,
          until,
          timeZone,
          paragraphs: paragraphIds?.length,
        },
      });
    }
    case 'SilenceBroken': {
      const { documentId, silenceId, brokenBy } = event.data;
      const { negotiationId, title } = onDocument(documentId);
      return processLine(documentId, silenceId, {
        type: event.type,
        params: {
          actor: person(brokenBy.userId),
          stakeholder: party(negotiationId, brokenBy.stakeholderId),
          title,
        },
      });
    }
    case 'SilenceEnded': {
      const { documentId, silenceId, outcome } = event.data;
      const { title } = onDocument(documentId);
      return processLine(documentId, silenceId, {
        type: event.type,
        params: { title, outcome },
      });
    }
    case 'SilenceOutcomeRecorded':
      return undefined;
    // Sessions and segments reach members as a `segment` change (segments.ts), never in the
    // feed: a government-only segment opening is itself news some roles may not follow.
    case 'SessionScheduled':
    case 'SegmentOpened':
    case 'SegmentClosed':
    case 'SegmentReleased':
      return undefined;
    // Private drafts are their owner's alone: never described, never in the feed (and
    // `describe` refuses every private stream before it gets here).
    case 'PrivateDraftStarted':
    case 'PrivateDraftEdited':
    case 'PrivateDraftCommented':
    case 'PrivateDraftTabled':
    case 'PrivateDraftDiscarded':
      return undefined;
    // The library is shared by every negotiation on the server, and citations show in the
    // paragraph they cite; neither is news for a negotiation's feed.
    case 'LibraryTextAdded':
    case 'LibraryTextWithdrawn':
    case 'AgreedLanguageCited':
      return undefined;
    // Consultations: opening and closing are news for everyone. An answer in the app is a line
    // that names nobody (not even as the entry's actor), whatever the consultation's identity
    // setting; answers through the public link are not news for the feed at all.
    case 'ConsultationOpened': {
      const { consultationId, negotiationId, documentId, title, revisionLabel, openedBy } =
        event.data;
      return {
        negotiationId,
        documentId,
        subjectId: consultationId,
        activity: {
          type: event.type,
          params: {
            actor: person(openedBy),
            consultation: title,
            title: onDocument(documentId).title,
            label: revisionLabel,
          },
        },
        notable: true,
      };
    }
    case 'ConsultationAnswered': {
      if (event.data.channel === 'link') return undefined;
      const ref = consultationRef(db, event.data.consultationId);
      return {
        negotiationId: ref?.negotiationId,
        ...(ref ? { documentId: ref.documentId } : {}),
        subjectId: event.data.consultationId,
        activity: { type: event.type, params: { consultation: ref?.title } },
        notable: true,
        anonymous: true,
      };
    }
    case 'ConsultationClosed': {
      const ref = consultationRef(db, event.data.consultationId);
      return {
        negotiationId: ref?.negotiationId,
        ...(ref ? { documentId: ref.documentId } : {}),
        subjectId: event.data.consultationId,
        activity: {
          type: event.type,
          params: { actor: person(event.data.closedBy), consultation: ref?.title },
        },
        notable: true,
      };
    }
    // Recommendations: submitted, endorsed, withdrawn and taken up are lines; an endorsement
    // taken back only changes the recommendation's page.
    case 'RecommendationSubmitted': {
      const { recommendationId, negotiationId, documentId, title, stakeholderId } = event.data;
      return {
        negotiationId,
        ...(documentId ? { documentId } : {}),
        subjectId: recommendationId,
        activity: {
          type: event.type,
          params: { stakeholder: party(negotiationId, stakeholderId), recommendation: title },
        },
        notable: true,
      };
    }
    case 'RecommendationEndorsed':
    case 'RecommendationWithdrawn': {
      const { recommendationId } = event.data;
      const ref = recommendationRef(db, recommendationId);
      const stakeholderId =
        event.type === 'RecommendationEndorsed' ? event.data.stakeholderId : ref?.stakeholderId;
      return {
        negotiationId: ref?.negotiationId,
        ...(ref?.documentId ? { documentId: ref.documentId } : {}),
        subjectId: recommendationId,
        activity: {
          type: event.type,
          params: {
            stakeholder: party(ref?.negotiationId, stakeholderId),
            recommendation: ref?.title,
          },
        },
        notable: true,
      };
    }
    case 'RecommendationEndorsementWithdrawn':
      return undefined;
    case 'RecommendationTakenUp': {
      const { recommendationId, delegationId, documentId } = event.data;
      const ref = recommendationRef(db, recommendationId);
      return {
        negotiationId: ref?.negotiationId,
        documentId,
        subjectId: recommendationId,
        activity: {
          type: event.type,
          params: {
            stakeholder: party(ref?.negotiationId, delegationId),
            organisation: party(ref?.negotiationId, ref?.stakeholderId),
            recommendation: ref?.title,
          },
        },
        notable: true,
      };
    }
    // Pledges on an adopted text: registered, revised, reported on and withdrawn.
    case 'PledgeRegistered': {
      const { pledgeId, negotiationId, documentId, pledger, content } = event.data;
      return {
        negotiationId,
        documentId,
        subjectId: pledgeId,
        activity: {
          type: event.type,
          params: {
            pledger: pledger.name,
            pledge: content.title,
            title: onDocument(documentId).title,
          },
        },
        notable: true,
      };
    }
    case 'PledgeRevised':
    case 'PledgeProgressReported':
    case 'PledgeWithdrawn': {
      const ref = pledgeRef(db, event.data.pledgeId);
      const named = { pledger: ref?.pledger, pledge: ref?.title };
      return {
        negotiationId: ref?.negotiationId,
        ...(ref ? { documentId: ref.documentId } : {}),
        subjectId: event.data.pledgeId,
        activity:
          event.type === 'PledgeProgressReported'
            ? { type: event.type, params: { ...named, status: event.data.status } }
            : { type: event.type, params: named },
        notable: true,
      };
    }
    // Translations follow the text paragraph by paragraph; the language-version page counts them.
    case 'ParagraphTranslated':
      return undefined;
    // Requests for positions and notification settings reach people through their inbox.
    case 'PositionRequested':
    case 'NotificationPreferencesSet':
    case 'NotificationsMarkedRead':
    case 'NotificationEmailClaimed':
    case 'NotificationDigestClaimed':
      return undefined;
    // Accounts and sessions belong to no negotiation and are never described.
    case 'UserRegistered':
    case 'PasswordChanged':
    case 'UserLanguageChosen':
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

/** The one change a projection reports for an event it applied, located and described. */
export function describedChange(
  db: ReadModelDb,
  context: EventContext,
  kind: string,
  readAction: Action,
): ReadModelChange[] {
  if (isReplaying(db)) return [];
  const description = describe(db, context);
  if (!description) return [];
  const { negotiationId, documentId, subjectId, activity } = description;
  return [
    changeOf(context, {
      kind,
      readAction,
      activity,
      ...(negotiationId ? { negotiationId } : {}),
      ...(documentId ? { documentId } : {}),
      ...(subjectId ? { id: subjectId } : {}),
    }),
  ];
}
