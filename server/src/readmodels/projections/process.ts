// Deadlines and silence procedures keep their state in the `process-` stream itself (the process
// service folds it on read); this projection owns no table. It only tells the live layer that a
// document's process changed, so every open draft refreshes its banner at once.
import type { ReadModelChange } from '../projection.js';
import { documentRef } from './lookups.js';
import { changeOf, defineProjection, type EventContext } from './projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';

const PROCESS_EVENTS = new Set([
  'DeadlineSet',
  'DeadlineCleared',
  'SilenceStarted',
  'SilenceBroken',
  'SilenceEnded',
  'SilenceOutcomeRecorded',
]);

function processChanged(db: ReadModelDb, context: EventContext): ReadModelChange[] {
  if (!PROCESS_EVENTS.has(context.event.type)) return [];
  const { documentId } = context.event.data as { documentId: string };
  const negotiationId = documentRef(db, documentId)?.negotiationId;
  if (!negotiationId) return [];
  return [
    changeOf(context, { kind: 'process', negotiationId, documentId, readAction: 'record.read' }),
  ];
}

export const processProjection = defineProjection({
  name: 'process',
  tables: [],
  schema: '',
  onEvery: processChanged,
  // It writes nothing, and a rebuild has nobody to tell.
  bulk: () => ({ apply: () => undefined, flush: () => undefined }),
});
