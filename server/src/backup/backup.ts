/**
 * `accord backup`: every event of the store, in global order, as NDJSON. Reads are paged by
 * the adapter, and the output stream's back-pressure is respected so memory stays flat.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import type { BackupLine } from './backup-format.js';

export interface BackupResult {
  events: number;
}

export function toBackupLine(event: RecordedEvent): BackupLine {
  const binary = event.data instanceof Uint8Array;
  return {
    stream: event.streamId,
    revision: event.revision.toString(),
    id: event.id,
    type: event.type,
    encoding: binary ? 'base64' : 'json',
    data: binary ? Buffer.from(event.data as Uint8Array).toString('base64') : event.data,
    metadata: event.metadata,
    created: event.created.toISOString(),
  };
}

/** The last global position, so progress can be shown as a share of the log. */
async function headPosition(store: EventStore): Promise<bigint> {
  for await (const last of store.readAll({ direction: 'backwards', maxCount: 1 }))
    return last.position ?? 0n;
  return 0n;
}

export async function backupStore(
  store: EventStore,
  out: Writable,
  onProgress?: (position: bigint, head: bigint, events: number) => void,
): Promise<BackupResult> {
  const head = await headPosition(store);
  let events = 0;
  for await (const event of store.readAll()) {
    // Stop at the head seen when we started: a running server may keep appending.
    if (event.position !== undefined && event.position > head) break;
    if (!out.write(`${JSON.stringify(toBackupLine(event))}\n`)) await once(out, 'drain');
    events += 1;
    if (events % 500 === 0) onProgress?.(event.position ?? 0n, head, events);
  }
  onProgress?.(head, head, events);
  return { events };
}
