// $all reads filtered by stream categories or event types go through the indexes of schema 2
// (schema.ts) rather than a scan of every row in the range. What the contract cannot see: that
// the seeks return exactly what a scan would, page by page and in both directions; that a
// database with a linguistic collation finds every type a prefix stands for; that the planner
// really uses the indexes; and that a database made by schema 1 gains them.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, type EventFilter, type EventStore, type RecordedEvent } from '../port.js';
import { openPostgresEventStore } from './postgres-event-store.js';
import { allPageQuery } from './reads.js';
import { postgresForTests } from './test-support/postgres-for-tests.js';

const connectionString = postgresForTests('PostgreSQL indexed reads');

/** A database of its own on the file's server, optionally with ICU's English collation. */
async function newDatabase(base: string, options: { icu?: boolean } = {}): Promise<string> {
  const name = `accord_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(
      options.icu
        ? `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US-u-ka-shifted' LOCALE 'C'`
        : `CREATE DATABASE ${name}`,
    );
  } finally {
    await admin.end();
  }
  // 'postgresql://user@/database?host=…' (a unix socket) is no WHATWG URL: swap the path by hand.
  const [address, query] = base.split('?');
  return `${address!.slice(0, address!.lastIndexOf('/') + 1)}${name}${query ? `?${query}` : ''}`;
}

const event = (type: string, n: number) => ({ id: randomUUID(), type, data: { n } });

/** What a filter lets through, decided here from an unfiltered read. */
function passes(filter: EventFilter, e: RecordedEvent): boolean {
  const value = filter.on === 'streamName' ? e.streamId : e.type;
  return filter.prefixes.some((prefix) => value.startsWith(prefix));
}

const FILTERS: EventFilter[] = [
  { on: 'streamName', prefixes: ['alpha-', 'beta-'] },
  { on: 'streamName', prefixes: ['beta-', 'nodash'] },
  { on: 'streamName', prefixes: ['missing-'] },
  { on: 'eventType', prefixes: ['Silence'] },
  { on: 'eventType', prefixes: ['DeadlineSet', 'Nothing', 'SilenceEnded'] },
  { on: 'eventType', prefixes: ['Zzz'] },
];

