/**
 * "A deadline is approaching": follows every DeadlineSet and DeadlineCleared of the log (from
 * the start, so a restart re-arms them) and, a configured time before each deadline still set,
 * delivers a DeadlineApproaching notice. The notice's id is derived from the DeadlineSet event,
 * so a reminder fired again after a restart, or by another node, adds no entry and sends no
 * second e-mail. A deadline that has passed is not announced.
 */
import { parseStoredEvent, type DeadlineKind } from '@accord/shared';
import { derivedId } from '../../commands/event-ids.js';
import type { EventStore, RecordedEvent, Subscription } from '../../eventstore/port.js';
import type { Logger } from '../../observability/logger.js';
import type { Delivery } from './deliver.js';

const MAX_TIMER_MS = 2 ** 31 - 1;

interface Armed {
  timer: NodeJS.Timeout;
}

export interface DeadlineRemindersOptions {
  store: EventStore;
  delivery: Delivery;
  /** How long before the deadline the reminder goes out. */
  leadMs: number;
  logger: Logger;
  /** The read models must know the document before its members are told. */
  waitForReadModels(position: bigint): Promise<void>;
  now?: () => number;
}

export class DeadlineReminders {
  private readonly armed = new Map<string, Armed>();
  private subscription: Subscription | undefined;
  private stopped = false;
  private readonly now: () => number;
  private readonly logger: Logger;

  constructor(private readonly options: DeadlineRemindersOptions) {
    this.now = options.now ?? Date.now;
    this.logger = options.logger.child({ component: 'deadline-reminders' });
  }

  get scheduled(): number {
    return this.armed.size;
  }

  async start(): Promise<void> {
    await this.subscribe().caughtUp;
  }

  private subscribe(): Subscription {
    const subscription = this.options.store.subscribeToAll(
      {
        onEvent: (event) => this.follow(event),
        onError: (error) => {
          if (this.stopped) return;
          // The store went away (a PostgreSQL restart, say). Armed reminders keep their timers;
          // reading again from the start re-arms each deadline once, as `follow` replaces a
          // deadline's timer rather than adding one.
          this.logger.error({ err: error }, 'deadline subscription dropped; resubscribing in 1 s');
          setTimeout(() => {
            if (!this.stopped) this.subscribe();
          }, 1000).unref();
        },
      },
      { from: 'start', filter: { on: 'eventType', prefixes: ['DeadlineSet', 'DeadlineCleared'] } },
    );
    this.subscription = subscription;
    return subscription;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.armed.values()) clearTimeout(timer);
    this.armed.clear();
    await this.subscription?.close();
  }

  private follow(recorded: RecordedEvent): void {
    const event = parseStoredEvent(recorded);
    if (event.type !== 'DeadlineSet' && event.type !== 'DeadlineCleared') return;
    const key = `${event.data.documentId}:${event.data.kind}`;
    const previous = this.armed.get(key);
    if (previous) clearTimeout(previous.timer);
    this.armed.delete(key);
    if (event.type === 'DeadlineCleared') return;
    const deadline = Date.parse(event.data.deadline);
    if (deadline <= this.now()) return;
    this.arm(key, recorded, event.data.documentId, event.data.kind, event.data.deadline);
  }

  private arm(
    key: string,
    recorded: RecordedEvent,
    documentId: string,
    kind: DeadlineKind,
    deadline: string,
  ): void {
    if (this.stopped) return;
    const remindAt = Date.parse(deadline) - this.options.leadMs;
    const wait = Math.max(0, Math.min(remindAt - this.now(), MAX_TIMER_MS));
    const timer = setTimeout(() => {
      if (this.stopped || this.armed.get(key)?.timer !== timer) return;
      if (remindAt > this.now()) return this.arm(key, recorded, documentId, kind, deadline);
      this.armed.delete(key);
      void this.remind(recorded, documentId, kind, deadline);
    }, wait);
    timer.unref();
    this.armed.set(key, { timer });
  }

  private async remind(
    recorded: RecordedEvent,
    documentId: string,
    kind: DeadlineKind,
    deadline: string,
  ): Promise<void> {
    const position = recorded.position!;
    try {
      await this.options.waitForReadModels(position);
      await this.options.delivery.deliver(
        { type: 'DeadlineApproaching', data: { documentId, kind, deadline } },
        documentId,
        {
          sourceId: derivedId(recorded.id, 'approaching'),
          position,
          createdAt: new Date(this.now()).toISOString(),
        },
      );
    } catch (error) {
      // One reminder lost is better than a loop; the deadline itself still shows everywhere.
      this.logger.error({ err: error, documentId, kind }, 'could not send a deadline reminder');
    }
  }
}
