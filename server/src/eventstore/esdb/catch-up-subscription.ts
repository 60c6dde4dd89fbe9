/**
 * Drives one of the client's catch-up subscriptions into the port's handlers: one event at a
 * time (`for await` reads the next only once the handler has settled, which backpressures the
 * gRPC stream), `caughtUp` at its place in the sequence, and one stop for close or failure.
 *
 * Caught up comes from the server's CaughtUp message (servers >= 23.10) or, for older servers,
 * from a look-up of where history ended when the subscription started.
 */
import { StoreUnavailable } from '../errors.js';
import type { RecordedEvent, Subscription, SubscriptionHandlers } from '../port.js';
import { withDeadline } from './deadline.js';

/** What the driver uses of the client's StreamSubscription / AllStreamSubscription. */
export interface CatchUpSource<Item> extends AsyncIterable<Item> {
  /** Items the client has received but the iterator has not handed out yet. */
  readonly readableLength: number;
  on(event: 'caughtUp', listener: () => void): unknown;
  on(event: 'confirmation', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
  destroy(): unknown;
}

/**
 * Where history ended when the subscription started: nothing to catch up on, the revision or
 * position of the last event, or unknown (then only the server's CaughtUp counts).
 */
export type HistoryEnd =
  { kind: 'nothing_behind' } | { kind: 'at'; point: bigint } | { kind: 'unknown' };

export interface CatchUpOptions<Item> {
  /** The port event for an item, or undefined to skip it (system events, links). */
  toEvent(item: Item): RecordedEvent | undefined;
  /** The item's revision (stream) or commit position ($all), compared with HistoryEnd. */
  progressOf(item: Item): bigint | undefined;
  /** The adapter's error mapping, for failures of the store. */
  mapError(error: unknown): Error;
  unsubscribeTimeoutMs: number;
  /** Called once when the subscription stops, by close() or by failure. */
  onStopped?(): void;
}

/**
 * Something that must happen after the items the client had already received when it
 * arrived: a CaughtUp message, or a filter checkpoint at a position.
 */
interface Marker {
  /** How many items must have been handled before the marker counts. */
  target: number;
  caughtUp: boolean;
  progress?: bigint;
}

export class CatchUpSubscription<Item> implements Subscription {
  readonly caughtUp: Promise<void>;
  #resolveCaughtUp!: () => void;
  #rejectCaughtUp!: (error: Error) => void;
  #isCaughtUp = false;
  #serverCaughtUp = false;

  #source: CatchUpSource<Item> | undefined;
  /** Closed or failed: no handler is called any more. */
  #stopped = false;
  #released: Promise<void> | undefined;

  #received = 0;
  #handled = 0;
  #inHandler = false;
  #confirmed = false;
  #historyEnd: HistoryEnd | undefined;
  #progress: bigint | undefined;
  readonly #markers: Marker[] = [];

  constructor(
    private readonly handlers: SubscriptionHandlers,
    private readonly options: CatchUpOptions<Item>,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.#resolveCaughtUp = resolve;
      this.#rejectCaughtUp = reject;
    });
    // A dropped subscription rejects caughtUp; nobody has to be waiting for it.
    this.caughtUp.catch(() => undefined);
  }

  /** Starts delivery from `source`; `historyEnd` feeds the fallback for older servers. */
  start(source: CatchUpSource<Item>, historyEnd: Promise<HistoryEnd>): void {
    this.#source = source;
    // The subscription's starting point is fixed once the server confirms it; before that an
    // event appended by whoever awaited caughtUp could fall before the start of an `end` one.
    source.on('confirmation', () => {
      this.#confirmed = true;
      this.#evaluate();
    });
    source.on('caughtUp', () => this.#mark({ caughtUp: true }));
    historyEnd.then(
      (end) => {
        this.#historyEnd = end;
        this.#evaluate();
      },
      () => {
        this.#historyEnd = { kind: 'unknown' };
      },
    );
    void this.#run(source);
  }

  /** A filtered `$all` subscription has searched up to `position` (server checkpoint). */
  checkpoint(position: bigint): void {
    this.#mark({ caughtUp: false, progress: position });
  }

  /** Stops delivery at once (no handler call starts after this) and cancels the gRPC call. */
  close(): Promise<void> {
    if (!this.#stopped && !this.#isCaughtUp) {
      this.#rejectCaughtUp(new Error('The subscription was closed before it caught up'));
    }
    this.#stop();
    return this.#release();
  }

  async #run(source: CatchUpSource<Item>): Promise<void> {
    try {
      for await (const item of source) {
        if (this.#stopped) return;
        this.#received += 1;
        const event = this.options.toEvent(item);
        if (event !== undefined) {
          this.#inHandler = true;
          try {
            await this.handlers.onEvent(event);
          } catch (handlerError) {
            // A subscriber that throws stops its subscription and hears about it, as it would
            // about a drop; skipping the event would silently lose it.
            return this.#fail(asError(handlerError));
          } finally {
            this.#inHandler = false;
          }
        }
        this.#handled += 1;
        this.#advance(this.options.progressOf(item));
        if (this.#stopped) return;
        this.#settleMarkers();
        this.#evaluate();
      }
      this.#fail(new StoreUnavailable('EventStoreDB ended the subscription'));
    } catch (error) {
      this.#fail(this.options.mapError(error));
    }
  }

  #mark(marker: Omit<Marker, 'target'>): void {
    if (this.#source === undefined || this.#stopped) return;
    // Everything received before the marker is either handed out already or still buffered.
    this.#markers.push({ ...marker, target: this.#received + this.#source.readableLength });
    this.#settleMarkers();
    this.#evaluate();
  }

  #settleMarkers(): void {
    while (this.#markers[0] !== undefined && this.#markers[0].target <= this.#handled) {
      const marker = this.#markers.shift()!;
      if (marker.caughtUp) this.#serverCaughtUp = true;
      this.#advance(marker.progress);
    }
  }

  #advance(progress: bigint | undefined): void {
    if (progress === undefined) return;
    if (this.#progress === undefined || progress > this.#progress) this.#progress = progress;
  }

  #evaluate(): void {
    if (this.#isCaughtUp || this.#stopped || this.#inHandler) return;
    if (!this.#serverCaughtUp && !this.#historyDelivered()) return;
    this.#isCaughtUp = true;
    this.#resolveCaughtUp();
    try {
      this.handlers.onCaughtUp?.();
    } catch (handlerError) {
      this.#fail(asError(handlerError));
    }
  }

  #historyDelivered(): boolean {
    const end = this.#historyEnd;
    if (!this.#confirmed || end === undefined) return false;
    if (end.kind === 'nothing_behind') return true;
    if (end.kind === 'unknown') return false;
    return this.#progress !== undefined && this.#progress >= end.point;
  }

  #fail(error: Error): void {
    if (this.#stopped) return;
    this.#stop();
    void this.#release();
    if (!this.#isCaughtUp) this.#rejectCaughtUp(error);
    try {
      this.handlers.onError?.(error);
    } catch {
      // The subscription is already stopped; a failing error handler has nobody to tell.
    }
  }

  #stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.options.onStopped?.();
  }

  /** Cancels the gRPC call (bounded: it may wait on a connection that never comes). */
  #release(): Promise<void> {
    if (this.#released === undefined) {
      const source = this.#source;
      this.#released =
        source === undefined
          ? Promise.resolve()
          : withDeadline(source.unsubscribe(), this.options.unsubscribeTimeoutMs, 'unsubscribe')
              .catch(() => undefined)
              .finally(() => {
                source.destroy();
              });
    }
    return this.#released;
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
