/**
 * Feeds the projections from `$all`, starting after the stored checkpoint: at start the history
 * is read page by page and each page applied in one transaction (a rebuild replays the whole
 * log this way); then a catch-up subscription applies each new event in a transaction of its
 * own. Events and the checkpoint they reach are always written in the same transaction, so a
 * crash never applies an event twice or skips one. Callers that just appended can `waitFor`
 * the position to read their own writes.
 */
import { EventEmitter } from 'node:events';
import type { EventFilter, EventStore, RecordedEvent, Subscription } from '../eventstore/port.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { BulkBuilder, Projection, ReadModelChange } from './projection.js';
import { replaying } from './projections/projection-kit.js';
import type { ReadModelDb } from './read-model-db.js';

/** Bump when any projection's tables change shape: a mismatch triggers a rebuild at start. */
export const READ_MODEL_SCHEMA_VERSION = 7;
const PROJECTOR = 'main';
/** Events per transaction while catching up: a commit per event costs more than the event. */
const CATCH_UP_BATCH = 500;

export interface ProjectorOptions {
  store: EventStore;
  db: ReadModelDb;
  projections: Projection[];
  /** Only these streams are read; the text's update stream is far too large to project here. */
  filter?: EventFilter;
  logger: Logger;
  metrics?: Metrics;
  /**
   * Events per transaction while catching up (default 500). A rebuild, which nothing reads
   * meanwhile, passes far more: each commit rewrites every page the batch touched, and the
   * projections' indexes on random ids touch pages all over the file.
   */
  catchUpBatch?: number;
}

/** A rebuild's replay: a step per projection, the bulk builders, the last event not committed. */
interface ReplayState {
  steps: ((event: RecordedEvent) => void)[];
  builders: BulkBuilder[];
  last: RecordedEvent | undefined;
}

export interface ProjectorEvents {
  changes: [ReadModelChange[]];
}

export class Projector extends EventEmitter<ProjectorEvents> {
  private subscription: Subscription | undefined;
  private position: bigint | undefined;
  private waiters: { position: bigint; resolve(): void }[] = [];
  private readonly applyInTransaction: (events: readonly RecordedEvent[]) => ReadModelChange[];
  private readonly saveCheckpoint: (events: readonly RecordedEvent[]) => void;
  /** A rebuild's replay, made on first use (its builders keep state across pages). */
  private replayState: ReplayState | undefined;

  constructor(private readonly options: ProjectorOptions) {
    super();
    const { db, projections } = options;
    const save = db.prepare(
      `INSERT INTO checkpoints (projector, position, schema_version) VALUES (?, ?, ?)
       ON CONFLICT(projector) DO UPDATE SET position = excluded.position, schema_version = excluded.schema_version`,
    );
    this.saveCheckpoint = (events) => {
      const last = events.at(-1);
      if (last) save.run(PROJECTOR, last.position!.toString(), READ_MODEL_SCHEMA_VERSION);
    };
    this.applyInTransaction = db.transaction((events: readonly RecordedEvent[]) => {
      const changes: ReadModelChange[] = [];
      for (const event of events) {
        for (const projection of projections) {
          const produced = projection.apply(db, event);
          if (produced) changes.push(...produced);
        }
      }
      this.saveCheckpoint(events);
      return changes;
    });
  }

  /** The last position applied, or undefined before the first event. */
  get checkpoint(): bigint | undefined {
    return this.position;
  }

  /** Creates tables, rebuilds if the stored schema is outdated, and subscribes. Resolves once caught up. */
  async start(): Promise<void> {
    const { db, projections, logger } = this.options;
    const stored = db
      .prepare('SELECT position, schema_version FROM checkpoints WHERE projector = ?')
      .get(PROJECTOR) as { position: string; schema_version: number } | undefined;
    if (stored && stored.schema_version !== READ_MODEL_SCHEMA_VERSION) {
      logger.info(
        { from: stored.schema_version, to: READ_MODEL_SCHEMA_VERSION },
        'read-model schema changed: rebuilding',
      );
      this.reset();
    } else {
      for (const p of projections) p.migrate(db);
      this.position = stored ? BigInt(stored.position) : undefined;
    }
    await this.catchUp();
    this.subscribe();
    await this.subscription!.caughtUp;
    logger.info({ checkpoint: this.position?.toString() ?? 'start' }, 'read models caught up');
  }

