import { randomUUID } from 'node:crypto';
import type { Decider } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, type EventStore, type RecordedEvent } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { handleCommand, type EventCodec } from './handle-command.js';

// A tiny ledger: enough to exercise loading, deciding, conflicts and idempotency.
type Command = {
  type: 'Add';
  data: { amount: number };
  meta: { commandId: string; now: string; actor: { userId: string } };
};
type Event = { type: 'Added'; data: { amount: number; total: number } };
type State = { total: number };
class TooMuch extends Error {}
const ledger: Decider<Command, Event, State> = {
  initialState: () => ({ total: 0 }),
  evolve: (_s, e) => ({ total: e.data.total }),
  decide: (c, s) => {
    if (s.total + c.data.amount > 1000) throw new TooMuch('over the limit');
    return [{ type: 'Added', data: { amount: c.data.amount, total: s.total + c.data.amount } }];
  },
};
const codec: EventCodec<Command, Event> = {
  decode: (r: RecordedEvent) => ({ type: 'Added', data: r.data as Event['data'] }),
  metadataFor: (c) => ({
    commandId: c.meta.commandId,
    commandType: c.type,
    occurredAt: c.meta.now,
    schemaVersion: 1,
    userId: c.meta.actor.userId,
  }),
};
const add = (amount: number, commandId = randomUUID()): Command => ({
  type: 'Add',
  data: { amount },
  meta: { commandId, now: '2026-11-23T10:00:00.000Z', actor: { userId: 'u-1' } },
});

describe('handleCommand', () => {
  let store: EventStore;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
    store = openSqliteEventStore({ file: `${temp.dir}/s.sqlite` });
  });
  afterAll(async () => {
    await store.close();
    await temp.remove();
  });

  it('appends the decided events with the actor and time in metadata', async () => {
    const result = await handleCommand(store, codec, ledger, 'ledger-a', add(5));
    expect(result).toMatchObject({
      duplicate: false,
      revision: 0n,
      events: [{ type: 'Added', data: { amount: 5, total: 5 } }],
    });
    const [stored] = await collect(store.readStream('ledger-a'));
    expect(stored!.metadata).toMatchObject({
      commandType: 'Add',
      userId: 'u-1',
      occurredAt: '2026-11-23T10:00:00.000Z',
      schemaVersion: 1,
    });
  });

  it('the same command id twice appends once and returns the first result', async () => {
    const command = add(7);
    const first = await handleCommand(store, codec, ledger, 'ledger-b', command);
    const second = await handleCommand(store, codec, ledger, 'ledger-b', command);
    expect(second).toMatchObject({
      duplicate: true,
      events: first.events,
      position: first.position,
    });
    expect(await collect(store.readStream('ledger-b'))).toHaveLength(1);
  });

  it('concurrent commands on one stream all land, each decided on the state before it', async () => {
    await Promise.all(
      Array.from({ length: 12 }, () => handleCommand(store, codec, ledger, 'ledger-c', add(1))),
    );
    const events = await collect(store.readStream('ledger-c'));
    expect(events.map((e) => (e.data as Event['data']).total)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
  });

  it('a rejected command appends nothing', async () => {
    await expect(handleCommand(store, codec, ledger, 'ledger-d', add(5000))).rejects.toThrow(
      TooMuch,
    );
    expect(await collect(store.readStream('ledger-d'))).toEqual([]);
  });
});
