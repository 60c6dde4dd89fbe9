// Who is told about an event, as what kind of notice, with which facts. Pure: the server passes
// the event and the negotiation's current members; this decides. Nobody is told about what they
// did themselves, and nobody is told about what they may not read (`mayRead`, which segments
// with restricted access narrow; by default, every role that may read the record).
import type { AccordEvent } from '../events.js';
import type { DeadlineKind } from '../process/events.js';
import { can } from '../permissions.js';
import type { Role } from '../vocabulary.js';
import type { NotificationKind, NotificationPayload } from './kinds.js';
import { mentionedUserIds } from './mentions.js';

export interface Participant {
  userId: string;
  stakeholderId: string;
  role: Role;
  displayName: string | null;
}

/** Not an event of the log: the server's scheduler raises it some time before a deadline. */
export interface DeadlineApproaching {
  type: 'DeadlineApproaching';
  data: { documentId: string; kind: DeadlineKind; deadline: string };
}

type Notifiable =
  | 'RevisionIssued'
  | 'SilenceStarted'
  | 'SilenceBroken'
  | 'SilenceEnded'
  | 'AmendmentAccepted'
  | 'AmendmentRejected'
  | 'AmendmentMerged'
  | 'CommentPosted'
  | 'CommentReplied'
  | 'PositionRequested';

export type NotifiableEvent = Extract<AccordEvent, { type: Notifiable }> | DeadlineApproaching;

export const notifiableEventTypes: readonly NotifiableEvent['type'][] = [
  'RevisionIssued',
  'SilenceStarted',
  'SilenceBroken',
  'SilenceEnded',
  'AmendmentAccepted',
  'AmendmentRejected',
  'AmendmentMerged',
  'CommentPosted',
  'CommentReplied',
  'PositionRequested',
  'DeadlineApproaching',
];

export interface NotificationContext {
  negotiationId: string;
  /** The negotiation's active members. */
  participants: readonly Participant[];
  /** For an amendment's decision: where it is and who sponsors it (sponsor and co-sponsors). */
  amendment?: { documentId: string; paragraphId: string; sponsorStakeholderIds: readonly string[] };
  /** For a reply: the paragraph its thread is anchored to. */
  commentParagraphId?: string;
  /** Narrows who may read the item; by default whoever's role may read the record. */
  mayRead?: (participant: Participant) => boolean;
}

export interface NotificationRecipient {
  userId: string;
  kind: NotificationKind;
  payload: NotificationPayload;
}

export function notificationsFor(
  event: NotifiableEvent,
  context: NotificationContext,
): NotificationRecipient[] {
  const plan = planFor(event, context);
  if (!plan) return [];
  const mayRead = context.mayRead ?? ((p: Participant) => can(p.role, 'record.read'));
  const seen = new Set<string>();
  return context.participants
    .filter((p) => p.userId !== plan.actorUserId && mayRead(p) && plan.who(p))
    .filter((p) => !seen.has(p.userId) && seen.add(p.userId))
    .map((p) => ({ userId: p.userId, kind: plan.kind, payload: plan.payload }));
}

interface Plan {
  kind: NotificationKind;
  payload: NotificationPayload;
  who: (participant: Participant) => boolean;
  actorUserId?: string;
}

const everyone = (): boolean => true;

function planFor(event: NotifiableEvent, context: NotificationContext): Plan | undefined {
  const { negotiationId } = context;
  switch (event.type) {
    case 'RevisionIssued':
      return {
        kind: 'revision-issued',
        payload: {
          negotiationId,
          documentId: event.data.documentId,
          revisionLabel: event.data.label,
        },
        who: everyone,
        actorUserId: event.data.issuedBy,
      };
    case 'DeadlineApproaching': {
      const { documentId, kind, deadline } = event.data;
      // Told only to those the deadline binds: who may table amendments, or state positions.
      const action = kind === 'amendments' ? 'amendment.table' : 'position.state';
      return {
        kind: 'deadline-approaching',
        payload: { negotiationId, documentId, deadlineKind: kind, until: deadline },
        who: (p) => can(p.role, action),
      };
    }
    case 'SilenceStarted': {
      const { documentId, silenceId, until, paragraphIds, startedBy } = event.data;
      return {
        kind: 'silence-started',
        payload: {
          negotiationId,
          documentId,
          silenceId,
          until,
          ...(paragraphIds ? { paragraphCount: paragraphIds.length } : {}),
        },
        who: everyone,
        actorUserId: startedBy.userId,
      };
    }
    case 'SilenceBroken': {
      const { documentId, silenceId, brokenBy } = event.data;
      return {
        kind: 'silence-broken',
        payload: { negotiationId, documentId, silenceId, stakeholderId: brokenBy.stakeholderId },
        who: everyone,
        actorUserId: brokenBy.userId,
      };
    }
    case 'SilenceEnded': {
      const { documentId, silenceId, outcome } = event.data;
      return {
        kind: 'silence-ended',
        payload: { negotiationId, documentId, silenceId, silenceOutcome: outcome },
        who: everyone,
      };
    }
    case 'AmendmentAccepted':
    case 'AmendmentRejected':
    case 'AmendmentMerged': {
      const amendment = context.amendment;
      if (!amendment) return undefined;
      const sponsors = new Set(amendment.sponsorStakeholderIds);
      const outcome =
        event.type === 'AmendmentAccepted'
          ? 'accepted'
          : event.type === 'AmendmentRejected'
            ? 'rejected'
            : 'merged';
      return {
        kind: 'amendment-decided',
        payload: {
          negotiationId,
          documentId: amendment.documentId,
          paragraphId: amendment.paragraphId,
          amendmentId: event.data.amendmentId,
          amendmentOutcome: outcome,
        },
        who: (p) => sponsors.has(p.stakeholderId),
        actorUserId: event.data.decidedBy,
      };
    }
    case 'CommentPosted':
    case 'CommentReplied': {
      const paragraphId =
        event.type === 'CommentPosted' ? event.data.anchor.paragraphId : context.commentParagraphId;
      const mentioned = new Set(mentionedUserIds(event.data.body, context.participants));
      if (mentioned.size === 0) return undefined;
      return {
        kind: 'mentioned',
        payload: {
          negotiationId,
          documentId: event.data.documentId,
          commentId: event.data.commentId,
          ...(paragraphId ? { paragraphId } : {}),
        },
        who: (p) => mentioned.has(p.userId),
        actorUserId: event.data.authorUserId,
      };
    }
    case 'PositionRequested': {
      const { documentId, target, stakeholderIds, requestedBy } = event.data;
      const asked = new Set(stakeholderIds);
      return {
        kind: 'position-requested',
        payload: {
          negotiationId,
          documentId,
          ...(target.kind === 'paragraph'
            ? { paragraphId: target.id }
            : { amendmentId: target.id }),
        },
        who: (p) => asked.has(p.stakeholderId) && can(p.role, 'position.state'),
        actorUserId: requestedBy,
      };
    }
    default:
      return undefined;
  }
}
