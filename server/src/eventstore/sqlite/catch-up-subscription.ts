// A catch-up subscription: delivers history page by page, then live events. It always reads the
// store after the last delivered cursor; a commit only tells it to look again. Delivering from
// the commit's payload instead is how gaps and duplicates creep in at the switch to live.
import type { Subscription, SubscriptionHandlers } from '../port.js';
import { yieldToEventLoop } from './event-loop.js';
import type { CommitChanges, PageSource } from './reads.js';

export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp: () => void = () => undefined;
  private rejectCaughtUp: (error: Error) => void = () => undefined;
  private isCaughtUp = false;
  private stopped = false;
  /** Set by every commit; cleared just before each query, so no commit goes unseen. */
  private commitSeen = false;
  private wake: (() => void) | undefined;
  private readonly finished: Promise<void>;

  /**
   * @param cursor exclusive start: a revision or a position, depending on the source
   * @param onStop told once when the subscription stops, for whatever reason
   */
  constructor(
    private readonly source: PageSource,
    private cursor: bigint,
    private readonly handlers: SubscriptionHandlers,
    private readonly onStop: (subscription: CatchUpSubscription) => void,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // Nobody has to await caughtUp; a subscription closed early must not be an unhandled rejection.
    this.caughtUp.catch(() => undefined);
    this.finished = this.run();
  }

  /** The store calls this after each commit, with what it changed. */
  notifyCommit(changed: CommitChanges): void {
    if (!this.source.concerns(changed)) return;
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
    // subscribe() returns before the first delivery, so handlers can refer to the subscription.
    await Promise.resolve();
    try {
      while (!this.stopped) {
        this.commitSeen = false;
        const page = this.source.next(this.cursor);
        for (const event of page.events) {
          if (this.stopped) return;
          await this.handlers.onEvent(event);
        }
        this.cursor = page.cursor;
        if (!page.exhausted) {
          await yieldToEventLoop();
          continue;
        }
        if (!this.isCaughtUp && !this.stopped) {
          this.isCaughtUp = true;
          this.resolveCaughtUp();
          this.handlers.onCaughtUp?.();
        }
        if (!this.commitSeen && !this.stopped) {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } catch (thrown) {
      if (this.stopped) return;
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      this.stop(error);
      this.handlers.onError?.(error);
    }
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.isCaughtUp) this.rejectCaughtUp(reason);
    this.onStop(this);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