if (connectionString) {
  describe('PostgreSQL $all reads through the category and type indexes', () => {
    const stores: EventStore[] = [];
    const open = (url: string) => {
      // Pages of 3, so every read crosses pages and each page's merge of seeks is exercised.
      const store = openPostgresEventStore({ connectionString: url, pageSize: 3 });
      stores.push(store);
      return store;
    };
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
    });

    /** Record events of a few kinds, far apart among many text updates. */
    async function seed(store: EventStore, fillers = 40) {
      const types = ['SilenceStarted', 'SilenceEnded', 'Silence', 'DeadlineSet', 'Other'];
      const streams = ['alpha-1', 'alpha-2', 'beta-1', 'nodash', 'alphabet-1'];
      for (let i = 0; i < 30; i++) {
        await store.appendToStream(streams[i % streams.length]!, [event(types[i % 5]!, i)]);
        await store.appendToStream(
          'doctext-1',
          Array.from({ length: fillers }, (_, k) => event('TextUpdated', k)),
        );
      }
    }

    it('returns what a scan returns, forwards, backwards, from a position and live', async () => {
      const store = open(await newDatabase(await connectionString()));
      await seed(store);
      const all = await collect(store.readAll());
      const middle = all[Math.floor(all.length / 2)]!.position!;
      for (const filter of FILTERS) {
        const wanted = all.filter((e) => passes(filter, e)).map((e) => e.id);
        const forwards = await collect(store.readAll({ filter }));
        expect(
          forwards.map((e) => e.id),
          JSON.stringify(filter),
        ).toEqual(wanted);
        const backwards = await collect(
          store.readAll({ filter, direction: 'backwards', maxCount: 5 }),
        );
        expect(backwards.map((e) => e.id)).toEqual(wanted.slice(-5).reverse());
        const later = all.filter((e) => e.position! >= middle && passes(filter, e));
        const fromMiddle = await collect(
          store.readAll({ filter, fromPosition: middle, maxCount: 4 }),
        );
        expect(fromMiddle.map((e) => e.id)).toEqual(later.slice(0, 4).map((e) => e.id));
        const delivered: string[] = [];
        const sub = store.subscribeToAll(
          { onEvent: (e) => void delivered.push(e.id) },
          { from: 'start', filter },
        );
        await sub.caughtUp;
        await sub.close();
        expect(delivered).toEqual(wanted);
      }
    }, 60_000);

    it('finds every type a prefix stands for under a linguistic collation', async () => {
      // In English order with punctuation shifted (ICU's 'ka-shifted', as glibc's en_US sorts),
      // a dash weighs little: 'a-b' < 'abb' < 'a-bc'. A walk from
      // one type to the next in that order would stop at 'abb' and never reach 'a-bc'.
      const store = open(await newDatabase(await connectionString(), { icu: true }));
      await store.appendToStream('x-1', [event('a-b', 1), event('abb', 2), event('a-bc', 3)]);
      // A range many pages long, which reads seek through the indexes rather than scan.
      await store.appendToStream(
        'x-2',
        Array.from({ length: 40 }, (_, n) => event('Other', n)),
      );
      const read = await collect(store.readAll({ filter: { on: 'eventType', prefixes: ['a-b'] } }));
      expect(read.map((e) => e.type)).toEqual(['a-b', 'a-bc']);
    });

    it('plans index scans, not a scan of the table', async () => {
      const url = await newDatabase(await connectionString());
      const store = open(url);
      await seed(store, 400);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('ANALYZE accord_events');
        const head = (await collect(store.readAll({ direction: 'backwards', maxCount: 1 })))[0]!;
        const plans: Record<string, string> = {};
        for (const filter of [FILTERS[0]!, FILTERS[3]!]) {
          for (const backwards of [false, true]) {
            const query = allPageQuery({
              lo: 0n,
              hi: head.position!,
              filter,
              backwards,
              limit: 500,
            });
            const result = await client.query<{ 'QUERY PLAN': unknown }>(
              `EXPLAIN (FORMAT JSON) ${query.text}`,
              query.values,
            );
            plans[`${filter.on} ${backwards ? 'backwards' : 'forwards'}`] = JSON.stringify(
              result.rows[0]!['QUERY PLAN'],
            );
          }
        }
        for (const [read, plan] of Object.entries(plans)) {
          const index = read.startsWith('streamName') ? 'by_category' : 'by_type';
          expect(plan, read).toContain(`accord_events_${index}`);
          expect(plan, read).not.toContain('"Seq Scan"');
        }
      } finally {
        await client.end();
      }
    }, 60_000);

    it('gives a database made by schema 1 the indexes when it is opened', async () => {
      const url = await newDatabase(await connectionString());
      const before = open(url);
      await seed(before, 5);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(
          `DROP INDEX accord_events_by_category, accord_events_by_type;
           UPDATE accord_schema SET version = 1`,
        );
        const after = open(url);
        const read = await collect(
          after.readAll({ filter: { on: 'eventType', prefixes: ['DeadlineSet'] } }),
        );
        expect(read).toHaveLength(6);
        const indexes = await client.query<{ indexname: string }>(
          `SELECT indexname FROM pg_indexes WHERE tablename = 'accord_events' ORDER BY indexname`,
        );
        expect(indexes.rows.map((row) => row.indexname)).toEqual(
          expect.arrayContaining(['accord_events_by_category', 'accord_events_by_type']),
        );
        const version = await client.query<{ version: number }>(
          'SELECT version FROM accord_schema',
        );
        expect(version.rows[0]!.version).toBe(2);
      } finally {
        await client.end();
      }
    }, 60_000);
  });
}
