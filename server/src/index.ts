// The server's public surface for the benchmark and end-to-end harness in tests/.
export * from './eventstore/index.js';
export { openSqliteEventStore } from './eventstore/sqlite/sqlite-event-store.js';
export { startServer, type RunningServer } from './server.js';
export { loadConfig, type Config } from './config.js';
