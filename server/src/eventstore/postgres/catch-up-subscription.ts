// A catch-up subscription on PostgreSQL: delivers history page by page, then live events. It
// always reads the store after the last delivered cursor; a commit notification (LISTEN/NOTIFY
// or an append made by this process) only tells it to look again, and a timer makes it look
// anyway now and then, in case a notification was lost with its connection.
import type { Subscription, SubscriptionHandlers } from '../port.js';
import type { PageSource } from './reads.js';

export interface CatchUpOptions {
  /** Exclusive start (a revision or a position), or how to find it when delivery begins. */
  from: bigint | (() => Promise<bigint>);
  /** Resolves when commit notifications are being listened for (failures are ignored). */
  listening: Promise<void>;
  /** Longest wait between two reads while live. */
  pollIntervalMs: number;
  /** Told once when the subscription stops, for whatever reason. */
  onStop: (subscription: PostgresCatchUpSubscription) => void;
}

export class PostgresCatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp: () => void = () => undefined;
  private rejectCaughtUp: (error: Error) => void = () => undefined;
  private isCaughtUp = false;
  private stopped = false;
  /** Set by every notification; cleared just before each read, so none goes unseen. */
  private commitSeen = false;
  private wake: (() => void) | undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly source: PageSource,
    private readonly handlers: SubscriptionHandlers,
    private readonly options: CatchUpOptions,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // Nobody has to await caughtUp; a subscription closed early must not be an unhandled rejection.
    this.caughtUp.catch(() => undefined);
    this.finished = this.run();
  }

  /** Something may have been committed: read again. */
  notifyCommit(): void {
    this.commitSeen = true;
    this.wakeUp();
  }

  /**
   * Stops delivery and resolves once the handler call in progress (if any) has settled: after
   * that no handler is called again. Awaiting it inside onEvent would wait for itself.
   */
  close(): Promise<void> {
    this.stop(new Error('The subscription was closed before it caught up'));
    return this.finished;
  }

  private async run(): Promise<void> {
    try {
      // Listening before the first read means no commit after that read goes unnoticed.
      await this.options.listening.catch(() => undefined);
      const from = this.options.from;
      let cursor = typeof from === 'bigint' ? from : await from();
      while (!this.stopped) {
        this.commitSeen = false;
        const page = await this.source.next(cursor);
        for (const event of page.events) {
          if (this.stopped) return;
          await this.handlers.onEvent(event);
        }
        cursor = page.cursor;
        if (!page.exhausted) continue;
        if (!this.isCaughtUp && !this.stopped) {
          this.isCaughtUp = true;
          this.resolveCaughtUp();
          this.handlers.onCaughtUp?.();
        }
        if (!this.commitSeen && !this.stopped) await this.sleep();
      }
    } catch (thrown) {
      if (this.stopped) return;
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      this.stop(error);
      this.handlers.onError?.(error);
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wakeUp(), this.options.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.isCaughtUp) this.rejectCaughtUp(reason);
    this.options.onStop(this);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
