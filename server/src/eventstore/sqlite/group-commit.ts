// Group commit: writes submitted during one turn of the event loop run in ONE SQLite transaction
// (one WAL fsync for all of them), while each write still succeeds or fails on its own.
//
//   const commit = new GroupCommit(db, { maxBatchSize: 500, onCommit: (info) => notify() });
//   const result = await commit.submit(() => insertRows(...)); // runs inside the batch's transaction
import Database from 'better-sqlite3';
import { StoreUnavailable } from '../errors.js';

export interface GroupCommitInfo {
  /** Writes in the transaction, including those that failed their own checks. */
  writes: number;
  /** Writes that failed their own checks (rolled back to their savepoint). */
  failed: number;
  /** Time the transaction took, fsync included. */
  durationMs: number;
}

export interface GroupCommitOptions {
  /** Most writes in one transaction; the rest wait for the next turn. */
  maxBatchSize: number;
  /** Called after each committed transaction (metrics, waking subscriptions). */
  onCommit?: (info: GroupCommitInfo) => void;
}

interface PendingWrite {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private queue: PendingWrite[] = [];
  private scheduled = false;
  private readonly runBatch: Database.Transaction<(batch: PendingWrite[]) => Outcome[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly options: GroupCommitOptions,
  ) {
    // better-sqlite3 turns a transaction function called inside another into a SAVEPOINT, so a
    // write that throws is rolled back alone and the batch carries on.
    const inSavepoint = db.transaction((work: () => unknown) => work());
    this.runBatch = db.transaction((batch: PendingWrite[]) =>
      batch.map((write): Outcome => {
        try {
          return { ok: true, value: inSavepoint(write.work) };
        } catch (error) {
          // A SQLite failure (disk full, I/O error) is not this write's fault: abort the batch.
          if (error instanceof Database.SqliteError) throw error;
          return { ok: false, error };
        }
      }),
    );
  }

  /**
   * Queues `work` to run synchronously inside the next batch's transaction. Its result (or the
   * error it throws) settles the promise once the transaction has committed. Work must map
   * the SQLite errors it expects (a constraint) itself: any SqliteError fails the whole batch.
   */
  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Commits everything queued now, synchronously (used by close). */
  flush(): void {
    while (this.queue.length > 0) this.commitNext();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not queueMicrotask: a microtask flush would only batch writes issued in the
    // same synchronous run, while setImmediate runs after the poll phase, so writes issued by
    // every I/O callback of this loop turn (many requests or socket messages) share one commit.
    // The cost is at most one loop turn of latency.
    setImmediate(() => {
      this.scheduled = false;
      if (this.queue.length === 0) return;
      this.commitNext();
      if (this.queue.length > 0) this.schedule();
    });
  }

  private commitNext(): void {
    const batch = this.queue.splice(0, this.options.maxBatchSize);
    const started = performance.now();
    let outcomes: Outcome[];
    try {
      if (!this.db.open) throw new Error('the database is closed');
      // IMMEDIATE takes the write lock at BEGIN, where the busy timeout applies, instead of
      // failing at the first insert if another connection (a backup, say) is writing.
      outcomes = this.runBatch.immediate(batch);
    } catch (cause) {
      const error = new StoreUnavailable('The SQLite event store could not commit', { cause });
      for (const write of batch) write.reject(error);
      return;
    }
    const durationMs = performance.now() - started;
    // Settle first, so a throwing onCommit can never leave a writer waiting forever.
    batch.forEach((write, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) write.resolve(outcome.value);
      else write.reject(outcome?.error);
    });
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    this.options.onCommit?.({ writes: batch.length, failed, durationMs });
  }
}
