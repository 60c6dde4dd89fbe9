/**
 * `accord restore FILE`: loads a backup into an EMPTY store, stream by stream in the
 * original order, checking each append against the revision the restore itself wrote, so a
 * concurrent writer or a non-empty store is detected instead of silently merged. The file is
 * validated whole before the first append, so a corrupt backup writes nothing.
 */
import type { Readable } from 'node:stream';
import readline from 'node:readline';
import { AppendTooLarge } from '../eventstore/errors.js';
import {
  MAX_APPEND_SIZE,
  type EventStore,
  type EventToAppend,
  type JsonObject,
  type JsonValue,
} from '../eventstore/port.js';
import { BackupLineSchema, type BackupLine } from './backup-format.js';

export class RestoreError extends Error {
  override name = 'RestoreError';
}

export interface RestoreResult {
  events: number;
  streams: number;
  /** Streams whose restored revisions differ from the backup's (e.g. after soft deletes). */
  renumbered: string[];
}

const BATCH_EVENTS = 200;
// Leave headroom under the store's per-append limit for per-event overhead.
const BATCH_BYTES = Math.floor(MAX_APPEND_SIZE * 0.8);

function toEvent(line: BackupLine): EventToAppend {
  return {
    id: line.id,
    type: line.type,
    data:
      line.encoding === 'base64'
        ? new Uint8Array(Buffer.from(String(line.data), 'base64'))
        : (line.data as JsonValue),
    metadata: line.metadata as JsonObject,
  };
}

async function assertEmpty(store: EventStore): Promise<void> {
  for await (const _ of store.readAll({ maxCount: 1 })) {
    throw new RestoreError('The event store is not empty: restore only into an empty store.');
  }
}

/** Parses and validates a backup line by line; throws RestoreError naming the first bad line. */
async function* readBackup(input: Readable): AsyncGenerator<{ line: BackupLine; size: number }> {
  let lineNumber = 0;
  const reader = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const raw of reader) {
    lineNumber += 1;
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new RestoreError(`Line ${lineNumber} is not valid JSON.`);
    }
    const line = BackupLineSchema.safeParse(parsed);
    if (!line.success) {
      const issue = line.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      throw new RestoreError(
        `Line ${lineNumber} is not a backup event${where}: ${issue?.message ?? 'invalid'}.`,
      );
    }
    if (raw.length > MAX_APPEND_SIZE)
      throw new AppendTooLarge(line.data.stream, raw.length, MAX_APPEND_SIZE);
    yield { line: line.data, size: raw.length };
  }
}

/** Reads the whole backup once without writing: the number of events, or the first error. */
export async function validateBackup(input: Readable): Promise<{ events: number }> {
  let events = 0;
  for await (const _ of readBackup(input)) events += 1;
  return { events };
}

export async function restoreStore(
  store: EventStore,
  openInput: () => Readable,
  onProgress?: (events: number, total: number) => void,
): Promise<RestoreResult> {
  await assertEmpty(store);
  const { events: total } = await validateBackup(openInput());
  const lastRevision = new Map<string, bigint>();
  const renumbered = new Set<string>();
  let batch: { stream: string; lines: BackupLine[]; bytes: number } | undefined;
  let events = 0;

  const flush = async (): Promise<void> => {
    if (!batch) return;
    const { stream, lines } = batch;
    batch = undefined;
    const expected = lastRevision.get(stream) ?? 'no_stream';
    const result = await store.appendToStream(stream, lines.map(toEvent), {
      expectedRevision: expected,
    });
    if (result.nextExpectedRevision !== BigInt(lines.at(-1)!.revision)) renumbered.add(stream);
    lastRevision.set(stream, result.nextExpectedRevision);
    events += lines.length;
    onProgress?.(events, total);
  };

  for await (const { line, size } of readBackup(openInput())) {
    const full = batch && (batch.lines.length >= BATCH_EVENTS || batch.bytes + size > BATCH_BYTES);
    if (batch && (batch.stream !== line.stream || full)) await flush();
    batch ??= { stream: line.stream, lines: [], bytes: 0 };
    batch.lines.push(line);
    batch.bytes += size;
  }
  await flush();
  return { events, streams: lastRevision.size, renumbered: [...renumbered] };
}
