// Group commit: what arrives in one loop turn shares one transaction, yet each write stands alone.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailable, WrongExpectedVersion } from '../errors.js';
import { collect, type EventToAppend } from '../port.js';
import { GroupCommit, type GroupCommitInfo } from './group-commit.js';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';

const events = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type: 'Counted', data: { n } }));

describe('group commit in the SQLite event store', () => {
  let store: SqliteEventStore;
  let commits: GroupCommitInfo[];

  beforeEach(() => {
    commits = [];
    store = openSqliteEventStore({
      file: ':memory:',
      maxBatchSize: 10,
      onGroupCommit: (info) => commits.push(info),
    });
  });

  afterEach(() => store.close());

  it('commits appends made in one synchronous run as one transaction', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.appendToStream(`s-${i}`, events(2))),
    );
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({ writes: 8, failed: 0 });
  });

  it('also batches appends made by different callbacks of the same loop turn', async () => {
    // Both callbacks run in one check phase, with microtasks drained between them: a
    // queueMicrotask flush would commit after each; the setImmediate flush is queued for the
    // next turn, so it takes both. No clock is involved.
    const appended = await Promise.all(
      [0, 1].map(
        (i) =>
          new Promise((resolve, reject) =>
            setImmediate(() => {
              store.appendToStream(`t-${i}`, events(1)).then(resolve, reject);
            }),
          ),
      ),
    );
    expect(appended).toHaveLength(2);
    expect(commits).toHaveLength(1);
  });

  it('checks each append against its own expected revision, in order, within one batch', async () => {
    const results = await Promise.allSettled([
      store.appendToStream('same', events(1), { expectedRevision: 'no_stream' }),
      store.appendToStream('same', events(2), { expectedRevision: 0n }),
      store.appendToStream('same', events(1), { expectedRevision: 'no_stream' }),
      store.appendToStream('same', events(1), { expectedRevision: 2n }),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const rejected = results[2] as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(WrongExpectedVersion);
    expect(rejected.reason).toMatchObject({ expected: 'no_stream', actual: 2n });
    expect(commits).toEqual([expect.objectContaining({ writes: 4, failed: 1 })]);
    const read = await collect(store.readStream('same'));
    expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('keeps the other appends of a batch when one fails half-way through its events', async () => {
    const taken = events(1);
    await store.appendToStream('half', taken);
    commits.length = 0;
    // The second event of the failing append reuses an id already in the stream: its first
    // event is inserted before the constraint stops it, and must not survive.
    const failing = [...events(1), taken[0]!];
    const results = await Promise.allSettled([
      store.appendToStream('other-1', events(1)),
      store.appendToStream('half', failing),
      store.appendToStream('half', events(2)),
      store.appendToStream('other-2', events(1)),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
    expect(commits).toEqual([expect.objectContaining({ writes: 4, failed: 1, isolated: true })]);
    const half = await collect(store.readStream('half'));
    expect(half.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(half.map((e) => e.id)).not.toContain(failing[0]!.id);
    expect(await collect(store.readStream('other-2'))).toHaveLength(1);
  });

  it('commits a batch in which every append succeeds without isolating the writes', async () => {
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => store.appendToStream(`ok-${i}`, events(1))),
    );
    expect(commits).toEqual([expect.objectContaining({ writes: 5, failed: 0, isolated: false })]);
  });

  it('answers a retry queued beside its original idempotently', async () => {
    const batch = events(2);
    const [first, retry] = await Promise.all([
      store.appendToStream('twice', batch, { expectedRevision: 'no_stream' }),
      store.appendToStream('twice', batch, { expectedRevision: 'no_stream' }),
    ]);
    expect(retry).toEqual(first);
    expect(await collect(store.readStream('twice'))).toHaveLength(2);
  });

  it('answers an empty append by checking the expectation only, in queue order', async () => {
    const [written, checked] = await Promise.all([
      store.appendToStream('empty', events(2)),
      store.appendToStream('empty', [], { expectedRevision: 1n }),
    ]);
    expect(written.nextExpectedRevision).toBe(1n);
    expect(checked).toEqual({ nextExpectedRevision: 1n, position: -1n });
    await expect(
      store.appendToStream('empty', [], { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(await store.appendToStream('none', [])).toEqual({
      nextExpectedRevision: -1n,
      position: -1n,
    });
    expect(await collect(store.readStream('empty'))).toHaveLength(2);
  });

  it('splits a burst into transactions of at most maxBatchSize writes', async () => {
    await Promise.all(Array.from({ length: 25 }, () => store.appendToStream('burst', events(1))));
    expect(commits.map((c) => c.writes)).toEqual([10, 10, 5]);
    const read = await collect(store.readStream('burst'));
    expect(read.map((e) => Number(e.revision))).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('close() commits what is queued before it releases the file', async () => {
    const pending = store.appendToStream('last-words', events(3));
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 2n });
    expect(commits).toHaveLength(1);
  });
});

describe('GroupCommit', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT NOT NULL)');
  });

  afterEach(() => {
    db.close();
  });

  const insert = (v: string) => () => db.prepare('INSERT INTO t (v) VALUES (?)').run(v).changes;
  const values = () => db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all();

  it('rolls back a write that throws, alone', async () => {
    const commit = new GroupCommit(db, { maxBatchSize: 100 });
    const results = await Promise.allSettled([
      commit.submit(insert('a')),
      commit.submit(() => {
        insert('b')();
        throw new RangeError('this write is wrong');
      }),
      commit.submit(insert('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(values()).toEqual(['a', 'c']);
  });

  it('runs a batch once when all its writes succeed, and again in savepoints when one fails', async () => {
    const commit = new GroupCommit(db, { maxBatchSize: 100 });
    const calls = { a: 0, b: 0, c: 0 };
    const counted =
      (name: keyof typeof calls, fail = false) =>
      () => {
        calls[name] += 1;
        insert(name)();
        if (fail) throw new RangeError(`${name} is wrong`);
      };
    await Promise.all([commit.submit(counted('a')), commit.submit(counted('b'))]);
    expect(calls).toEqual({ a: 1, b: 1, c: 0 });

    const results = await Promise.allSettled([
      commit.submit(counted('a')),
      commit.submit(counted('c', true)),
      commit.submit(counted('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The first attempt stopped at c and was rolled back; the second ran all three.
    expect(calls).toEqual({ a: 3, b: 2, c: 2 });
    expect(values()).toEqual(['a', 'b', 'a', 'b']);
  });

  it('fails the whole batch with StoreUnavailable when SQLite itself fails', async () => {
    const commit = new GroupCommit(db, { maxBatchSize: 100 });
    const results = await Promise.allSettled([
      commit.submit(insert('a')),
      commit.submit(() => {
        throw new Database.SqliteError('disk I/O error', 'SQLITE_IOERR');
      }),
      commit.submit(insert('c')),
    ]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailable);
    }
    expect(values()).toEqual([]);
  });

  it('settles the writers even when onCommit throws', async () => {
    const commit = new GroupCommit(db, {
      maxBatchSize: 100,
      onCommit: () => {
        throw new Error('metrics broke');
      },
    });
    const written = commit.submit(insert('a'));
    // Flushed by hand so the error surfaces here rather than from the scheduled callback.
    expect(() => commit.flush()).toThrow('metrics broke');
    await expect(written).resolves.toBe(1);
  });
});
