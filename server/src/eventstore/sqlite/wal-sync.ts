// FULL durability without holding the event loop. SQLite's own FULL mode fsyncs the WAL inside
// COMMIT, and better-sqlite3 runs COMMIT on the main thread: every live update, cursor and
// request waits for the disk at every group commit. Here the connection commits with
// synchronous=OFF (the frames are written to the WAL file, not yet flushed) and this class
// fsyncs the WAL in libuv's thread pool; the group commit tells no writer its append succeeded
// until the fsync that followed its commit has finished. So an acknowledged append is on disk
// exactly as with FULL, while the event loop keeps serving everyone else.
//
// Checkpoints are ours too (wal_autocheckpoint=0): one copies the WAL into the database file
// and, with synchronous=FULL for its duration, fsyncs that file before the WAL may restart and
// overwrite its frames. An automatic checkpoint under OFF would skip that fsync.
//
// Readers on this same connection may see a commit a moment before its fsync finishes; nothing
// is acknowledged, broadcast or projected from it before then (subscriptions wake after it).
import { fsync, openSync, closeSync } from 'node:fs';
import type Database from 'better-sqlite3';

export interface WalSyncOptions {
  /** Checkpoint after this many fsynced commits. Default 250 (a few MB of WAL). */
  checkpointEvery?: number;
  /** node:fs fsync; tests pass a slow or failing one. */
  fsync?: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;
}

const DEFAULT_CHECKPOINT_EVERY = 250;

export class WalSync {
  private fd: number | undefined;
  /** The fsync running now, if any. */
  private running: Promise<void> | undefined;
  /** The fsync that starts when the running one ends: it covers commits made meanwhile. */
  private queued: Promise<void> | undefined;
  private commitsSinceCheckpoint = 0;
  private failure: Error | undefined;
  private readonly checkpointEvery: number;
  private readonly fsync: NonNullable<WalSyncOptions['fsync']>;

  constructor(
    private readonly db: Database.Database,
    private readonly walFile: string,
    options: WalSyncOptions = {},
  ) {
    this.checkpointEvery = options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
    this.fsync = options.fsync ?? fsync;
  }

  /**
   * Resolves once everything committed before the call is on disk. Calls made while an fsync
   * runs share the next one, so a burst of commits costs two fsyncs, not one each.
   */
  barrier(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.queued) return this.queued;
    if (!this.running) return (this.running = this.flush());
    // The running fsync may have started before this commit was written: wait for the next.
    this.queued = this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  /** Checkpoints with an fsync of the database file and closes the descriptor (before close). */
  close(): void {
    if (this.fd === undefined) return;
    this.checkpoint();
    closeSync(this.fd);
    this.fd = undefined;
  }

  private startQueued(): Promise<void> {
    this.queued = undefined;
    return (this.running = this.flush());
  }

  private async flush(): Promise<void> {
    try {
      // The WAL exists from the first commit on and lives as long as the connection is open.
      this.fd ??= openSync(this.walFile, 'r+');
      const fd = this.fd;
      await new Promise<void>((resolve, reject) =>
        this.fsync(fd, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      // After a failed fsync the kernel may have dropped the dirty pages: nothing written since
      // can be trusted to reach the disk, so every later write fails too.
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw this.failure;
    } finally {
      this.running = undefined;
    }
    this.commitsSinceCheckpoint += 1;
    if (this.commitsSinceCheckpoint >= this.checkpointEvery) this.checkpoint();
  }

  private checkpoint(): void {
    if (!this.db.open || this.db.inTransaction) return;
    this.commitsSinceCheckpoint = 0;
    this.db.pragma('synchronous = FULL');
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      this.db.pragma('synchronous = OFF');
    }
  }
}
