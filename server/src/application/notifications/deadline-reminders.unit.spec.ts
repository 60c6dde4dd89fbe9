// Deadline reminders follow the log through a subscription; when the store drops it (a
// PostgreSQL restart, say) they subscribe again, from the start, until stopped.
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  EventStore,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionHandlers,
} from '../../eventstore/port.js';
import { DeadlineReminders } from './deadline-reminders.js';
import type { Delivery } from './deliver.js';

/** A store that only hands out subscriptions, and lets the test drop them. */
function droppingStore() {
  const subscribed: { handlers: SubscriptionHandlers; options?: SubscribeToAllOptions }[] = [];
  const store: Pick<EventStore, 'subscribeToAll'> = {
    subscribeToAll(handlers, options): Subscription {
      subscribed.push({ handlers, ...(options ? { options } : {}) });
      return { close: () => Promise.resolve(), caughtUp: Promise.resolve() };
    },
  };
  return { store: store as EventStore, subscribed };
}

function reminders(store: EventStore): DeadlineReminders {
  return new DeadlineReminders({
    store,
    // No deadline is set in these cases, so nothing is ever delivered.
    delivery: { deliver: () => Promise.resolve() } as unknown as Delivery,
    leadMs: 60_000,
    logger: pino({ level: 'silent' }),
    waitForReadModels: () => Promise.resolve(),
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('deadline reminders', () => {
  it('subscribe again from the start when the store drops their subscription', async () => {
    vi.useFakeTimers();
    const { store, subscribed } = droppingStore();
    const subject = reminders(store);
    await subject.start();
    expect(subscribed).toHaveLength(1);

    subscribed[0]!.handlers.onError?.(new Error('the database system is shutting down'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(subscribed).toHaveLength(2);
    expect(subscribed[1]!.options?.from).toBe('start');

    // Stopped, a drop is not followed by another subscription.
    await subject.stop();
    subscribed[1]!.handlers.onError?.(new Error('gone'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(subscribed).toHaveLength(2);
  });
});
