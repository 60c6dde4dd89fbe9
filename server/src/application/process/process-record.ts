/**
 * A document's process stream (`process-<documentId>`) read from the log and folded with the
 * shared `evolveProcess`: its deadlines and silences now. Small streams, read whole each time.
 */
import {
  evolveProcess,
  initialProcessState,
  parseStoredEvent,
  processEventSchemas,
  processStream,
  type ProcessEvent,
  type ProcessState,
} from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';

const isProcessEvent = (event: { type: string }): event is ProcessEvent =>
  Object.hasOwn(processEventSchemas, event.type);

export async function processAt(store: EventStore, documentId: string): Promise<ProcessState> {
  let state = initialProcessState();
  for await (const recorded of store.readStream(processStream(documentId))) {
    const event = parseStoredEvent(recorded);
    if (isProcessEvent(event)) state = evolveProcess(state, event);
  }
  return state;
}
