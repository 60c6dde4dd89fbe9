// The rows the PostgreSQL event store reads, and their mapping to the port's types. node-pg
// returns bigint columns as strings (they may not fit a number), so they become BigInt here.
import type { JsonObject, JsonValue, RecordedEvent, StreamMetadata } from '../port.js';
import type { StreamState } from '../append/expected-revision.js';

export interface EventRow {
  position: string;
  stream: string;
  revision: string;
  event_id: string;
  type: string;
  data: Buffer;
  is_json: boolean;
  /** A json column: node-pg has already parsed it. */
  metadata: JsonObject;
  created: Date;
}

export interface StreamRow {
  last_revision: string;
  max_count: string | null;
  max_age: string | null;
  truncate_before: string | null;
  deleted_before: string | null;
  tombstoned: boolean;
}

export const EVENT_COLUMNS =
  'position, stream, revision, event_id, type, data, is_json, metadata, created';
export const STREAM_COLUMNS =
  'last_revision, max_count, max_age, truncate_before, deleted_before, tombstoned';

/** Every event read from PostgreSQL knows its global position. */
export type StoredEvent = RecordedEvent & { position: bigint };

/** A stream as the reads and the expected-revision check see it. */
export interface StreamInfo extends StreamState {
  metadata: StreamMetadata;
}

export const MISSING_STREAM: StreamInfo = {
  lastRevision: -1n,
  known: false,
  softDeleted: false,
  deletedBefore: undefined,
  tombstoned: false,
  metadata: {},
};

export function toStreamInfo(row: StreamRow | undefined): StreamInfo {
  if (row === undefined) return MISSING_STREAM;
  const lastRevision = BigInt(row.last_revision);
  const deletedBefore = row.deleted_before === null ? undefined : BigInt(row.deleted_before);
  const metadata: StreamMetadata = {};
  if (row.max_count !== null) metadata.maxCount = Number(row.max_count);
  if (row.max_age !== null) metadata.maxAge = Number(row.max_age);
  if (row.truncate_before !== null) metadata.truncateBefore = BigInt(row.truncate_before);
  return {
    lastRevision,
    known: true,
    softDeleted: deletedBefore !== undefined && lastRevision < deletedBefore,
    deletedBefore,
    tombstoned: row.tombstoned,
    metadata,
  };
}

export function toRecordedEvent(row: EventRow): StoredEvent {
  const data: JsonValue | Uint8Array = row.is_json
    ? (JSON.parse(row.data.toString('utf8')) as JsonValue)
    : new Uint8Array(row.data);
  return {
    streamId: row.stream,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    id: row.event_id,
    type: row.type,
    data,
    isJson: row.is_json,
    metadata: row.metadata,
    created: row.created,
  };
}
