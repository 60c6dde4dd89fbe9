/**
 * The daily digest: at the configured hour (UTC) every user with notices they want by digest
 * gets one e-mail listing them. A durable scheduled step, as the silence scheduler's: the day's
 * digest is claimed on the user's notification stream with a command id derived from the user
 * and the day, so however many nodes run it, and however often it runs after restarts, the
 * claim is appended once and only the node that appended it sends. A node that starts after
 * the hour runs the day's step at once (it finds the claim if the digest already went out).
 *
 * A crash between the claim and the hand-off to SMTP loses that day's e-mail (the notices stay
 * in the inbox): sending at most once is preferred to sending twice.
 */
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import type { Logger } from '../../observability/logger.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { composeDigest } from '../../notifications/compose-email.js';
import type { InboxStore } from '../../notifications/inbox-store.js';
import type { Mailer } from '../../notifications/mailer.js';
import type { Delivery } from './deliver.js';

const DAY_MS = 86_400_000;
/** Notices older than this are left out of a digest (e-mail was off, or the server was down). */
const DIGEST_LOOKBACK_MS = 2 * DAY_MS;

export interface DigestSchedulerOptions {
  commands: CommandService;
  queries: ReadModelQueries;
  inbox: InboxStore;
  mailer: Mailer;
  delivery: Delivery;
  publicUrl: string;
  hourUtc: number;
  logger: Logger;
  now?: () => number;
}

/** The digest slot at or before `at`: that day's hour, or the previous day's. */
export function digestSlotAtOrBefore(at: number, hourUtc: number): Date {
  const day = new Date(at);
  const slot = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hourUtc);
  return new Date(slot <= at ? slot : slot - DAY_MS);
}

export class DigestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<number> | undefined;
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(private readonly options: DigestSchedulerOptions) {
    this.logger = options.logger.child({ component: 'digest' });
    this.now = options.now ?? Date.now;
  }

  /** Runs the latest slot's step (harmless if it ran) and arms the next one. */
  start(): void {
    if (!this.options.mailer.configured) return;
    void this.fire(digestSlotAtOrBefore(this.now(), this.options.hourUtc));
  }

  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    return this.running?.then(() => undefined) ?? Promise.resolve();
  }

  /** The digests of one slot; resolves with how many this node sent. */
  runSlot(slot: Date): Promise<number> {
    const run = (this.running ?? Promise.resolve(0)).then(() => this.sendAll(slot));
    this.running = run.catch(() => 0);
    return run;
  }

  private async fire(slot: Date): Promise<void> {
    if (this.stopped) return;
    try {
      await this.runSlot(slot);
    } catch (error) {
      this.logger.error(
        { err: error, slot: slot.toISOString() },
        'daily digest failed; next slot will retry the day',
      );
    }
    if (this.stopped) return;
    const next = new Date(slot.getTime() + DAY_MS);
    this.timer = setTimeout(() => void this.fire(next), Math.max(0, next.getTime() - this.now()));
    this.timer.unref();
  }

  private async sendAll(slot: Date): Promise<number> {
    const { inbox, mailer } = this.options;
    if (!mailer.configured) return 0;
    const until = slot.toISOString();
    const from = new Date(slot.getTime() - DIGEST_LOOKBACK_MS).toISOString();
    const day = until.slice(0, 10);
    let sent = 0;
    for (const userId of inbox.usersWithDigestCandidates(from, until)) {
      if (await this.sendOne(userId, day, from, until)) sent += 1;
    }
    if (sent > 0) this.logger.info({ day, sent }, 'daily digests sent');
    return sent;
  }

  private async sendOne(
    userId: string,
    day: string,
    from: string,
    until: string,
  ): Promise<boolean> {
    const { commands, queries, inbox, mailer, delivery, publicUrl } = this.options;
    const candidates = inbox.digestCandidates(userId, from, until);
    const email = queries.getUser(userId)?.email;
    if (candidates.length === 0 || !email) return false;
    const claim = await commands.execute({
      type: 'ClaimNotificationDigest',
      data: { userId, day, notificationIds: candidates.map((c) => c.notificationId) },
      meta: {
        commandId: derivedId(userId, `digest:${day}`),
        actor: null,
        now: new Date(this.now()).toISOString(),
      },
    });
    const claimed = claim.events.find((e) => e.type === 'NotificationDigestClaimed');
    if (claim.duplicate || !claimed || claimed.type !== 'NotificationDigestClaimed') return false;
    const ids = new Set(claimed.data.notificationIds);
    const notices = candidates.filter((c) => ids.has(c.notificationId));
    inbox.markDigested([...ids]);
    const mail = composeDigest(
      notices.map((n) => delivery.describe({ kind: n.kind, payload: n.payload })),
      { language: delivery.languageOf(userId), publicUrl },
    );
    mailer.post({ to: email, ...mail }, 'digest');
    return true;
  }
}
