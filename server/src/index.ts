// The server's public surface for the benchmark and end-to-end harness in tests/.
export * from './eventstore/index.js';
export { openSqliteEventStore } from './eventstore/sqlite/sqlite-event-store.js';
export { startServer, type RunningServer } from './server.js';
export { loadConfig, type Config } from './config.js';
// Time travel and the text log, for the replay benchmark.
export * from './timetravel/index.js';
export { occurredAtOf } from './eventstore/occurred-at.js';
export { loadDocState, type DocState } from './text/text-history.js';
export {
  insertParagraphs,
  listParagraphs,
  replaceParagraphText,
  type Paragraph,
} from './text/doc-structure.js';
export { TextLog } from './text/text-log.js';
export {
  lastTextRevision,
  paragraphsAt,
  replayTextFromStart,
  textRevisionAtPosition,
  textRevisionAtTime,
} from './text/text-points.js';
export { attributedTexts, type AttributedTexts } from './text/change-attribution.js';
export { rebuildReadModels, type RebuildResult } from './readmodels/rebuild.js';
export { readModelFilter } from './readmodels/projections/index.js';
export { openReadModelDb } from './readmodels/read-model-db.js';
export { createLogger } from './observability/logger.js';
// Document exports, for the exports benchmark.
export { compilationModel, exportFormats, renderExport } from './exports/index.js';
