/**
 * Opens catch-up subscriptions on a stream and on `$all` through the client and hands them to
 * the driver (catch-up-subscription.ts), with what it needs: which events the port shows, how
 * far history reached when the subscription started, and the error mapping.
 */
import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import type {
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
  SubscriptionHandlers,
} from '../port.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import type { HistoryEnd } from './catch-up-subscription.js';
import type { EsdbClient } from './esdb-client.js';
import { toClientReadPosition, toClientReadRevision } from './esdb-conversions.js';
import { toPortError } from './esdb-errors.js';
import type { ErrorContext } from './esdb-errors.js';
import {
  commitPositionOf,
  deliverableEvent,
  matchesFilter,
  toClientFilter,
  toPortEvent,
} from './esdb-events.js';
import type { EsdbReader } from './esdb-reader.js';

export interface SubscriptionContext {
  client: EsdbClient;
  reader: EsdbReader;
  deadlineMs: number;
  /** Open subscriptions, so closing the store can stop them; each removes itself on stopping. */
  open: Set<Subscription>;
}

export function subscribeToStream(
  context: SubscriptionContext,
  stream: string,
  handlers: SubscriptionHandlers,
  options: SubscribeToStreamOptions = {},
): Subscription {
  const from = options.from ?? 'start';
  const subscription: CatchUpSubscription<ResolvedEvent> = new CatchUpSubscription<ResolvedEvent>(
    handlers,
    {
      toEvent: (resolved) => {
        const event = deliverableEvent(resolved);
        return event === undefined ? undefined : toPortEvent(event);
      },
      progressOf: (resolved) => resolved.event?.revision,
      mapError: mapErrorWith({ stream }),
      unsubscribeTimeoutMs: context.deadlineMs,
      onStopped: () => context.open.delete(subscription),
    },
  );
  context.open.add(subscription);
  const source = openOrStop(subscription, () =>
    context.client.subscribeToStream(stream, {
      fromRevision: toClientReadRevision(from),
      deadline: context.deadlineMs,
    }),
  );
  subscription.start(source, streamHistoryEnd(context.reader, stream, from));
  return subscription;
}

export function subscribeToAll(
  context: SubscriptionContext,
  handlers: SubscriptionHandlers,
  options: SubscribeToAllOptions = {},
): Subscription {
  const from = options.from ?? 'start';
  const filter = options.filter;
  const subscription: CatchUpSubscription<AllStreamResolvedEvent> =
    new CatchUpSubscription<AllStreamResolvedEvent>(handlers, {
      toEvent: (resolved) => {
        const event = deliverableEvent(resolved);
        if (event === undefined || !matchesFilter(event, filter)) return undefined;
        return toPortEvent(event, commitPositionOf(resolved));
      },
      progressOf: commitPositionOf,
      mapError: mapErrorWith({}),
      unsubscribeTimeoutMs: context.deadlineMs,
      onStopped: () => context.open.delete(subscription),
    });
  context.open.add(subscription);
  // An empty prefix list matches nothing here; the server is not asked to interpret it.
  const serverFilter =
    filter !== undefined && filter.prefixes.length > 0
      ? toClientFilter(filter, (position) => subscription.checkpoint(position.commit))
      : undefined;
  const source = openOrStop(subscription, () =>
    context.client.subscribeToAll({
      fromPosition: toClientReadPosition(from),
      ...(serverFilter === undefined ? {} : { filter: serverFilter }),
      deadline: context.deadlineMs,
    }),
  );
  subscription.start(source, allHistoryEnd(context.reader, from));
  return subscription;
}

/** Opens the client's subscription; if that throws, the driver is stopped and forgotten. */
function openOrStop<Source>(subscription: Subscription, open: () => Source): Source {
  try {
    return open();
  } catch (error) {
    void subscription.close();
    throw toPortError(error);
  }
}

function mapErrorWith(context: ErrorContext): (error: unknown) => Error {
  return (error) => {
    const mapped = toPortError(error, context);
    return mapped instanceof Error ? mapped : new Error(String(mapped));
  };
}

/** The fallback's end of history for servers without CaughtUp; a failed look-up is unknown. */
async function streamHistoryEnd(
  reader: EsdbReader,
  stream: string,
  from: 'start' | 'end' | bigint,
): Promise<HistoryEnd> {
  if (from === 'end') return { kind: 'nothing_behind' };
  const last = await reader.lastRevision(stream);
  if (last === 'no_stream' || (typeof from === 'bigint' && last <= from)) {
    return { kind: 'nothing_behind' };
  }
  return { kind: 'at', point: last };
}

async function allHistoryEnd(
  reader: EsdbReader,
  from: 'start' | 'end' | bigint,
): Promise<HistoryEnd> {
  if (from === 'end') return { kind: 'nothing_behind' };
  const last = await reader.endOfAll();
  if (last === undefined || (typeof from === 'bigint' && last <= from)) {
    return { kind: 'nothing_behind' };
  }
  return { kind: 'at', point: last };
}
