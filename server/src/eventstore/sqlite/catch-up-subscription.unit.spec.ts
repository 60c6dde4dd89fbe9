// A commit wakes a subscription only when it may add to what the subscription reads: text
// updates are committed many times a second and must not send every filtered reader to SQLite.
import { describe, expect, it } from 'vitest';
import type { EventFilter } from '../port.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { openSqliteEventStore } from './sqlite-event-store.js';
import { allPages, type CommitChanges, type PageSource, type ReadContext } from './reads.js';

/** Wraps a source to count how often it is asked for a page. */
function counting(source: PageSource): PageSource & { reads: number } {
  const counted = {
    reads: 0,
    concerns: (changed: CommitChanges) => source.concerns(changed),
    next: (cursor: bigint) => {
      counted.reads += 1;
      return source.next(cursor);
    },
  };
  return counted;
}

/** A source with nothing to read, deciding like a $all source with this filter. */
function emptyAll(filter: EventFilter | undefined): PageSource & { reads: number } {
  const never = () => {
    throw new Error('not read in this test');
  };
  const ctx = { queries: {}, pageSize: 10, scanWindow: 100n, now: () => new Date(), guard: never };
  const decide = allPages(ctx as unknown as ReadContext, filter);
  return counting({
    concerns: decide.concerns,
    next: (cursor) => ({ events: [], cursor, exhausted: true }),
  });
}

const commit = (streams: string[], types: string[]): CommitChanges => ({
  streams: new Set(streams),
  types: new Set(types),
});
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function wakesFor(source: PageSource & { reads: number }, changed: CommitChanges) {
  const subscription = new CatchUpSubscription(source, 0n, { onEvent: () => undefined }, () => {});
  await subscription.caughtUp;
  const before = source.reads;
  subscription.notifyCommit(changed);
  await settle();
  await subscription.close();
  return source.reads > before;
}

describe('waking a catch-up subscription', () => {
  const textUpdate = commit(['doctext-a'], ['TextUpdated']);

  it('given a filter by stream categories, when only text streams are committed, it does not read', async () => {
    const filter: EventFilter = { on: 'streamName', prefixes: ['negotiation-', 'document-'] };
    expect(await wakesFor(emptyAll(filter), textUpdate)).toBe(false);
    expect(await wakesFor(emptyAll(filter), commit(['document-1'], ['DocumentCreated']))).toBe(
      true,
    );
  });

  it('given a filter by event types, it reads only when a commit wrote such a type', async () => {
    const filter: EventFilter = { on: 'eventType', prefixes: ['Deadline'] };
    expect(await wakesFor(emptyAll(filter), textUpdate)).toBe(false);
    expect(await wakesFor(emptyAll(filter), commit(['process-1'], ['DeadlineSet']))).toBe(true);
  });

  it('given no filter, any commit that wrote events wakes it, and a metadata change alone does not', async () => {
    expect(await wakesFor(emptyAll(undefined), textUpdate)).toBe(true);
    expect(await wakesFor(emptyAll(undefined), commit(['doctextsnapshot-a'], []))).toBe(false);
  });

  it('given a real store, a type-filtered subscription still receives its events between text commits', async () => {
    const store = openSqliteEventStore({ file: ':memory:' });
    const seen: string[] = [];
    const subscription = store.subscribeToAll(
      { onEvent: (event) => void seen.push(event.type) },
      { filter: { on: 'eventType', prefixes: ['Deadline'] } },
    );
    await subscription.caughtUp;
    const event = (type: string) => [{ id: crypto.randomUUID(), type, data: {} }];
    for (let i = 0; i < 20; i += 1) await store.appendToStream('doctext-a', event('TextUpdated'));
    await store.appendToStream('process-1', event('DeadlineSet'));
    for (let i = 0; i < 20; i += 1) await store.appendToStream('doctext-a', event('TextUpdated'));
    await store.appendToStream('process-1', event('DeadlineCleared'));
    await settle();
    expect(seen).toEqual(['DeadlineSet', 'DeadlineCleared']);
    await subscription.close();
    await store.close();
  });
});
