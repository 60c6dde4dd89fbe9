// FULL durability with the fsync off the event loop: no writer hears of success before an
// fsync that began after its commit has finished, bursts share fsyncs, a failed fsync fails
// every write from then on, and checkpoints keep the WAL from growing without bound.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { GroupCommit } from './group-commit.js';
import { openDatabase, walFileFor } from './schema.js';
import { WalSync, type WalSyncOptions } from './wal-sync.js';
import { StoreUnavailable } from '../errors.js';

type Fsync = NonNullable<WalSyncOptions['fsync']>;

/** An fsync that finishes only when the test says so, logging each start and end. */
function manualFsync() {
  const pending: (() => void)[] = [];
  const log: string[] = [];
  let started = 0;
  const fsync: Fsync = (_fd, done) => {
    const n = (started += 1);
    log.push(`fsync ${n} started`);
    pending.push(() => {
      log.push(`fsync ${n} done`);
      done(null);
    });
  };
  return { fsync, log, finishNext: () => pending.shift()?.(), started: () => started };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('WalSync', () => {
  let dir: string;
  let db: Database.Database;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-wal-sync-'));
    file = join(dir, 'accord.sqlite');
    db = openDatabase(file, 'FULL');
    db.exec('CREATE TABLE t (n INTEGER)');
  });

  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits with synchronous=OFF and no automatic checkpoint on a FULL file store', () => {
    expect(walFileFor(file, 'FULL')).toBe(`${file}-wal`);
    expect(walFileFor(file, 'NORMAL')).toBeUndefined();
    expect(walFileFor(':memory:', 'FULL')).toBeUndefined();
    expect(Number(db.pragma('synchronous', { simple: true }))).toBe(0);
    expect(Number(db.pragma('wal_autocheckpoint', { simple: true }))).toBe(0);
  });

  it('given commits while an fsync runs, when it ends, they wait for the next one, which they share', async () => {
    const disk = manualFsync();
    const sync = new WalSync(db, `${file}-wal`, { fsync: disk.fsync });
    const told: string[] = [];
    const commit = new GroupCommit(db, { maxBatchSize: 10, durable: () => sync.barrier() });
    const write = (n: number) =>
      commit
        .submit(() => db.prepare('INSERT INTO t VALUES (?)').run(n))
        .then(() => {
          told.push(`write ${n} told`);
          disk.log.push(`write ${n} told`);
        });

    const first = write(1);
    await turn();
    expect(disk.started()).toBe(1);
    const second = write(2);
    await turn();
    const third = write(3);
    await turn();
    // Commits 2 and 3 happened during fsync 1: they must not be told when it ends.
    expect(told).toEqual([]);
    disk.finishNext();
    await first;
    expect(told).toEqual(['write 1 told']);
    await turn();
    expect(disk.started()).toBe(2);
    disk.finishNext();
    await Promise.all([second, third]);
    const at = (line: string) => disk.log.indexOf(line);
    expect(at('write 1 told')).toBeGreaterThan(at('fsync 1 done'));
    expect(at('fsync 2 started')).toBeGreaterThan(at('fsync 1 done'));
    expect(at('write 2 told')).toBeGreaterThan(at('fsync 2 done'));
    expect(at('write 3 told')).toBeGreaterThan(at('fsync 2 done'));
    expect(disk.started()).toBe(2);
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(3n);
  });

  it('given a failed fsync, the writes of that commit and every later one fail', async () => {
    const failing: Fsync = (_fd, done) => done(Object.assign(new Error('EIO'), { code: 'EIO' }));
    const sync = new WalSync(db, `${file}-wal`, { fsync: failing });
    const commit = new GroupCommit(db, { maxBatchSize: 10, durable: () => sync.barrier() });
    const insert = () => commit.submit(() => db.prepare('INSERT INTO t VALUES (1)').run());
    await expect(insert()).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(insert()).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('given a listener that throws after an fsync, the writer still succeeds and a warning is raised', async () => {
    const sync = new WalSync(db, `${file}-wal`);
    const commit = new GroupCommit(db, {
      maxBatchSize: 10,
      durable: () => sync.barrier(),
      onCommit: () => {
        throw new Error('metrics broke');
      },
    });
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    await expect(
      commit.submit(() => db.prepare('INSERT INTO t VALUES (1)').run().changes),
    ).resolves.toBe(1);
    expect((await warned).message).toBe('metrics broke');
  });

  it('checkpoints into the database file every so many commits', async () => {
    const sync = new WalSync(db, `${file}-wal`, { checkpointEvery: 5 });
    const commit = new GroupCommit(db, { maxBatchSize: 1, durable: () => sync.barrier() });
    const before = statSync(file).size;
    for (let n = 0; n < 6; n += 1) {
      await commit.submit(() =>
        db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(8192, n + 1)),
      );
    }
    // Without a checkpoint every row would still sit in the WAL only.
    expect(statSync(file).size).toBeGreaterThan(before + 5 * 8192);
    sync.close();
  });
});
