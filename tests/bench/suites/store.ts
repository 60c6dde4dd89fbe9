/**
 * Event store suite: the SQLite adapter (with its group commit, idempotency checks and
 * paging) beside a raw better-sqlite3 loop over the same schema shape, in the same run.
 * The ratio is the figure; the target is group-commit appends ≥ 0.7 × raw.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteEventStore, type EventStore } from '@accord/server';
import Database from 'better-sqlite3';
import { bestOf, opsPerSecond, percentile } from '../lib/measure.js';
import { row, type BenchRow, type SuiteResult } from '../lib/results.js';

const SINGLE = 2_000;
const GROUPED = 20_000;
const IN_FLIGHT = 64;
const READ = 50_000;

const payload = {
  text: 'Commit to establishing heat-health early-warning systems in every city',
  n: 0,
};

function rawDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL, type TEXT NOT NULL, data BLOB NOT NULL, metadata TEXT NOT NULL, created TEXT NOT NULL,
    UNIQUE(stream, revision), UNIQUE(stream, event_id))`);
  return db;
}

function rawInsert(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (stream: string, revision: number) =>
    insert.run(
      stream,
      revision,
      randomUUID(),
      'Benchmarked',
      Buffer.from(JSON.stringify(payload)),
      '{}',
      new Date().toISOString(),
    );
}

async function withFiles<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const event = () => ({ id: randomUUID(), type: 'Benchmarked', data: payload });

/**
 * Median of `runs` measurements of each side, the two taken in turn (and in alternating order)
 * rather than all of one then all of the other, so load from elsewhere on a shared machine,
 * and the disk's fsync hiccups, hit both sides alike. A median, not a best: one lucky run on
 * either side would otherwise decide the ratio.
 */
async function medianOfAlternating(
  runs: number,
  accord: () => Promise<number>,
  raw: () => Promise<number>,
): Promise<[number, number]> {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      ours.push(await accord());
      theirs.push(await raw());
    } else {
      theirs.push(await raw());
      ours.push(await accord());
    }
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  return [median(ours), median(theirs)];
}

async function appendSingle(store: EventStore): Promise<number> {
  return opsPerSecond(SINGLE, async () => {
    for (let i = 0; i < SINGLE; i += 1) await store.appendToStream(`single-${i % 100}`, [event()]);
  });
}

async function appendGrouped(store: EventStore): Promise<number> {
  return opsPerSecond(GROUPED, async () => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < GROUPED) {
        const i = next++;
        await store.appendToStream(`grouped-${i % 1000}`, [event()]);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  });
}

export async function storeSuite(log: (line: string) => void): Promise<SuiteResult> {
  return withFiles(async (dir) => {
    const rows: BenchRow[] = [];
    let run = 0;
    const fresh = () =>
      openSqliteEventStore({ file: path.join(dir, `accord-${run++}.sqlite`), synchronous: 'FULL' });
    const freshRaw = () => rawDb(path.join(dir, `raw-${run++}.sqlite`));

    // 1. One append at a time, each awaited: one transaction per event on both sides.
    const [single, rawSingle] = await medianOfAlternating(
      5,
      async () => {
        const store = fresh();
        try {
          return await appendSingle(store);
        } finally {
          await store.close();
        }
      },
      async () => {
        const db = freshRaw();
        const insert = rawInsert(db);
        const rate = await opsPerSecond(SINGLE, () => {
          for (let i = 0; i < SINGLE; i += 1) insert(`single-${i % 100}`, Math.floor(i / 100));
        });
        db.close();
        return rate;
      },
    );
    rows.push(
      row('append, one at a time (awaited)', 'events/s', single, rawSingle, 'higher', {
        notes: 'raw: one autocommit INSERT per event; median of 5 runs, the two sides in turn',
      }),
    );
    log(`append single: ${single.toFixed(0)}/s vs raw ${rawSingle.toFixed(0)}/s`);

    // 2. Many concurrent appenders: the adapter batches same-tick appends into one transaction.
    const [grouped, rawGrouped] = await medianOfAlternating(
      7,
      async () => {
        const store = fresh();
        try {
          return await appendGrouped(store);
        } finally {
          await store.close();
        }
      },
      async () => {
        const db = freshRaw();
        const insert = rawInsert(db);
        const batch = db.transaction((from: number) => {
          for (let i = from; i < Math.min(from + IN_FLIGHT, GROUPED); i += 1)
            insert(`grouped-${i % 1000}`, Math.floor(i / 1000));
        });
        const rate = await opsPerSecond(GROUPED, () => {
          for (let i = 0; i < GROUPED; i += IN_FLIGHT) batch(i);
        });
        db.close();
        return rate;
      },
    );
    rows.push(
      row(
        `append, group commit (${IN_FLIGHT} in flight)`,
        'events/s',
        grouped,
        rawGrouped,
        'higher',
        {
          target: '≥ 0.70',
          notes: `raw: INSERT loop in transactions of ${IN_FLIGHT}; median of 7 runs, the two sides in turn`,
        },
      ),
    );
    log(`append grouped: ${grouped.toFixed(0)}/s vs raw ${rawGrouped.toFixed(0)}/s`);

    // 3. Reads and catch-up over one populated store.
    const store = fresh();
    const db = freshRaw();
    const insert = rawInsert(db);
    db.transaction(() => {
      for (let i = 0; i < READ; i += 1) insert(`read-${i % 500}`, Math.floor(i / 500));
    })();
    for (let i = 0; i < READ; i += 500) {
      await store.appendToStream(`read-${i / 500}`, Array.from({ length: 500 }, event));
    }
    const reads = await bestOf(3, () =>
      opsPerSecond(READ, async () => {
        for await (const _ of store.readAll()) void _;
      }),
    );
    const rawReads = await bestOf(3, () =>
      opsPerSecond(READ, () => {
        for (const r of db.prepare('SELECT * FROM events ORDER BY position').iterate()) {
          const e = r as { data: Buffer; metadata: string };
          JSON.parse(e.data.toString());
          JSON.parse(e.metadata);
        }
      }),
    );
    rows.push(
      row('read $all, forwards', 'events/s', reads, rawReads, 'higher', {
        notes: 'raw: one SELECT iterated, JSON parsed',
      }),
    );
    log(`read $all: ${reads.toFixed(0)}/s vs raw ${rawReads.toFixed(0)}/s`);

    const catchUp = await bestOf(3, () =>
      opsPerSecond(READ, async () => {
        let seen = 0;
        const sub = store.subscribeToAll({ onEvent: () => void (seen += 1) }, { from: 'start' });
        await sub.caughtUp;
        await sub.close();
        if (seen !== READ) throw new Error(`catch-up delivered ${seen} of ${READ}`);
      }),
    );
    rows.push(
      row('subscription catch-up from start', 'events/s', catchUp, rawReads, 'higher', {
        notes: 'baseline: the raw read above',
      }),
    );
    log(`catch-up: ${catchUp.toFixed(0)}/s`);
    await store.close();
    db.close();

    return {
      suite: 'Event store (SQLite adapter)',
      baseline: 'raw better-sqlite3 on the same schema shape, WAL, synchronous=FULL, same run',
      rows,
    };
  });
}
