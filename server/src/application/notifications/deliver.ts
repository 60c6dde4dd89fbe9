/**
 * Delivers one notifiable event: decides who is told (shared `notificationsFor`), adds an inbox
 * entry per recipient (idempotent by notification id), tells their open tabs, and, for those
 * who want this kind at once, claims the e-mail on their notification stream and hands it to the
 * mailer. The claim's command id is derived from the notification id, so every node and every
 * redelivery makes the same claim and only the first one sends.
 *
 * Old events are not e-mailed: catching up a long log (a new read-model file, a first start
 * with notifications) fills the inbox but does not mail the past.
 */
import type { EventEmitter } from 'node:events';
import {
  can,
  notificationsFor,
  type NotifiableEvent,
  type NotificationContext,
  type Participant,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import type { Logger } from '../../observability/logger.js';
import type { ReadModelChange } from '../../readmodels/projection.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { composeNotice, type NoticeToWrite } from '../../notifications/compose-email.js';
import { isMailLanguage, type MailLanguage } from '../../notifications/i18n/index.js';
import type { InboxStore } from '../../notifications/inbox-store.js';
import type { Mailer } from '../../notifications/mailer.js';
import type { NotificationCounter } from '../../notifications/notification-metrics.js';
import { segmentGate } from '../segments/segment-gate.js';
import type { PrefsTable } from './prefs-table.js';

/** Events older than this when delivered get an inbox entry but no immediate e-mail. */
export const EMAIL_MAX_AGE_MS = 60 * 60_000;

export interface DeliveryDeps {
  queries: ReadModelQueries;
  commands: CommandService;
  inbox: InboxStore;
  prefs: PrefsTable;
  mailer: Mailer;
  publicUrl: string;
  counter?: NotificationCounter;
  logger: Logger;
  /** Tells open tabs about new entries (merged into socket.io's change feed). */
  changes: EventEmitter<{ changes: [ReadModelChange[]] }>;
  now?: () => number;
}

export interface EventSource {
  /** The event id, or an id derived from it for notices the log does not hold. */
  sourceId: string;
  position: bigint;
  createdAt: string;
}

export type DeliverContext = Omit<NotificationContext, 'negotiationId' | 'participants'>;

export function createDelivery(deps: DeliveryDeps) {
  const now = deps.now ?? Date.now;

  const participantsOf = (negotiationId: string): Participant[] =>
    deps.queries
      .listMembers(negotiationId)
      .filter((m) => m.status === 'active')
      .map((m) => ({
        userId: m.userId,
        stakeholderId: m.stakeholderId,
        role: m.role,
        displayName: m.displayName,
      }));

  /** The user's language when their account has one (a later account setting), else English. */
  const languageOf = (userId: string): MailLanguage => {
    const user = deps.queries.getUser(userId) as { language?: unknown } | undefined;
    return isMailLanguage(user?.language) ? user.language : 'en';
  };

  const describe = (
    notice: Omit<NoticeToWrite, 'documentTitle' | 'stakeholderName'>,
  ): NoticeToWrite => {
    const { documentId, negotiationId, stakeholderId } = notice.payload;
    const stakeholderName = stakeholderId
      ? (deps.queries.listStakeholders(negotiationId).find((s) => s.stakeholderId === stakeholderId)
          ?.name ?? null)
      : null;
    return {
      ...notice,
      documentTitle: deps.queries.getDocument(documentId)?.title ?? null,
      stakeholderName,
    };
  };

  async function deliver(
    event: NotifiableEvent,
    documentId: string,
    source: EventSource,
    context: DeliverContext = {},
  ): Promise<void> {
    const document = deps.queries.getDocument(documentId);
    if (!document) return;
    // A role kept out of an unreleased segment hears nothing of what happened after it began.
    const segments = deps.queries.listSegments(document.negotiationId);
    const mayRead = (p: Participant): boolean => {
      const gate = segmentGate(segments, p.role);
      return can(p.role, 'record.read') && (!gate || source.position <= gate.horizon);
    };
    const recipients = notificationsFor(event, {
      mayRead,
      ...context,
      negotiationId: document.negotiationId,
      participants: participantsOf(document.negotiationId),
    });
    const added: string[] = [];
    for (const recipient of recipients) {
      const notificationId = derivedId(source.sourceId, `notify:${recipient.userId}`);
      const emailChannel = deps.prefs.of(recipient.userId)[recipient.kind];
      const isNew = deps.inbox.add({
        notificationId,
        userId: recipient.userId,
        kind: recipient.kind,
        payload: recipient.payload,
        position: source.position,
        createdAt: source.createdAt,
        emailChannel,
      });
      if (isNew) {
        added.push(recipient.userId);
        deps.counter?.inc({ channel: 'inbox', kind: recipient.kind, outcome: 'delivered' });
      }
      const fresh = now() - Date.parse(source.createdAt) <= EMAIL_MAX_AGE_MS;
      if (emailChannel === 'immediate' && deps.mailer.configured && fresh) {
        await mailAtOnce(notificationId, recipient);
      }
    }
    if (added.length > 0) {
      deps.changes.emit('changes', [
        {
          // No document or negotiation: pages that reload on their document's changes need not
          // reload for someone's inbox; only the bell listens for this kind.
          kind: 'notification',
          readAction: 'document.read',
          audienceUserIds: added,
          eventType: event.type,
          position: source.position,
        },
      ]);
    }
  }

  async function mailAtOnce(
    notificationId: string,
    recipient: ReturnType<typeof notificationsFor>[number],
  ): Promise<void> {
    const user = deps.queries.getUser(recipient.userId);
    if (!user?.email) return;
    const claim = await deps.commands.execute({
      type: 'ClaimNotificationEmail',
      data: { userId: recipient.userId, notificationId },
      meta: {
        commandId: derivedId(notificationId, 'email'),
        actor: null,
        now: new Date(now()).toISOString(),
      },
    });
    if (claim.duplicate || claim.events.length === 0) return;
    const mail = composeNotice(describe(recipient), {
      language: languageOf(recipient.userId),
      publicUrl: deps.publicUrl,
    });
    deps.mailer.post({ to: user.email, ...mail }, recipient.kind);
  }

  return { deliver, describe, languageOf };
}

export type Delivery = ReturnType<typeof createDelivery>;
