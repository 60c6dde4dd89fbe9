// The catch-up driver against a stand-in for the client's subscription: a Transform that, like
// the client's, emits 'confirmation' and 'caughtUp' as the server's messages pass through it.
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { UnavailableError } from '@eventstore/db-client';
import { describe, expect, it, vi } from 'vitest';
import { StoreUnavailable } from '../errors.js';
import type { RecordedEvent, SubscriptionHandlers } from '../port.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import type { HistoryEnd } from './catch-up-subscription.js';
import { toPortError } from './esdb-errors.js';

type Message =
  { event: number } | { confirmation: true } | { caughtUp: true } | { checkpoint: bigint };

/** Items are revisions; a negative one stands for a system event the port skips. */
class FakeSubscription extends Transform {
  unsubscribed = false;
  onCheckpoint: ((position: bigint) => void) | undefined;

  constructor() {
    super({ objectMode: true });
  }

  override _transform(message: Message, _encoding: string, next: TransformCallback): void {
    if ('confirmation' in message) this.emit('confirmation');
    if ('caughtUp' in message) this.emit('caughtUp');
    if ('checkpoint' in message) this.onCheckpoint?.(message.checkpoint);
    if ('event' in message) return next(null, message.event);
    next();
  }

  send(...messages: Message[]): void {
    for (const message of messages) this.write(message);
  }

  unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    return Promise.resolve();
  }
}

