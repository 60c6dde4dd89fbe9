// What every domain projection shares: reading a recorded event once into a domain event, the
// context handlers get (position, time, actor), per-database statement caches, and the
// `defineProjection` adapter from "tables + handler" to the projector's `Projection` interface.
import {
  isEventType,
  parseStoredEvent,
  type AccordEvent,
  type EventType,
  type Role,
} from '@accord/shared';
import type { RecordedEvent } from '../../eventstore/port.js';
import type { BulkBuilder, Projection, ReadModelChange } from '../projection.js';
import type { ReadModelDb } from '../read-model-db.js';

/** One event as handlers see it. */
export interface EventContext {
  event: AccordEvent;
  recorded: RecordedEvent;
  position: bigint;
  /** When it happened (UTC ISO, millisecond precision): the command's clock, else the store's. */
  at: string;
  /** Who acted, from the event's metadata; absent for the server's own acts. */
  actor: { userId?: string; stakeholderId?: string; role?: Role };
  commandType: string | undefined;
}

export type EventData<Type extends EventType> = Extract<AccordEvent, { type: Type }>['data'];

type Handler<Data> = (
  db: ReadModelDb,
  data: Data,
  context: EventContext,
) => ReadModelChange[] | void;

/** One handler per event type the projection cares about; every other type passes it by. */
export type EventHandlers = { [Type in EventType]?: Handler<EventData<Type>> };

export interface DomainProjectionSpec {
  name: string;
  /** Every table (and so every index) the projection owns, dropped by `reset`. */
  tables: readonly string[];
  /** `CREATE TABLE IF NOT EXISTS …` statements; run on every start. */
  schema: string;
  /** Handlers by event type. */
  on?: EventHandlers;
  /** For a projection that looks at every event (the activity feed); runs after `on`. */
  onEvery?: (db: ReadModelDb, context: EventContext) => ReadModelChange[] | void;
  /** A rebuild's bulk builder (see `BulkBuilder`), when the projection has one. */
  bulk?: (db: ReadModelDb) => BulkBuilder;
}

// Every projection reads the same RecordedEvent; parse and validate it once, not ten times.
// The projector hands one event to every projection before the next, so remembering the last
// one is enough (a WeakMap of a rebuild's whole page of events cost more in garbage collection
// than it saved).
let lastParsed: { recorded: RecordedEvent; context: EventContext | null } | undefined;

/**
 * The domain event in a recorded one, or null for what is not ours to read: types outside the
 * registry (the text's `TextUpdated`, roundtable events) and raw bytes. A registered type
 * that fails its schema throws: skipping it would silently corrupt the read models.
 */
export function contextOf(recorded: RecordedEvent): EventContext | null {
  if (lastParsed?.recorded === recorded) return lastParsed.context;
  let context: EventContext | null = null;
  if (recorded.isJson && isEventType(recorded.type)) {
    const event = parseStoredEvent(recorded);
    const meta = recorded.metadata;
    const str = (key: string): string | undefined => {
      const value = meta[key];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    context = {
      event,
      recorded,
      position: recorded.position ?? 0n,
      at: isoTime(str('occurredAt')) ?? recorded.created.toISOString(),
      actor: {
        ...(str('userId') ? { userId: str('userId') } : {}),
        ...(str('stakeholderId') ? { stakeholderId: str('stakeholderId') } : {}),
        ...(str('role') ? { role: str('role') as Role } : {}),
      },
      commandType: str('commandType'),
    };
  }
  lastParsed = { recorded, context };
  return context;
}

/**
 * Stored times are normalised to `toISOString()` so they compare as strings: the schemas accept
 * any sub-second precision, and '…:00Z' sorts after '…:00.500Z' as text.
 */
export function isoTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** `isoTime` for values the schemas guarantee are instants. */
export const iso = (value: string): string => isoTime(value) ?? value;

/**
 * Prepared statements cached per database, built on first use: the tables exist by then, and
 * SQLite re-prepares them by itself after a rebuild drops and recreates the tables.
 */
export function statementsFor<T>(build: (db: ReadModelDb) => T): (db: ReadModelDb) => T {
  const cache = new WeakMap<ReadModelDb, T>();
  return (db) => {
    let statements = cache.get(db);
    if (statements === undefined) {
      statements = build(db);
      cache.set(db, statements);
    }
    return statements;
  };
}

// The databases a rebuild is replaying into: nobody listens to their changes, so projections
// skip describing them (a look-up or more per event). Set only around a synchronous batch.
const replayingDbs = new WeakSet<ReadModelDb>();

/** Runs `apply` as a rebuild's replay into `db`: changes are not described meanwhile. */
export function replaying<T>(db: ReadModelDb, apply: () => T): T {
  replayingDbs.add(db);
  try {
    return apply();
  } finally {
    replayingDbs.delete(db);
  }
}

/** Whether `db` is being replayed into, so the changes an event makes need no description. */
export const isReplaying = (db: ReadModelDb): boolean => replayingDbs.has(db);

export function defineProjection(spec: DomainProjectionSpec): Projection {
  return {
    name: spec.name,
    ...(spec.bulk ? { bulk: spec.bulk } : {}),
    migrate(db) {
      db.exec(spec.schema);
    },
    reset(db) {
      for (const table of spec.tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
    },
    apply(db, recorded) {
      const context = contextOf(recorded);
      if (!context) return undefined;
      const handler = spec.on?.[context.event.type] as Handler<unknown> | undefined;
      const changes = handler?.(db, context.event.data, context) ?? [];
      const more = spec.onEvery?.(db, context) ?? [];
      return [...changes, ...more];
    },
  };
}

/** A change for the live layer, stamped with the event that caused it. */
export function changeOf(
  context: EventContext,
  change: Omit<ReadModelChange, 'eventType' | 'position'>,
): ReadModelChange {
  return { ...change, eventType: context.event.type, position: context.position };
}
