/**
 * Runs one piece of cross-stream work for every matching event of the log, until it is done.
 * A reactor subscribes to `$all` after its checkpoint and hands each event to its work, in log
 * order. Work that fails is retried in the background with a growing delay while later events
 * carry on; after a few attempts (or a while) it is reported stuck, as a metric and an error log
 * that name what is stuck, and it keeps being retried. The checkpoint never passes unfinished
 * work, so after a restart everything unfinished is delivered again; the work itself must
 * recognise what it already did (it is idempotent by event), since the checkpoint lags a little.
 *
 *   const reactor = new Reactor({ store, checkpoints, work, logger, metrics });
 *   await reactor.start();                         // history delivered, first attempts made
 *   await reactor.whenFinished(position, 5_000);   // true once that event's work is done
 */
import {
  lastPosition,
  type EventFilter,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '../../eventstore/port.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { CheckpointStore } from '../ports.js';

export interface ReactorWork {
  /** Stable name: the checkpoint's key, the metrics' label, the logs' `reactor` field. */
  name: string;
  /** The events the work is about (the store filters them, so the rest never arrive). */
  filter: EventFilter;
  /**
   * Finishes the work for one event. Must be idempotent: an event whose work is already done
   * (delivered again after a restart) must change nothing.
   */
  handle(event: RecordedEvent): Promise<void>;
  /** Log fields that name what the event is about, e.g. `{ amendmentId }`. */
  describe(event: RecordedEvent): Record<string, unknown>;
}

export interface RetryPolicy {
  /** Delay before the first retry; doubled after every failure up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Reported stuck after this many failed attempts… */
  stuckAfterAttempts: number;
  /** …or once the first failure is this old, whichever comes first. */
  stuckAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  firstDelayMs: 200,
  maxDelayMs: 60_000,
  stuckAfterAttempts: 5,
  stuckAfterMs: 60_000,
};

export interface ReactorOptions {
  store: EventStore;
  checkpoints: CheckpointStore;
  work: ReactorWork;
  logger: Logger;
  metrics?: Pick<Metrics, 'reactorStuck' | 'reactorFailures'>;
  retry?: Partial<RetryPolicy>;
}

interface Unfinished {
  event: RecordedEvent;
  attempts: number;
  firstFailure: number;
  stuck: boolean;
  timer?: NodeJS.Timeout;
}

export class Reactor {
  private subscription: Subscription | undefined;
  /** Position of the last event delivered (finished or in `unfinished`). */
  private delivered: bigint | undefined;
  private saved: bigint | undefined;
  private readonly unfinished = new Map<bigint, Unfinished>();
  private readonly waiters = new Map<bigint, Set<() => void>>();
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private stopped = false;

  constructor(private readonly options: ReactorOptions) {
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.logger = options.logger.child({ reactor: options.work.name });
  }

  /** Events whose work has failed so far and is being retried. */
  get backlog(): number {
    return this.unfinished.size;
  }

  /** The events whose work is not done yet (being retried, or in its first attempt). */
  unfinishedEvents(): RecordedEvent[] {
    return [...this.unfinished.values()].map((item) => item.event);
  }

  /** Subscribes after the checkpoint; resolves once the history has been delivered. */
  async start(): Promise<void> {
    // Operators see the reactor at 0 from the start, not only once something is stuck.
    this.options.metrics?.reactorStuck.inc({ reactor: this.options.work.name }, 0);
    this.options.metrics?.reactorFailures.inc({ reactor: this.options.work.name }, 0);
    this.saved = this.options.checkpoints.load(this.options.work.name);
    this.delivered = this.saved;
    // The log's end before subscribing. Once caught up, every event up to it was delivered or
    // is not this reactor's (the filter skipped it), so the checkpoint may move past the ones
    // skipped; otherwise it stays at the last event handled, and each start would scan again
    // every text update since then (50 ms more per 30,000 of them, measured).
    const head = await lastPosition(this.options.store);
    this.subscribe();
    await this.subscription!.caughtUp;
    if (head !== undefined && (this.delivered === undefined || head > this.delivered)) {
      this.delivered = head;
      this.advanceCheckpoint();
    }
  }

  /**
   * Resolves true once the work for the event at `position` is done, false if it is not done
   * within `timeoutMs` (it is still retried; the caller just stops waiting).
   */
  whenFinished(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.isFinished(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiters = this.waiters.get(position) ?? new Set();
      this.waiters.set(position, waiters);
      const done = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        waiters.delete(done);
        if (waiters.size === 0) this.waiters.delete(position);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      waiters.add(done);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const item of this.unfinished.values()) clearTimeout(item.timer);
    await this.subscription?.close();
    this.subscription = undefined;
  }

  private isFinished(position: bigint): boolean {
    return (
      this.delivered !== undefined && position <= this.delivered && !this.unfinished.has(position)
    );
  }

  private subscribe(): void {
    const { store, work } = this.options;
    this.subscription = store.subscribeToAll(
      {
        onEvent: (event) => this.deliver(event),
        onError: (error) => {
          if (this.stopped) return;
          this.logger.error({ err: error }, 'reactor subscription dropped; resubscribing in 1 s');
          setTimeout(() => {
            if (!this.stopped) this.subscribe();
          }, 1000).unref();
        },
      },
      { from: this.saved ?? 'start', filter: work.filter },
    );
  }

  /** The first attempt runs in line, so healthy work is done in log order. */
  private async deliver(event: RecordedEvent): Promise<void> {
    const position = event.position!;
    // A resubscription delivers again what this run already has (done or being retried).
    if (this.delivered !== undefined && position <= this.delivered) return;
    this.delivered = position;
    const item: Unfinished = { event, attempts: 0, firstFailure: 0, stuck: false };
    this.unfinished.set(position, item);
    if (!(await this.attempt(item))) this.scheduleRetry(item);
    this.advanceCheckpoint();
  }

  private async attempt(item: Unfinished): Promise<boolean> {
    const { work, metrics } = this.options;
    const position = item.event.position!;
    try {
      await work.handle(item.event);
    } catch (error) {
      item.attempts += 1;
      if (item.attempts === 1) item.firstFailure = Date.now();
      metrics?.reactorFailures.inc({ reactor: work.name });
      const about = { ...work.describe(item.event), position: position.toString() };
      this.logger.warn({ ...about, attempts: item.attempts, err: error }, 'reactor work failed');
      const overdue = Date.now() - item.firstFailure >= this.retry.stuckAfterMs;
      if (!item.stuck && (item.attempts >= this.retry.stuckAfterAttempts || overdue)) {
        item.stuck = true;
        metrics?.reactorStuck.inc({ reactor: work.name });
        this.logger.error(
          { ...about, attempts: item.attempts, err: error },
          'reactor work is stuck: still retrying, needs an operator if it does not clear',
        );
      }
      return false;
    }
    this.unfinished.delete(position);
    // Saved before anyone waiting is told, so "finished" always means "survives a restart".
    this.advanceCheckpoint();
    if (item.stuck) {
      metrics?.reactorStuck.dec({ reactor: work.name });
      this.logger.info(
        { ...work.describe(item.event), attempts: item.attempts + 1 },
        'stuck reactor work finished',
      );
    }
    for (const resolve of this.waiters.get(position) ?? []) resolve();
    this.waiters.delete(position);
    return true;
  }

  private scheduleRetry(item: Unfinished): void {
    if (this.stopped) return;
    const delay = Math.min(
      this.retry.maxDelayMs,
      this.retry.firstDelayMs * 2 ** Math.max(0, item.attempts - 1),
    );
    item.timer = setTimeout(() => {
      if (this.stopped) return;
      void this.attempt(item).then((finished) => {
        if (!finished) this.scheduleRetry(item);
      });
    }, delay);
    item.timer.unref();
  }

  /** Up to just before the oldest unfinished event, or everything delivered when none is. */
  private advanceCheckpoint(): void {
    let oldest: bigint | undefined;
    for (const position of this.unfinished.keys()) {
      if (oldest === undefined || position < oldest) oldest = position;
    }
    const reached = oldest === undefined ? this.delivered : oldest - 1n;
    if (reached === undefined || reached === this.saved) return;
    if (this.saved !== undefined && reached < this.saved) return;
    this.options.checkpoints.save(this.options.work.name, reached);
    this.saved = reached;
  }
}
