// Group commit for PostgreSQL appends: the appends waiting in this process are checked and
// written in one transaction, so a batch pays one commit (one WAL flush) instead of one each.
// Each append is still checked against its own expected revision and fails alone.
//
// A batch (1) locks its streams' rows in name order and checks every append, outside the
// global position lock; (2) takes that lock and writes the appends that passed; (3) commits.
// Locking rows in a fixed order, and the position lock only after all of them, means two
// batches (from two processes) can never wait for each other in a cycle.
import { EventStoreError, WrongExpectedVersion } from '../errors.js';
import type { AppendResult, ExpectedRevision } from '../port.js';
import type { EncodedEvent } from '../append/encode-events.js';
import { checkExpectedRevision, type StoredIds } from '../append/expected-revision.js';
import type { Queryable } from './reads.js';
import { STREAM_COLUMNS, toStreamInfo, type StreamInfo, type StreamRow } from './rows.js';
import { POSITION_LOCK } from './schema.js';

export interface AppendRequest {
  stream: string;
  events: EncodedEvent[];
  expected: ExpectedRevision;
}

/** Runs `work` in one transaction on one connection; commits when it returns. */
export type RunTransaction = (work: (db: Queryable) => Promise<void>) => Promise<void>;

interface Pending extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** What the check decided for one append of a batch. */
type Plan =
  | { kind: 'answer'; result: AppendResult }
  | { kind: 'fail'; error: unknown }
  | { kind: 'write'; first: bigint };

export class AppendBatcher {
  private queue: Pending[] = [];
  private running = false;

  constructor(
    private readonly transaction: RunTransaction,
    private readonly options: { maxBatchSize: number; now: () => Date; onCommit: () => void },
  ) {}

  submit(request: AppendRequest): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ ...request, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  /** One batch at a time: while one commits, the next gathers. */
  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) await this.runBatch(this.takeBatch());
    } finally {
      this.running = false;
    }
  }

  /**
   * Up to maxBatchSize appends, at most one per stream (a later append to the same stream
   * must see the earlier one's revision, so it waits for the next batch, keeping its order).
   */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const streams = new Set<string>();
    const rest: Pending[] = [];
    for (const pending of this.queue) {
      if (batch.length < this.options.maxBatchSize && !streams.has(pending.stream)) {
        streams.add(pending.stream);
        batch.push(pending);
      } else {
        rest.push(pending);
      }
    }
    this.queue = rest;
    return batch.sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    const plans: Plan[] = [];
    const results: AppendResult[] = [];
    try {
      await this.transaction(async (db) => {
        plans.length = 0;
        results.length = 0;
        const created: string[] = [];
        for (const pending of batch) {
          const { plan, createdRow } = await planAppend(db, pending);
          plans.push(plan);
          if (createdRow && plan.kind !== 'write') created.push(pending.stream);
        }
        // Rows made only to lock a stream whose append then wrote nothing.
        if (created.length > 0) {
          await db.query('DELETE FROM accord_streams WHERE stream = ANY($1::text[])', [created]);
        }
        if (!plans.some((plan) => plan.kind === 'write')) return;
        await db.query('SELECT pg_advisory_xact_lock($1)', [POSITION_LOCK.toString()]);
        const now = this.options.now();
        for (const [i, plan] of plans.entries()) {
          if (plan.kind !== 'write') continue;
          const pending = batch[i]!;
          results[i] = await writeEvents(db, pending, plan.first, now);
        }
      });
    } catch (error) {
      // The batch did not commit (or its commit is in doubt): none of its appends is settled.
      for (const pending of batch) pending.reject(error);
      return;
    }
    if (results.length > 0) this.options.onCommit();
    batch.forEach((pending, i) => {
      const plan = plans[i]!;
      if (plan.kind === 'fail') pending.reject(plan.error);
      else if (plan.kind === 'answer') pending.resolve(plan.result);
      else pending.resolve(results[i]!);
    });
  }
}

/**
 * Locks the stream's row for the rest of the transaction, creating it when missing. Writers of
 * one stream queue here, so the check sees the stream as the write will leave it.
 */
export async function lockStream(
  db: Queryable,
  stream: string,
): Promise<{ info: StreamInfo; created: boolean }> {
  for (;;) {
    const existing = await db.query<StreamRow>(
      `SELECT ${STREAM_COLUMNS} FROM accord_streams WHERE stream = $1 FOR UPDATE`,
      [stream],
    );
    if (existing.rows[0]) return { info: toStreamInfo(existing.rows[0]), created: false };
    // Waits for a concurrent creator of the same row; then the SELECT above finds it.
    const inserted = await db.query<StreamRow>(
      `INSERT INTO accord_streams (stream) VALUES ($1) ON CONFLICT (stream) DO NOTHING
       RETURNING ${STREAM_COLUMNS}`,
      [stream],
    );
    if (inserted.rows[0]) {
      // Not "known": the row exists only because of this lock.
      return { info: { ...toStreamInfo(inserted.rows[0]), known: false }, created: true };
    }
  }
}

