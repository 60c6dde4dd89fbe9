// What the contract cannot see with one store: several processes (here, several stores, each
// with its own pool and batches) appending to one database at once, while a subscription on
// yet another store must still receive $all in order, without gaps or repeats.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { collect, type EventStore, type RecordedEvent } from '../port.js';
import { openPostgresEventStore } from './postgres-event-store.js';
import { postgresForTests } from './test-support/postgres-for-tests.js';

const connectionString = postgresForTests('PostgreSQL multi-writer tests');

if (connectionString) {
  describe('PostgreSQL event store shared by several writers', () => {
    it('keeps $all gap-free and in order while two stores append to the same streams', async () => {
      const url = await connectionString();
      const writers = [0, 1].map(() => openPostgresEventStore({ connectionString: url }));
      const reader = openPostgresEventStore({ connectionString: url, pollIntervalMs: 50 });
      const prefix = `shared-${randomUUID().slice(0, 8)}-`;
      const received: RecordedEvent[] = [];
      try {
        const sub = reader.subscribeToAll(
          { onEvent: (event) => void received.push(event) },
          { from: 'end', filter: { on: 'streamName', prefixes: [prefix] } },
        );
        await sub.caughtUp;
        const perTask = 10;
        // 2 stores x 16 tasks, each appending 10 times to one of 4 shared streams.
        const tasks = writers.flatMap((store: EventStore, s) =>
          Array.from({ length: 16 }, async (_, t) => {
            for (let i = 0; i < perTask; i++) {
              await store.appendToStream(`${prefix}${(s + t + i) % 4}`, [
                { id: randomUUID(), type: 'Shared', data: { s, t, i } },
                { id: randomUUID(), type: 'Shared', data: { s, t, i, second: true } },
              ]);
            }
          }),
        );
        await Promise.all(tasks);
        const total = 2 * 16 * perTask * 2;
        const deadline = Date.now() + 20_000;
        while (received.length < total && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await sub.close();
        const all = await collect(
          reader.readAll({ filter: { on: 'streamName', prefixes: [prefix] } }),
        );
        expect(all).toHaveLength(total);
        expect(received.map((e) => e.id)).toEqual(all.map((e) => e.id));
        for (let i = 1; i < all.length; i++) {
          expect(all[i]!.position! > all[i - 1]!.position!).toBe(true);
        }
        for (let n = 0; n < 4; n++) {
          const revisions = all
            .filter((e) => e.streamId === `${prefix}${n}`)
            .map((e) => e.revision);
          expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
        }
      } finally {
        await Promise.all([...writers, reader].map((store) => store.close()));
      }
    }, 60_000);
  });
}
