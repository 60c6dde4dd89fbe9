/**
 * Notifications, assembled: the inbox and preference tables, the mailer (off without SMTP), the
 * reactor that turns events into inbox entries and e-mails, the deadline reminders, the daily
 * digest, and the service the routes call.
 *
 *   const notifications = await createNotifications({ store, commands, queries, … });
 *   notifications.changes            // 'changes' for socket.io: new entries, per user
 *   await notifications.stop();
 */
import { EventEmitter } from 'node:events';
import type { CommandService } from '../../commands/command-service.js';
import type { MailSettings } from '../../config.js';
import type { EventStore } from '../../eventstore/port.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { ReadModelChange } from '../../readmodels/projection.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import type { ReadModelDb } from '../../readmodels/read-model-db.js';
import { createInboxStore, type InboxStore } from '../../notifications/inbox-store.js';
import { createMailer, type Mailer, type MailRetry } from '../../notifications/mailer.js';
import { notificationCounter } from '../../notifications/notification-metrics.js';
import type { CheckpointStore, DocumentText } from '../ports.js';
import { Reactor, type RetryPolicy } from '../reactors/reactor.js';
import { DeadlineReminders } from './deadline-reminders.js';
import { createDelivery } from './deliver.js';
import { DigestScheduler } from './digest-scheduler.js';
import { createNotificationService, type NotificationService } from './notification-service.js';
import { notificationWork } from './notification-work.js';
import { createPrefsTable } from './prefs-table.js';

export interface NotificationsDeps {
  store: EventStore;
  commands: CommandService;
  queries: ReadModelQueries;
  text: Pick<DocumentText, 'paragraphs'>;
  db: ReadModelDb;
  checkpoints: CheckpointStore;
  waitForReadModels(position: bigint): Promise<void>;
  mail: MailSettings;
  logger: Logger;
  metrics?: Metrics;
  /** Tests shorten the retries. */
  retry?: Partial<RetryPolicy>;
  mailRetry?: Partial<MailRetry>;
}

export interface Notifications {
  service: NotificationService;
  inbox: InboxStore;
  mailer: Mailer;
  reactor: Reactor;
  digest: DigestScheduler;
  reminders: DeadlineReminders;
  /** New inbox entries, as read-model changes addressed to their users. */
  changes: EventEmitter<{ changes: [ReadModelChange[]] }>;
  stop(): Promise<void>;
}

export async function createNotifications(deps: NotificationsDeps): Promise<Notifications> {
  const logger = deps.logger.child({ component: 'notifications' });
  const counter = deps.metrics ? notificationCounter(deps.metrics) : undefined;
  const inbox = createInboxStore(deps.db);
  const prefs = createPrefsTable(deps.db);
  const mailer = createMailer({
    settings: deps.mail,
    logger,
    ...(counter ? { counter } : {}),
    ...(deps.mailRetry ? { retry: deps.mailRetry } : {}),
  });
  if (!mailer.configured) logger.info('no SMTP server configured (ACCORD_SMTP_URL): e-mail is off');
  const changes = new EventEmitter<{ changes: [ReadModelChange[]] }>();
  const delivery = createDelivery({
    queries: deps.queries,
    commands: deps.commands,
    inbox,
    prefs,
    mailer,
    publicUrl: deps.mail.publicUrl,
    logger,
    changes,
    ...(counter ? { counter } : {}),
  });
  const reactor = new Reactor({
    store: deps.store,
    checkpoints: deps.checkpoints,
    work: notificationWork({
      queries: deps.queries,
      inbox,
      prefs,
      delivery,
      waitForReadModels: (position) => deps.waitForReadModels(position),
    }),
    logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(deps.retry ? { retry: deps.retry } : {}),
  });
  const reminders = new DeadlineReminders({
    store: deps.store,
    delivery,
    leadMs: deps.mail.deadlineReminderMs,
    logger,
    waitForReadModels: (position) => deps.waitForReadModels(position),
  });
  const digest = new DigestScheduler({
    commands: deps.commands,
    queries: deps.queries,
    inbox,
    mailer,
    delivery,
    publicUrl: deps.mail.publicUrl,
    hourUtc: deps.mail.digestHourUtc,
    logger,
  });
  await reactor.start();
  await reminders.start();
  digest.start();
  const service = createNotificationService({
    store: deps.store,
    commands: deps.commands,
    queries: deps.queries,
    text: deps.text,
    inbox,
    emailConfigured: mailer.configured,
    applied: (position, timeoutMs) => reactor.whenFinished(position, timeoutMs),
  });
  return {
    service,
    inbox,
    mailer,
    reactor,
    digest,
    reminders,
    changes,
    async stop() {
      await digest.stop();
      await reminders.stop();
      await reactor.stop();
      mailer.close();
    },
  };
}
