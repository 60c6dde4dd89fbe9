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
  /**
   * Whether a write failed on the first attempt, so the batch was rolled back and run again
   * with one savepoint per write (the slow path that keeps the other writes).
   */
  isolated: boolean;
  /** Time the transaction took, fsync included. */
  durationMs: number;
  /** How long the batch's oldest write waited for its transaction to begin. */
  waitMs: number;
  /** The transaction alone (BEGIN to COMMIT). */
  transactionMs: number;
  /** Waiting for the fsync after COMMIT (0 when COMMIT itself syncs: see `durable`). */
  syncMs: number;
}

export interface GroupCommitOptions {
  /** Most writes in one transaction; the rest wait for the next turn. */
  maxBatchSize: number;
  /** Called after each committed transaction (metrics, waking subscriptions). */
  onCommit?: (info: GroupCommitInfo) => void;
  /**
   * Resolves once the last commit is on disk (see wal-sync.ts). Writers are settled, and
   * `onCommit` called, only after it; without it, COMMIT itself is taken as durable.
   */
  durable?: () => Promise<void>;
}

interface PendingWrite {
  /** performance.now() at submit. */
  at: number;
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Thrown inside the optimistic transaction to roll it back when one of its writes failed. */
class WriteFailed extends Error {}

export class GroupCommit {
  private queue: PendingWrite[] = [];
  private scheduled = false;
  /** Commits whose writers wait for `durable`; `settled()` waits for them. */
  private readonly settling = new Set<Promise<void>>();
  private readonly runOptimistic: Database.Transaction<(batch: PendingWrite[]) => Outcome[]>;
  private readonly runIsolated: Database.Transaction<(batch: PendingWrite[]) => Outcome[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly options: GroupCommitOptions,
  ) {
    // Nearly every batch succeeds as a whole, so it first runs without savepoints: a SAVEPOINT
    // and a RELEASE per write cost about as much as the write itself. If any write throws, the
    // whole transaction is rolled back (that write may have written half of its rows) and the
    // batch runs again, each write in a savepoint of its own, so only the failing one is undone.
    this.runOptimistic = db.transaction((batch: PendingWrite[]) =>
      batch.map((write): Outcome => {
        try {
          return { ok: true, value: write.work() };
        } catch {
          throw new WriteFailed();
        }
      }),
    );
    // better-sqlite3 turns a transaction function called inside another into a SAVEPOINT.
    const inSavepoint = db.transaction((work: () => unknown) => work());
    this.runIsolated = db.transaction((batch: PendingWrite[]) =>
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
   * Work may run twice (see the constructor): it must depend only on what it reads in the
   * transaction, and have no effect outside it beyond ones that are safe to repeat.
   */
  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        at: performance.now(),
        work,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.schedule();
    });
  }

  /** Commits everything queued now, synchronously (used by close). */
  flush(): void {
    while (this.queue.length > 0) this.commitNext();
  }

  /** Resolves once every committed batch's writers have been told (used by close). */
  async settled(): Promise<void> {
    while (this.settling.size > 0) await Promise.allSettled([...this.settling]);
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
    let isolated = false;
    try {
      if (!this.db.open) throw new Error('the database is closed');
      // IMMEDIATE takes the write lock at BEGIN, where the busy timeout applies, instead of
      // failing at the first insert if another connection (a backup, say) is writing.
      try {
        outcomes = this.runOptimistic.immediate(batch);
      } catch (error) {
        if (!(error instanceof WriteFailed)) throw error;
        isolated = true;
        outcomes = this.runIsolated.immediate(batch);
      }
    } catch (cause) {
      const error = new StoreUnavailable('The SQLite event store could not commit', { cause });
      for (const write of batch) write.reject(error);
      return;
    }
    const committed = performance.now();
    const timing = { started, committed };
    const { durable } = this.options;
    if (!durable) {
      this.settle(batch, outcomes, isolated, timing);
      return;
    }
    const settling = durable().then(
      () => this.settle(batch, outcomes, isolated, timing),
      (cause: unknown) => {
        const error = new StoreUnavailable('The SQLite event store could not sync to disk', {
          cause,
        });
        for (const write of batch) write.reject(error);
      },
    );
    this.settling.add(settling);
    void settling
      // The writers have their answers by then; a failing listener (metrics, wake-ups) is not
      // theirs, and must neither vanish nor crash the process: it becomes a process warning.
      .catch((error: unknown) =>
        process.emitWarning(error instanceof Error ? error : String(error), 'GroupCommitListener'),
      )
      .finally(() => this.settling.delete(settling));
  }

  private settle(
    batch: PendingWrite[],
    outcomes: Outcome[],
    isolated: boolean,
    { started, committed }: { started: number; committed: number },
  ): void {
    const now = performance.now();
    // Settle first, so a throwing onCommit can never leave a writer waiting forever.
    let failed = 0;
    batch.forEach((write, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) write.resolve(outcome.value);
      else {
        failed += 1;
        write.reject(outcome?.error);
      }
    });
    this.options.onCommit?.({
      writes: batch.length,
      failed,
      isolated,
      durationMs: now - started,
      waitMs: started - batch[0]!.at,
      transactionMs: committed - started,
      syncMs: now - committed,
    });
  }
}
