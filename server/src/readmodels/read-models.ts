// Wires the read models together: the SQLite file, the projector fed from the event store with
// every projection of the domain, and the queries over them.
//
//   const readModels = createReadModels({ store, dataDir: config.dataDir, logger, metrics });
//   await readModels.start();                       // caught up with the log
//   readModels.projector.on('changes', push);       // what to tell socket.io rooms
//   readModels.queries.listAmendments(documentId);
import type { EventStore } from '../eventstore/port.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { Projector } from './projector.js';
import { createProjections, readModelFilter } from './projections/index.js';
import { createQueries, type ReadModelQueries } from './queries.js';
import { openReadModelDb, readModelFile, type ReadModelDb } from './read-model-db.js';

export interface ReadModelsOptions {
  store: EventStore;
  /** The data directory: the file is `readModelFile(dataDir)`. */
  dataDir?: string;
  /** Or the file itself (':memory:' in tests); takes precedence over `dataDir`. */
  file?: string;
  logger: Logger;
  metrics?: Metrics;
}

export interface ReadModels {
  db: ReadModelDb;
  projector: Projector;
  queries: ReadModelQueries;
  /** Subscribes to the log; resolves once the read models have caught up with it. */
  start(): Promise<void>;
  /** Stops the subscription and closes the database; queries fail afterwards. */
  stop(): Promise<void>;
}

export function createReadModels(options: ReadModelsOptions): ReadModels {
  const file = options.file ?? (options.dataDir ? readModelFile(options.dataDir) : undefined);
  if (file === undefined) throw new Error('createReadModels needs a dataDir or a file');
  const db = openReadModelDb(file);
  const projections = createProjections();
  // Tables exist from the start, so queries made before `start()` find them (empty).
  for (const projection of projections) projection.migrate(db);
  const projector = new Projector({
    store: options.store,
    db,
    projections,
    filter: readModelFilter,
    logger: options.logger.child({ component: 'read-models' }),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  let stopped = false;
  return {
    db,
    projector,
    queries: createQueries(db),
    start: () => projector.start(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await projector.stop();
      db.close();
    },
  };
}
