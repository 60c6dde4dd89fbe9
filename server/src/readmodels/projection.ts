/**
 * A projection turns events into rows. It owns its tables: `migrate` creates them, `reset`
 * drops them for a rebuild, `apply` handles one event inside the projector's transaction.
 * A projection may also offer a `bulk` builder, which only a rebuild uses.
 */
import type { Action, ActivityDescription } from '@accord/shared';
import type { RecordedEvent } from '../eventstore/port.js';
import type { ReadModelDb } from './read-model-db.js';

/** What a projection tells the live layer changed, so socket.io can push it to the right rooms. */
export interface ReadModelChange {
  /** e.g. 'amendment', 'position', 'comment', 'document', 'stakeholder', 'member', 'activity' */
  kind: string;
  negotiationId?: string;
  documentId?: string;
  id?: string;
  /** The permission a role needs to be told about it (e.g. 'record.read', 'invitations.manage'). */
  readAction: Action;
  /**
   * When set, only these users are told (their own `u:<userId>` rooms), whatever their role:
   * for private drafts, which only their owner's members may know of.
   */
  audienceUserIds?: readonly string[];
  /** What happened, as data for toasts and activity (never hashes or e-mails). */
  activity?: ActivityDescription;
  /** The event that caused it. */
  eventType: string;
  position: bigint;
}

export interface Projection {
  readonly name: string;
  /** Creates the projection's tables if they do not exist. */
  migrate(db: ReadModelDb): void;
  /** Drops everything the projection owns. */
  reset(db: ReadModelDb): void;
  /** Applies one event; returns what changed (nothing when the event is not its business). */
  apply(db: ReadModelDb, event: RecordedEvent): ReadModelChange[] | void;
  /**
   * For a rebuild only: a builder that takes the history in order and writes the same rows as
   * `apply` would, in bulk. Live catch-up always uses `apply`.
   */
  bulk?(db: ReadModelDb): BulkBuilder;
}

/**
 * Builds a projection's rows during a rebuild. `apply` sees every event in log order and may
 * keep rows in memory; `flush` writes them, and is called at the end of each batch inside the
 * batch's transaction, before its checkpoint. So a projection may only defer the tables that
 * no other projection reads while applying (look-ups must see each event's rows at once).
 */
export interface BulkBuilder {
  apply(event: RecordedEvent): void;
  flush(): void;
}
