// Turns the events of one append into the rows an adapter stores, validating them and enforcing
// MAX_APPEND_SIZE before anything is queued, so an oversized append never touches the file.
import { randomUUID } from 'node:crypto';
import { AppendTooLarge } from '../errors.js';
import { MAX_APPEND_SIZE, type EventToAppend } from '../port.js';

export interface EncodedEvent {
  id: string;
  type: string;
  /** JSON text when `isJson`, otherwise the raw bytes. */
  data: string | Buffer;
  isJson: boolean;
  /** JSON text of the metadata object. */
  metadata: string;
}

// EventStoreDB only accepts UUIDs as event ids; refusing anything else here keeps both adapters
// interchangeable instead of letting SQLite accept ids that would fail in production.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates and encodes one append; throws AppendTooLarge or a TypeError. */
export function encodeEvents(stream: string, events: readonly EventToAppend[]): EncodedEvent[] {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new TypeError('A stream name must be a non-empty string');
  }
  let size = 0;
  const seen = new Set<string>();
  const encoded = events.map((event) => {
    const id = (event.id ?? randomUUID()).toLowerCase();
    if (!UUID.test(id)) throw new TypeError(`Event id ${id} is not a UUID`);
    if (seen.has(id)) throw new TypeError(`Event id ${id} appears twice in one append`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new TypeError('An event type must be a non-empty string');
    }
    const isJson = !(event.data instanceof Uint8Array);
    const data = encodeData(event.data);
    const metadata = event.metadata === undefined ? '{}' : encodeMetadata(event.metadata);
    // Counted as EventStoreDB counts it: the bytes of data and of the metadata the caller gave.
    size += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    if (event.metadata !== undefined) size += Buffer.byteLength(metadata);
    return { id, type: event.type, data, isJson, metadata };
  });
  if (size > MAX_APPEND_SIZE) throw new AppendTooLarge(stream, size, MAX_APPEND_SIZE);
  return encoded;
}

function encodeData(data: EventToAppend['data']): string | Buffer {
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const text = JSON.stringify(data) as string | undefined;
  if (text === undefined) throw new TypeError('Event data must be JSON or a Uint8Array');
  return text;
}

function encodeMetadata(metadata: unknown): string {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new TypeError('Event metadata must be a JSON object');
  }
  return JSON.stringify(metadata);
}
