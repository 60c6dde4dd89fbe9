/**
 * A document's process stream (`process-<documentId>`) read from the log and folded with the
 * shared `evolveProcess`: its deadlines and silences now. Small streams, read whole each time.
 */
import {
  evolveProcess,
  initialProcessState,
  processEventSchemas,
  processStream,
  type ProcessState,
} from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';
import { foldStream } from '../fold-stream.js';

export const processAt = (store: EventStore, documentId: string): Promise<ProcessState> =>
  foldStream(
    store,
    processStream(documentId),
    processEventSchemas,
    evolveProcess,
    initialProcessState(),
  );
