/**
 * A document's stream read from the log and folded with the shared `evolveDocument`: its state
 * now or as of a log position, and each event with where and when it happened (for the
 * burn-down). Brackets and options live only in this stream, so their services, their reactor
 * and their read side all start here.
 *
 *   const { state, placedIn } = await documentAt(store, documentId);               // now
 *   const then = await documentAt(store, documentId, { upToPosition: 1200n });
 */
import {
  documentEventSchemas,
  documentStream,
  evolveDocument,
  initialDocumentState,
  parseStoredEvent,
  type DocumentEvent,
  type DocumentState,
} from '@accord/shared';
import { occurredAtOf } from '../../eventstore/occurred-at.js';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';

export interface DocumentStep {
  event: DocumentEvent;
  recorded: RecordedEvent;
  /** Global log position. */
  position: bigint;
  at: string;
}

const isDocumentEvent = (event: { type: string }): event is DocumentEvent =>
  Object.hasOwn(documentEventSchemas, event.type);

const step = (recorded: RecordedEvent): DocumentStep | undefined => {
  const event = parseStoredEvent(recorded);
  if (!isDocumentEvent(event)) return undefined;
  return { event, recorded, position: recorded.position!, at: occurredAtOf(recorded).iso };
};

/**
 * The document's events in order, with their global positions. The stream is read directly
 * (indexed) when the store gives positions on stream reads (SQLite, PostgreSQL); otherwise
 * from `$all` filtered to the stream's name.
 */
export async function* documentSteps(
  store: EventStore,
  documentId: string,
): AsyncGenerator<DocumentStep> {
  const stream = documentStream(documentId);
  const direct: RecordedEvent[] = [];
  let positioned = true;
  for await (const recorded of store.readStream(stream)) {
    if (recorded.position === undefined) {
      positioned = false;
      break;
    }
    direct.push(recorded);
  }
  if (positioned) {
    for (const recorded of direct) {
      const next = step(recorded);
      if (next) yield next;
    }
    return;
  }
  for await (const recorded of store.readAll({
    filter: { on: 'streamName', prefixes: [stream] },
  })) {
    // The prefix also matches longer ids that start with this one.
    if (recorded.streamId !== stream) continue;
    const next = step(recorded);
    if (next) yield next;
  }
}

export interface FoldedDocument {
  state: DocumentState;
  /** The `document-` stream revision of each bracket's BracketPlaced, as a decimal string. */
  placedIn: ReadonlyMap<string, string>;
  /** The last event folded; undefined for a document with none. */
  position: bigint | undefined;
}

/** The document folded from its stream, up to (and including) `upToPosition` when given. */
export async function documentAt(
  store: EventStore,
  documentId: string,
  cut: { upToPosition?: bigint } = {},
): Promise<FoldedDocument> {
  let state = initialDocumentState();
  const placedIn = new Map<string, string>();
  let position: bigint | undefined;
  for await (const step of documentSteps(store, documentId)) {
    if (cut.upToPosition !== undefined && step.position > cut.upToPosition) break;
    state = evolveDocument(state, step.event);
    if (step.event.type === 'BracketPlaced') {
      placedIn.set(step.event.data.bracketId, step.recorded.revision.toString());
    }
    position = step.position;
  }
  return { state, placedIn, position };
}
