// The server's public surface for the benchmark and end-to-end harness in tests/.
export * from './eventstore/index.js';
export { openSqliteEventStore } from './eventstore/sqlite/sqlite-event-store.js';
export { startServer, type RunningServer } from './server.js';
export { loadConfig, type Config } from './config.js';
// Time travel and the text log, for the replay benchmark.
export * from './timetravel/index.js';
export { loadDocState, docTextStream, type DocState } from './collab/text-history.js';
export {
  insertParagraphs,
  listParagraphs,
  replaceParagraphText,
  type Paragraph,
} from './collab/doc-structure.js';
export { rebuildReadModels, type RebuildResult } from './readmodels/rebuild.js';
export { openReadModelDb } from './readmodels/read-model-db.js';
export { createLogger } from './observability/logger.js';
// Document exports, for the exports benchmark.
export { compilationModel, exportFormats, renderExport } from './exports/index.js';
