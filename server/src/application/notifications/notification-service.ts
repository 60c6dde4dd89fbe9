/**
 * The use cases behind the notification routes: a user's inbox page and unread count, marking
 * read, their e-mail preferences, and the chair's request for positions. Read marks and
 * preferences are commands on the user's notification stream; the answer waits until the
 * reactor has applied them here, so the next read shows them.
 */
import {
  foldEvents,
  notificationEventSchemas,
  notificationPrefsDecider,
  notifyPrefsStream,
  parseStoredEvent,
  type CommandMeta,
  type EmailChannel,
  type InboxView,
  type NotificationEvent,
  type NotificationKind,
  type NotificationPreferencesView,
  type PositionTarget,
  type UserCommandMeta,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import type { EventStore } from '../../eventstore/port.js';
import type { InboxStore } from '../../notifications/inbox-store.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { InvalidInputError } from '../errors.js';
import type { DocumentText } from '../ports.js';

/** How long a read mark or a preference waits to show in this node's inbox before answering. */
const APPLY_WAIT_MS = 5_000;

export interface NotificationServiceDeps {
  store: EventStore;
  commands: CommandService;
  queries: ReadModelQueries;
  text: Pick<DocumentText, 'paragraphs'>;
  inbox: InboxStore;
  emailConfigured: boolean;
  /** Resolves once the notification reactor has handled the event at `position`. */
  applied(position: bigint, timeoutMs: number): Promise<boolean>;
}

const isNotificationEvent = (event: { type: string }): event is NotificationEvent =>
  Object.hasOwn(notificationEventSchemas, event.type);

export function createNotificationService(deps: NotificationServiceDeps) {
  const emailStatus = { configured: deps.emailConfigured };

  async function preferences(userId: string): Promise<NotificationPreferencesView> {
    const events: NotificationEvent[] = [];
    for await (const recorded of deps.store.readStream(notifyPrefsStream(userId))) {
      const event = parseStoredEvent(recorded);
      if (isNotificationEvent(event)) events.push(event);
    }
    return { email: { ...foldEvents(notificationPrefsDecider, events).email }, emailStatus };
  }

  const settle = async (position: bigint | undefined) => {
    if (position !== undefined) await deps.applied(position, APPLY_WAIT_MS);
  };

  return {
    emailStatus,

    inbox(
      userId: string,
      options: { limit: number; before?: bigint; unreadOnly: boolean },
    ): InboxView {
      // One more than asked, to know whether an older page follows.
      const rows = deps.inbox.page(userId, { ...options, limit: options.limit + 1 });
      const entries = rows.slice(0, options.limit);
      const titles = new Map<string, string | null>();
      const titleOf = (documentId: string) => {
        if (!titles.has(documentId))
          titles.set(documentId, deps.queries.getDocument(documentId)?.title ?? null);
        return titles.get(documentId)!;
      };
      return {
        entries: entries.map((e) => ({
          notificationId: e.notificationId,
          kind: e.kind,
          payload: e.payload,
          createdAt: e.createdAt,
          read: e.read,
          documentTitle: titleOf(e.payload.documentId),
        })),
        unreadCount: deps.inbox.unreadCount(userId),
        nextCursor: rows.length > options.limit ? entries.at(-1)!.position.toString() : null,
        email: emailStatus,
      };
    },

    async markRead(userId: string, notificationIds: string[] | null, meta: UserCommandMeta) {
      const result = await deps.commands.execute({
        type: 'MarkNotificationsRead',
        data: { userId, notificationIds },
        meta,
      });
      await settle(result.position);
      return result;
    },

    preferences,

    async setPreferences(
      userId: string,
      email: Partial<Record<NotificationKind, EmailChannel>>,
      meta: UserCommandMeta,
    ): Promise<NotificationPreferencesView> {
      const result = await deps.commands.execute({
        type: 'SetNotificationPreferences',
        data: { userId, email },
        meta,
      });
      await settle(result.position);
      return preferences(userId);
    },

    /** The stakeholders must be the negotiation's, and the target in the document. */
    async requestPositions(
      negotiationId: string,
      request: {
        documentId: string;
        target: PositionTarget;
        stakeholderIds: string[];
        note?: string;
      },
      meta: CommandMeta,
    ) {
      const known = new Set(
        deps.queries.listStakeholders(negotiationId).map((s) => s.stakeholderId),
      );
      const unknown = request.stakeholderIds.findIndex((id) => !known.has(id));
      if (unknown !== -1) {
        throw InvalidInputError.field(
          'unknown-stakeholder',
          'No such stakeholder in this negotiation',
          `body.stakeholderIds.${unknown}`,
          'not in the negotiation',
        );
      }
      const { documentId, target } = request;
      const exists =
        target.kind === 'paragraph'
          ? (await deps.text.paragraphs(documentId)).some((p) => p.id === target.id)
          : deps.queries.getAmendment(target.id)?.documentId === documentId;
      if (!exists) {
        throw InvalidInputError.field(
          'unknown-target',
          `No such ${target.kind} in this document`,
          'body.target.id',
          'not in the document',
        );
      }
      return deps.commands.execute({
        type: 'RequestPosition',
        data: {
          documentId,
          target,
          stakeholderIds: request.stakeholderIds,
          ...(request.note === undefined ? {} : { note: request.note }),
        },
        meta,
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
