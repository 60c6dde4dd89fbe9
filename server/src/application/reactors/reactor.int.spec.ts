/**
 * The reactor runner on a real (in-memory) store: work in log order, failures retried while
 * later events carry on, a checkpoint that never passes unfinished work, and stuck work
 * reported until it clears.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import { openSqliteEventStore } from '../../eventstore/sqlite/sqlite-event-store.js';
import { createLogger } from '../../observability/logger.js';
import { createMetrics } from '../../observability/metrics.js';
import type { CheckpointStore } from '../ports.js';
import { Reactor, type ReactorWork } from './reactor.js';

const until = async (condition: () => boolean | Promise<boolean>, what: string) => {
  for (let i = 0; i < 200; i += 1) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting until ${what}`);
};

describe('Reactor', () => {
  let store: EventStore;
  const saved = new Map<string, bigint>();
  const checkpoints: CheckpointStore = {
    load: (name) => saved.get(name),
    save: (name, position) => void saved.set(name, position),
  };
  const reactors: Reactor[] = [];

  beforeEach(() => {
    store = openSqliteEventStore({ file: ':memory:' });
    saved.clear();
  });
  afterEach(async () => {
    for (const reactor of reactors.splice(0)) await reactor.stop();
    await store.close();
  });

  /** Work that records what it did and fails for the names in `failing`. */
  const work = (failing: Set<string>, done: string[]): ReactorWork => ({
    name: 'test',
    filter: { on: 'eventType', prefixes: ['Ping'] },
    describe: (event) => ({ name: (event.data as { name: string }).name }),
    handle(event: RecordedEvent) {
      const { name } = event.data as { name: string };
      if (failing.has(name)) return Promise.reject(new Error(`${name} fails`));
      if (!done.includes(name)) done.push(name);
      return Promise.resolve();
    },
  });
  const ping = async (name: string) =>
    (await store.appendToStream(`ping-${randomUUID()}`, [{ type: 'Ping', data: { name } }]))
      .position;
  const start = async (failing: Set<string>, done: string[]) => {
    const metrics = createMetrics();
    const reactor = new Reactor({
      store,
      checkpoints,
      work: work(failing, done),
      logger: createLogger('silent'),
      metrics,
      retry: { firstDelayMs: 5, maxDelayMs: 20, stuckAfterAttempts: 2 },
    });
    reactors.push(reactor);
    await reactor.start();
    const stuck = async () => (await metrics.reactorStuck.get()).values[0]?.value ?? 0;
    return { reactor, stuck };
  };

  it('goes on past failing work, keeps the checkpoint before it, and finishes it once it clears', async () => {
    const failing = new Set(['b']);
    const done: string[] = [];
    const { reactor, stuck } = await start(failing, done);
    const a = await ping('a');
    const b = await ping('b');
    const c = await ping('c');
    await until(() => done.includes('c'), 'c is done');
    expect(done).toEqual(['a', 'c']);
    expect(await reactor.whenFinished(a, 10)).toBe(true);
    expect(await reactor.whenFinished(b, 10)).toBe(false);
    expect(saved.get('test')).toBe(b - 1n);
    await until(async () => (await stuck()) === 1, 'b is reported stuck');

    const finished = reactor.whenFinished(b, 2_000);
    failing.clear();
    expect(await finished).toBe(true);
    expect(done).toEqual(['a', 'c', 'b']);
    expect(saved.get('test')).toBe(c);
    expect(await stuck()).toBe(0);
  });

  it('starts with its checkpoint past the events its filter skips, never past unfinished work', async () => {
    const other = async (count: number) => {
      let last = 0n;
      for (let i = 0; i < count; i += 1) {
        last = (await store.appendToStream(`text-${randomUUID()}`, [{ type: 'Typed', data: {} }]))
          .position;
      }
      return last;
    };
    const done: string[] = [];
    const first = await start(new Set(), done);
    const a = await ping('a');
    await until(() => done.includes('a'), 'a is done');
    await first.reactor.stop();
    expect(saved.get('test')).toBe(a);

    // Only events of other kinds since: the next start moves the checkpoint to the log's end.
    const end = await other(50);
    await start(new Set(), done);
    expect(saved.get('test')).toBe(end);

    // Work that fails holds the checkpoint just before it, whatever follows.
    for (const reactor of reactors.splice(0)) await reactor.stop();
    const failing = new Set(['b']);
    const b = await ping('b');
    await other(20);
    await start(failing, done);
    expect(saved.get('test')).toBe(b - 1n);
    failing.clear();
    await until(() => done.includes('b'), 'b is done');
  });

  it('resumes after its checkpoint, delivering again only what was unfinished', async () => {
    const done: string[] = [];
    const first = await start(new Set(['b']), done);
    await ping('a');
    const b = await ping('b');
    await until(() => done.includes('a'), 'a is done');
    await first.reactor.stop();
    expect(saved.get('test')).toBe(b - 1n);

    const again: string[] = [];
    await start(new Set(), again);
    expect(again).toEqual(['b']);
    expect(saved.get('test')).toBe(b);
  });
});