function portEvent(revision: number): RecordedEvent {
  return {
    streamId: 'document-1',
    revision: BigInt(revision),
    position: undefined,
    id: `id-${revision}`,
    type: 'Edited',
    data: {},
    isJson: true,
    metadata: {},
    created: new Date(0),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function subscribe(
  historyEnd: HistoryEnd | Promise<HistoryEnd> = { kind: 'unknown' },
  handlerDelayMs = 0,
) {
  const log: string[] = [];
  const errors: Error[] = [];
  let running = 0;
  let maxRunning = 0;
  const handlers: SubscriptionHandlers = {
    async onEvent(event) {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      if (handlerDelayMs > 0) await sleep(handlerDelayMs);
      log.push(`e${event.revision}`);
      running -= 1;
    },
    onCaughtUp: () => log.push('caughtUp'),
    onError: (error) => errors.push(error),
  };
  const stopped = vi.fn();
  const subscription = new CatchUpSubscription<number>(handlers, {
    toEvent: (revision) => (revision < 0 ? undefined : portEvent(revision)),
    progressOf: (revision) => (revision < 0 ? undefined : BigInt(revision)),
    mapError: (error) => toPortError(error) as Error,
    unsubscribeTimeoutMs: 1_000,
    onStopped: stopped,
  });
  const source = new FakeSubscription();
  source.onCheckpoint = (position) => subscription.checkpoint(position);
  subscription.start(source, Promise.resolve(historyEnd));
  return { subscription, source, log, errors, stopped, maxRunning: () => maxRunning };
}

describe('CatchUpSubscription', () => {
  it('delivers events in order, one handler call at a time', async () => {
    const { source, log, maxRunning } = subscribe({ kind: 'unknown' }, 2);

    source.send({ confirmation: true }, ...[0, 1, 2, 3, 4].map((event) => ({ event })));

    await vi.waitFor(() => expect(log).toHaveLength(5));
    expect(log).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(maxRunning()).toBe(1);
  });

  it("calls onCaughtUp after the history the server's CaughtUp followed, not when it arrives", async () => {
    const { subscription, source, log } = subscribe({ kind: 'unknown' }, 3);

    // Everything arrives at once while the slow handler is still on the first event.
    source.send(
      { confirmation: true },
      ...[0, 1, 2, 3, 4].map((event) => ({ event })),
      { caughtUp: true },
      { event: 5 },
      { event: 6 },
    );
    await subscription.caughtUp;

    expect(log).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'caughtUp']);
    await vi.waitFor(() => expect(log).toHaveLength(8));
    expect(log.slice(6)).toEqual(['e5', 'e6']);
  });

  it('calls onCaughtUp once only, though the server may say so again', async () => {
    const { source, log } = subscribe();

    source.send({ confirmation: true }, { caughtUp: true }, { event: 0 }, { caughtUp: true });

    await vi.waitFor(() => expect(log).toEqual(['caughtUp', 'e0']));
    await sleep(10);
    expect(log).toEqual(['caughtUp', 'e0']);
  });

  describe('without a CaughtUp message (servers before 23.10)', () => {
    it('is caught up once the event that ended history has been handled', async () => {
      const { subscription, source, log } = subscribe({ kind: 'at', point: 3n }, 1);

      source.send({ confirmation: true }, ...[0, 1, 2, 3, 4].map((event) => ({ event })));
      await subscription.caughtUp;

      expect(log).toEqual(['e0', 'e1', 'e2', 'e3', 'caughtUp']);
    });

    it('counts skipped system events as progress', async () => {
      const { subscription, source, log } = subscribe({ kind: 'at', point: 1n });

      source.send({ confirmation: true }, { event: 0 }, { event: 1 }, { event: -1 });
      await subscription.caughtUp;

      expect(log).toEqual(['e0', 'e1', 'caughtUp']);
    });

    it('is caught up at a filter checkpoint past the end, after what came before it', async () => {
      const { subscription, source, log } = subscribe({ kind: 'at', point: 100n }, 2);

      source.send({ confirmation: true }, { event: 10 }, { event: 20 }, { checkpoint: 100n });
      await subscription.caughtUp;

      expect(log).toEqual(['e10', 'e20', 'caughtUp']);
    });

    it('with nothing behind, waits for the server to confirm the subscription', async () => {
      const { subscription, source, log } = subscribe({ kind: 'nothing_behind' });
      await sleep(10);
      expect(log).toEqual([]);

      source.send({ confirmation: true });
      await subscription.caughtUp;

      expect(log).toEqual(['caughtUp']);
    });

    it('works out history when the end is known only after events were handled', async () => {
      let resolveEnd!: (end: HistoryEnd) => void;
      const end = new Promise<HistoryEnd>((resolve) => (resolveEnd = resolve));
      const { subscription, source, log } = subscribe(end);

      source.send({ confirmation: true }, { event: 0 }, { event: 1 });
      await vi.waitFor(() => expect(log).toEqual(['e0', 'e1']));
      resolveEnd({ kind: 'at', point: 1n });
      await subscription.caughtUp;

      expect(log).toEqual(['e0', 'e1', 'caughtUp']);
    });
  });

  it('close() stops delivery, unsubscribes and resolves', async () => {
    const { subscription, source, log, errors, stopped } = subscribe();
    source.send({ confirmation: true }, { event: 0 });
    await vi.waitFor(() => expect(log).toEqual(['e0']));

    await subscription.close();
    source.write({ event: 1 });
    await sleep(10);

    expect(log).toEqual(['e0']);
    expect(source.unsubscribed).toBe(true);
    expect(source.destroyed).toBe(true);
    expect(errors).toEqual([]);
    expect(stopped).toHaveBeenCalledOnce();
    await expect(subscription.caughtUp).rejects.toThrow('closed before it caught up');
    await subscription.close();
  });

  it('makes no handler call once close() was called, even mid-handler', async () => {
    const { subscription, source, log } = subscribe({ kind: 'unknown' }, 20);
    source.send({ confirmation: true }, { event: 0 }, { event: 1 }, { caughtUp: true });
    await sleep(5);

    await subscription.close();
    await sleep(60);

    expect(log).toEqual(['e0']);
  });

  it('reports a drop as the mapped error and rejects caughtUp', async () => {
    const { subscription, source, errors, stopped } = subscribe();

    source.send({ confirmation: true });
    source.destroy(new UnavailableError());

    await expect(subscription.caughtUp).rejects.toBeInstanceOf(StoreUnavailable);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StoreUnavailable);
    expect(stopped).toHaveBeenCalledOnce();
    expect(source.unsubscribed).toBe(true);
  });

  it('reports the end of the stream by the server as a drop', async () => {
    const { source, errors } = subscribe();

    source.end();

    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toBeInstanceOf(StoreUnavailable);
  });

  it('stops and reports the error when a handler throws', async () => {
    const failure = new Error('projection bug');
    const log: string[] = [];
    const onError = vi.fn();
    const subscription = new CatchUpSubscription<number>(
      {
        onEvent(event) {
          log.push(`e${event.revision}`);
          if (event.revision === 1n) throw failure;
        },
        onError,
      },
      {
        toEvent: portEvent,
        progressOf: BigInt,
        mapError: (error) => error as Error,
        unsubscribeTimeoutMs: 1_000,
      },
    );
    const source = new FakeSubscription();
    subscription.start(source, Promise.resolve({ kind: 'unknown' }));

    source.send({ confirmation: true }, { event: 0 }, { event: 1 }, { event: 2 });

    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(failure));
    await sleep(10);
    expect(log).toEqual(['e0', 'e1']);
    expect(source.unsubscribed).toBe(true);
  });
});
