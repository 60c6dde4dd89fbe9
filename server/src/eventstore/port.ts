/**
 * The event store port: the one interface everything above the store uses. It mirrors
 * EventStoreDB's semantics so the embedded SQLite adapter and the EventStoreDB adapter are
 * interchangeable (ARCHITECTURE.md, layer 4). Nothing above this file knows which runs.
 *
 *   const { nextExpectedRevision } = await store.appendToStream('document-42', [event], {
 *     expectedRevision: 'no_stream',
 *   });
 *   for await (const e of store.readStream('document-42')) evolve(state, e);
 */

/** JSON as stored in an event's data or metadata. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * What the caller believes about the stream before appending:
 * - `'any'`: no check;
 * - `'no_stream'`: the stream must not exist (or was soft-deleted);
 * - `'stream_exists'`: the stream must have at least one event;
 * - a bigint: the revision of the stream's last event (revisions are 0-based).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** An event to append. `id` makes retries idempotent: the same ids twice append once. */
export interface EventToAppend {
  /** UUID; generated when absent (then a retry is not idempotent). */
  id?: string;
  type: string;
  /** JSON data, or raw bytes (stored and returned as a Uint8Array). */
  data: JsonValue | Uint8Array;
  metadata?: JsonObject;
}

export interface RecordedEvent {
  streamId: string;
  /** 0-based position of the event within its stream. */
  revision: bigint;
  /**
   * Global position: strictly increasing across the whole store, not necessarily
   * consecutive. Always set on `$all` reads and subscriptions. On stream reads it is set
   * when the store knows it (SQLite does; EventStoreDB's index does not, so it is undefined).
   */
  position: bigint | undefined;
  id: string;
  type: string;
  /** Parsed JSON when `isJson`, otherwise the raw bytes. */
  data: JsonValue | Uint8Array;
  isJson: boolean;
  metadata: JsonObject;
  created: Date;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append. */
  nextExpectedRevision: bigint;
  /** The global position of the last event written (or of the original on an idempotent retry). */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive start; default `'start'` forwards and `'end'` backwards. */
  fromRevision?: 'start' | 'end' | bigint;
  direction?: Direction;
  /** Default: no limit. */
  maxCount?: number;
}

/** EventStoreDB filters on one thing at a time: stream names or event types, by prefix. */
export type EventFilter =
  { on: 'streamName'; prefixes: string[] } | { on: 'eventType'; prefixes: string[] };

export interface ReadAllOptions {
  /** Inclusive start; default `'start'` forwards and `'end'` backwards. */
  fromPosition?: 'start' | 'end' | bigint;
  direction?: Direction;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscriptionHandlers {
  /**
   * Called once per event, in order. A returned promise is awaited before the next event is
   * delivered, so a slow subscriber slows delivery down and loses nothing.
   */
  onEvent(event: RecordedEvent): void | Promise<void>;
  /** Called once, when history has been delivered and the subscription is live. */
  onCaughtUp?(): void;
  /** Called if the subscription is dropped by the store (not after `close()`). */
  onError?(error: Error): void;
}

export interface Subscription {
  /** Stops delivery; resolves when no further handler call will be made. */
  close(): Promise<void>;
  /** Resolves when the subscription has caught up (see `onCaughtUp`). */
  readonly caughtUp: Promise<void>;
}

export interface SubscribeToStreamOptions {
  /** Exclusive: `'start'` delivers from revision 0, a revision delivers from the one after it. */
  from?: 'start' | 'end' | bigint;
}

export interface SubscribeToAllOptions {
  /** Exclusive: `'start'` delivers everything, a position delivers what comes after it. */
  from?: 'start' | 'end' | bigint;
  filter?: EventFilter;
}

/** Stream metadata that limits what a stream read returns (as in EventStoreDB). */
export interface StreamMetadata {
  /** Keep only the newest N events. */
  maxCount?: number;
  /** Keep only events younger than this many seconds. */
  maxAge?: number;
  /** Hide every event with a revision lower than this. */
  truncateBefore?: bigint;
}

export type StoreKind = 'sqlite' | 'eventstoredb' | 'postgresql';

export interface EventStore {
  readonly kind: StoreKind;

  appendToStream(
    stream: string,
    events: EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;

  /** A missing or soft-deleted stream reads as empty; a tombstoned one throws StreamDeleted. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** Every event in global order; never system events. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToStream(
    stream: string,
    handlers: SubscriptionHandlers,
    options?: SubscribeToStreamOptions,
  ): Subscription;

  subscribeToAll(handlers: SubscriptionHandlers, options?: SubscribeToAllOptions): Subscription;

  getStreamMetadata(stream: string): Promise<StreamMetadata>;
  setStreamMetadata(stream: string, metadata: StreamMetadata): Promise<void>;

  /** Soft delete: the stream reads as empty and may be written again, continuing its revisions. */
  deleteStream(stream: string, options?: { expectedRevision?: ExpectedRevision }): Promise<void>;
  /** Hard delete: the stream can never be read or written again. */
  tombstoneStream(stream: string, options?: { expectedRevision?: ExpectedRevision }): Promise<void>;

  /**
   * Removes for good the events of a stream that its metadata (`truncateBefore`, `maxCount`) or
   * a soft delete hides, and answers how many. Until then they are only hidden: `$all` still
   * returns them, and metadata set anew can show them again; afterwards neither, as after
   * EventStoreDB's scavenge. Offered where one stream can be scavenged on its own (SQLite,
   * PostgreSQL); EventStoreDB's operators schedule its scavenge of the whole database.
   */
  scavengeStream?(stream: string): Promise<number>;

  /** Throws StoreUnavailable when the store cannot be reached. */
  ping(): Promise<void>;
  /** Flushes pending work and releases the store. */
  close(): Promise<void>;
}

/** 1 MiB per append, as EventStoreDB's default `MaxAppendSize`. */
export const MAX_APPEND_SIZE = 1024 * 1024;

/** The global position of the log's newest event, or undefined for an empty log. */
export async function lastPosition(store: EventStore): Promise<bigint | undefined> {
  const [last] = await collect(
    store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 }),
  );
  return last?.position;
}

/** Gathers an async iterable into an array (for small reads and tests). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