  /** Drops and recreates every projection's tables and forgets the checkpoint. */
  reset(): void {
    const { db, projections } = this.options;
    db.transaction(() => {
      for (const p of projections) p.reset(db);
      for (const p of projections) p.migrate(db);
      db.prepare('DELETE FROM checkpoints WHERE projector = ?').run(PROJECTOR);
    })();
    this.position = undefined;
  }

  /**
   * Applies the history after the checkpoint in batches. The subscription that follows starts
   * from where this stopped and delivers whatever was appended meanwhile.
   */
  private async catchUp(): Promise<void> {
    const { store, filter } = this.options;
    const from = this.position === undefined ? 'start' : this.position + 1n;
    const size = this.options.catchUpBatch ?? CATCH_UP_BATCH;
    let batch: RecordedEvent[] = [];
    for await (const event of store.readAll({
      fromPosition: from,
      ...(filter ? { filter } : {}),
    })) {
      batch.push(event);
      if (batch.length >= size) {
        this.applyBatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) this.applyBatch(batch);
  }

  /**
   * For a rebuild, which nobody reads meanwhile: applies a page of history inside the replay's
   * transaction (begun with the first page), through each projection's bulk builder where it
   * has one, and without describing the changes (nobody listens to them). `commitReplay` ends
   * the transaction; a transaction may span several pages, so a page can stay small (the
   * events of a page in memory are what the garbage collector keeps copying) while commits
   * stay rare. Live catch-up never comes here.
   */
  replayPage(events: readonly RecordedEvent[]): void {
    const last = events.at(-1);
    if (!last) return;
    const { db } = this.options;
    const replay = (this.replayState ??= this.replay());
    if (!db.inTransaction) db.exec('BEGIN');
    replaying(db, () => {
      for (const event of events) for (const step of replay.steps) step(event);
    });
    replay.last = last;
  }

  /** Writes what the bulk builders kept and the checkpoint, and commits the replay's transaction. */
  commitReplay(): void {
    const { db } = this.options;
    const replay = this.replayState;
    if (!replay?.last || !db.inTransaction) return;
    const last = replay.last;
    replaying(db, () => {
      for (const builder of replay.builders) builder.flush();
      this.saveCheckpoint([last]);
    });
    db.exec('COMMIT');
    replay.last = undefined;
    this.position = last.position;
    this.releaseWaiters();
  }

  /** Drops what the replay applied since its last commit, and what its builders kept. */
  abortReplay(): void {
    const { db } = this.options;
    if (db.inTransaction) db.exec('ROLLBACK');
    this.replayState = undefined;
  }

  private replay(): ReplayState {
    const { db, projections } = this.options;
    const builders: BulkBuilder[] = [];
    const steps = projections.map((projection): ((event: RecordedEvent) => void) => {
      const builder = projection.bulk?.(db);
      if (!builder) return (event) => void projection.apply(db, event);
      builders.push(builder);
      return (event) => builder.apply(event);
    });
    return { steps, builders, last: undefined };
  }

  private applyBatch(events: readonly RecordedEvent[]): void {
    const { metrics } = this.options;
    const changes = this.applyInTransaction(events);
    const last = events.at(-1)!;
    this.position = last.position;
    metrics?.subscriptionLag.set(
      { subscription: 'read-models' },
      (Date.now() - last.created.getTime()) / 1000,
    );
    this.releaseWaiters();
    if (changes.length) this.emit('changes', changes);
  }

  private subscribe(): void {
    const { store, filter, logger } = this.options;
    this.subscription = store.subscribeToAll(
      {
        onEvent: (event) => this.applyBatch([event]),
        onError: (error) => {
          logger.error({ err: error }, 'read-model subscription dropped; resubscribing in 1 s');
          setTimeout(() => this.subscribe(), 1000).unref();
        },
      },
      { from: this.position ?? 'start', ...(filter ? { filter } : {}) },
    );
  }

  /**
   * Resolves once the projector has applied everything up to `position`. Events that the
   * filter excludes never arrive, so callers pass the position of an event it does include.
   */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<void> {
    if (this.position !== undefined && this.position >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`read models did not reach position ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ position, resolve: done });
    });
  }

  private releaseWaiters(): void {
    if (this.waiters.length === 0 || this.position === undefined) return;
    const reached = this.position;
    const remaining: typeof this.waiters = [];
    for (const w of this.waiters) {
      if (w.position <= reached) w.resolve();
      else remaining.push(w);
    }
    this.waiters = remaining;
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }
}
