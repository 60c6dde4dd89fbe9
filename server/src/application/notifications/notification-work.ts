/**
 * Reactor work: every event someone should hear about becomes inbox entries (and e-mails), in
 * log order; the user's own notification stream keeps the inbox's read marks and the routing
 * preferences up to date on this node. Idempotent by notification id (event id + recipient), so
 * redelivery after a restart changes nothing.
 */
import {
  notifiableEventTypes,
  parseStoredEvent,
  type AccordEvent,
  type NotifiableEvent,
} from '@accord/shared';
import type { RecordedEvent } from '../../eventstore/port.js';
import type { InboxStore } from '../../notifications/inbox-store.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import type { ReactorWork } from '../reactors/reactor.js';
import type { DeliverContext, Delivery } from './deliver.js';
import type { PrefsTable } from './prefs-table.js';

interface Deps {
  queries: ReadModelQueries;
  inbox: InboxStore;
  prefs: PrefsTable;
  delivery: Delivery;
  /** The read models must have applied the event before its document or members are read. */
  waitForReadModels(position: bigint): Promise<void>;
}

const ownTypes = ['NotificationPreferencesSet', 'NotificationsMarkedRead'];
const isNotifiable = (event: AccordEvent): event is Extract<NotifiableEvent, AccordEvent> =>
  (notifiableEventTypes as readonly string[]).includes(event.type);

export function notificationWork(deps: Deps): ReactorWork {
  return {
    name: 'notifications',
    filter: {
      on: 'eventType',
      prefixes: [...notifiableEventTypes.filter((t) => t !== 'DeadlineApproaching'), ...ownTypes],
    },
    describe: (event) => {
      const data = event.data as { documentId?: unknown; userId?: unknown };
      return { eventType: event.type, documentId: data.documentId, userId: data.userId };
    },
    async handle(recorded: RecordedEvent) {
      const event = parseStoredEvent(recorded);
      const position = recorded.position!;
      if (event.type === 'NotificationPreferencesSet') {
        deps.prefs.set(event.data.userId, event.data.email);
        return;
      }
      if (event.type === 'NotificationsMarkedRead') {
        const { userId, notificationIds } = event.data;
        if (notificationIds === null) deps.inbox.markReadBefore(userId, position);
        else deps.inbox.markRead(userId, notificationIds);
        return;
      }
      if (!isNotifiable(event)) return;
      await deps.waitForReadModels(position);
      const target = locate(event, deps.queries);
      if (!target) return;
      await deps.delivery.deliver(
        event,
        target.documentId,
        { sourceId: recorded.id, position, createdAt: occurredAt(recorded) },
        target.context,
      );
    },
  };
}

/** When it happened by the command's clock (a backdated import or seed keeps its own dates). */
const occurredAt = (recorded: RecordedEvent): string => {
  const stated = (recorded.metadata as { occurredAt?: unknown } | undefined)?.occurredAt;
  return typeof stated === 'string' && !Number.isNaN(Date.parse(stated))
    ? stated
    : recorded.created.toISOString();
};

/** The document an event is about, and what the recipients rule needs beyond the event. */
function locate(
  event: Extract<NotifiableEvent, AccordEvent>,
  queries: ReadModelQueries,
): { documentId: string; context: DeliverContext } | undefined {
  switch (event.type) {
    case 'AmendmentAccepted':
    case 'AmendmentRejected':
    case 'AmendmentMerged': {
      const amendment = queries.getAmendment(event.data.amendmentId);
      if (!amendment) return undefined;
      return {
        documentId: amendment.documentId,
        context: {
          amendment: {
            documentId: amendment.documentId,
            paragraphId: amendment.paragraphId,
            sponsorStakeholderIds: [
              amendment.sponsorStakeholderId,
              ...amendment.cosponsorStakeholderIds,
            ],
          },
        },
      };
    }
    case 'CommentReplied': {
      const { documentId, commentId } = event.data;
      const thread = queries.listComments(documentId).find((c) => c.commentId === commentId);
      return {
        documentId,
        context: thread ? { commentParagraphId: thread.anchor.paragraphId } : {},
      };
    }
    case 'CommentPosted':
    case 'PositionRequested':
    case 'RevisionIssued':
    case 'SilenceBroken':
    case 'SilenceEnded':
    case 'SilenceStarted':
      return { documentId: event.data.documentId, context: {} };
  }
}