/** Locks the stream and decides; an expected failure becomes a plan, not an exception. */
async function planAppend(
  db: Queryable,
  request: AppendRequest,
): Promise<{ plan: Plan; createdRow: boolean }> {
  const { stream, events, expected } = request;
  const { info, created } = await lockStream(db, stream);
  const ids = events.map((event) => event.id);
  try {
    // Where the append's ids already are in the stream (nowhere, for a new stream).
    const stored =
      info.lastRevision >= 0n && ids.length > 0
        ? await storedIds(db, stream, ids, info.lastRevision)
        : NO_IDS;
    const check = checkExpectedRevision(stream, info, expected, ids, stored.lookups);
    if (check.outcome === 'idempotent') {
      const position = await positionAt(db, stream, check.lastRevision);
      const result = { nextExpectedRevision: check.lastRevision, position };
      return { plan: { kind: 'answer', result }, createdRow: created };
    }
    // An empty append writes nothing and only checks the expectation, as EventStoreDB does.
    if (events.length === 0) {
      const result = { nextExpectedRevision: info.lastRevision, position: -1n };
      return { plan: { kind: 'answer', result }, createdRow: created };
    }
    // An id already in the stream at another place: the append overlaps an earlier one
    // (SQLite's unique index says the same; one stream never holds an id twice).
    if (stored.found > 0) {
      const actual = info.lastRevision < 0n ? 'no_stream' : info.lastRevision;
      throw new WrongExpectedVersion(stream, expected, actual);
    }
    return { plan: { kind: 'write', first: info.lastRevision + 1n }, createdRow: created };
  } catch (error) {
    // The port's errors (WrongExpectedVersion, StreamDeleted) and a bad argument fail this
    // append alone; a database error fails the batch.
    const own =
      error instanceof EventStoreError || error instanceof RangeError || error instanceof TypeError;
    if (!own) throw error;
    return { plan: { kind: 'fail', error }, createdRow: created };
  }
}

/** Writes one append's events; the caller holds the stream's row and the position lock. */
async function writeEvents(
  db: Queryable,
  request: AppendRequest,
  first: bigint,
  created: Date,
): Promise<AppendResult> {
  const { stream, events } = request;
  const written = await db.query<{ position: string }>(
    `SELECT accord_write_events($1, $2, $3::uuid[], $4::text[], $5::bytea[], $6::boolean[],
       $7::json[], $8) AS position`,
    [
      stream,
      first.toString(),
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => (typeof e.data === 'string' ? Buffer.from(e.data) : e.data)),
      events.map((e) => e.isJson),
      events.map((e) => e.metadata),
      created,
    ],
  );
  return {
    nextExpectedRevision: first + BigInt(events.length) - 1n,
    position: BigInt(written.rows[0]!.position),
  };
}

interface Stored {
  lookups: StoredIds;
  /** How many of the append's ids the stream already holds. */
  found: number;
}

const NO_IDS: Stored = { lookups: { idsFrom: () => [], revisionOf: () => undefined }, found: 0 };

/**
 * Where each of the append's ids already is, in one indexed query. Any other revision holds
 * an id that is not the append's, which is all the idempotency check needs to know about it.
 */
async function storedIds(
  db: Queryable,
  stream: string,
  ids: string[],
  lastRevision: bigint,
): Promise<Stored> {
  const result = await db.query<{ revision: string; event_id: string }>(
    'SELECT revision, event_id FROM accord_events WHERE stream = $1 AND event_id = ANY($2::uuid[])',
    [stream, ids],
  );
  const byRevision = new Map<bigint, string>();
  const byId = new Map<string, bigint>();
  for (const row of result.rows) {
    byRevision.set(BigInt(row.revision), row.event_id);
    byId.set(row.event_id, BigInt(row.revision));
  }
  return {
    found: result.rows.length,
    lookups: {
      idsFrom: (from, count) => {
        const found: string[] = [];
        for (let r = from; r < from + BigInt(count) && r <= lastRevision; r++) {
          found.push(byRevision.get(r) ?? 'another event');
        }
        return found;
      },
      revisionOf: (id) => byId.get(id),
    },
  };
}

async function positionAt(db: Queryable, stream: string, revision: bigint): Promise<bigint> {
  const result = await db.query<{ position: string }>(
    'SELECT position FROM accord_events WHERE stream = $1 AND revision = $2',
    [stream, revision.toString()],
  );
  const position = result.rows[0]?.position;
  if (position === undefined) throw new Error(`No event ${revision} in ${stream}`);
  return BigInt(position);
}
