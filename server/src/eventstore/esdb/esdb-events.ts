/**
 * Events in and out of the client: port events to the client's event data, recorded events
 * back to the port's shape, the size an append counts against MAX_APPEND_SIZE, and which
 * events the port never shows (system events, links) or a filter excludes.
 */
import { binaryEvent, eventTypeFilter, jsonEvent, streamNameFilter } from '@eventstore/db-client';
import type {
  EventData,
  Filter,
  JSONType,
  Position,
  RecordedEvent as ClientRecordedEvent,
  ResolvedEvent,
} from '@eventstore/db-client';
import type { EventFilter, EventToAppend, JsonObject, JsonValue, RecordedEvent } from '../port.js';
import { toPortPosition } from './esdb-conversions.js';

export function toClientEvent(event: EventToAppend): EventData {
  const { id, type, data, metadata } = event;
  if (data instanceof Uint8Array) return binaryEvent({ id, type, data, metadata });
  // The client JSON.stringifies any value; its JSONType merely leaves out bare scalars.
  return jsonEvent({ id, type, data: data as JSONType, metadata });
}

/** Bytes of data and metadata, as EventStoreDB counts them against its MaxAppendSize. */
export function appendSize(events: readonly EventToAppend[]): number {
  let size = 0;
  for (const { data, metadata } of events) {
    size += data instanceof Uint8Array ? data.byteLength : jsonByteLength(data);
    if (metadata !== undefined) size += jsonByteLength(metadata);
  }
  return size;
}

function jsonByteLength(value: JsonValue): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * A recorded event in the port's shape. `commitPosition` is the read's own position (set on
 * `$all`); otherwise the event's position is used if the server gave a real one.
 */
export function toPortEvent(event: ClientRecordedEvent, commitPosition?: bigint): RecordedEvent {
  const eventPosition: Position | undefined = event.position;
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: toPortPosition(commitPosition) ?? toPortPosition(eventPosition?.commit),
    id: event.id,
    type: event.type,
    data: event.isJson ? (event.data as JsonValue) : asPlainBytes(event.data),
    isJson: event.isJson,
    metadata: isJsonObject(event.metadata) ? event.metadata : {},
    created: event.created,
  };
}

/** Buffers compare unequal to Uint8Arrays in deep equality; hand out the plain type. */
function asPlainBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.constructor === Uint8Array) return bytes;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

/** EventStoreDB's own events and streams start with `$`; Accord never writes such names. */
export function isSystemEvent(event: Pick<ClientRecordedEvent, 'type' | 'streamId'>): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/**
 * The event a subscriber or reader of the port may see, or undefined: link events (`$>`,
 * or anything arriving with a link) and system events are skipped.
 */
export function deliverableEvent(resolved: ResolvedEvent): ClientRecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined || resolved.link !== undefined || isSystemEvent(event)) return undefined;
  return event;
}

export function matchesFilter(
  event: Pick<ClientRecordedEvent, 'type' | 'streamId'>,
  filter: EventFilter | undefined,
): boolean {
  if (filter === undefined) return true;
  const subject = filter.on === 'streamName' ? event.streamId : event.type;
  return filter.prefixes.some((prefix) => subject.startsWith(prefix));
}

/** The server-side filter of a `$all` subscription, reporting checkpoints to `onCheckpoint`. */
export function toClientFilter(
  filter: EventFilter,
  onCheckpoint: (position: Position) => void,
): Filter {
  const options = {
    prefixes: filter.prefixes,
    checkpointReached: (_subscription: unknown, position: Position) => onCheckpoint(position),
  };
  return filter.on === 'streamName' ? streamNameFilter(options) : eventTypeFilter(options);
}

/** The commit position of a resolved event read from `$all`. */
export function commitPositionOf(resolved: ResolvedEvent): bigint | undefined {
  return (
    toPortPosition(resolved.commitPosition) ??
    toPortPosition(resolved.event?.position?.commit) ??
    toPortPosition(resolved.link?.position?.commit)
  );
}
