/**
 * Accord without its network front: the event store, read models, command handling, accounts
 * and the documents' text. The server puts HTTP, socket.io and websockets around it; the CLI
 * (seeding, imports) uses it headless, so both act through exactly the same code.
 */
import type { AccountService } from './accounts/account-service.js';
import { createAccountService } from './accounts/account-service.js';
import type { DocumentText } from './api/api-deps.js';
import { createAccessRefresh, type AccessRefresh } from './application/access-refresh.js';
import { createCollabGateway, type CollabGateway } from './collab/collab-gateway.js';
import { createCommandService, type CommandService } from './commands/command-service.js';
import type { Config } from './config.js';
import { instrumentEventStore } from './eventstore/instrumented-event-store.js';
import { openEventStore } from './eventstore/open-event-store.js';
import type { EventStore } from './eventstore/port.js';
import type { Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { readModelFile } from './readmodels/read-model-db.js';
import { createReadModels, type ReadModels } from './readmodels/read-models.js';
import { createCollabAuth } from './collab/collab-auth.js';
import { createCollabDocumentText } from './text/collab-document-text.js';

export interface AccordCore {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  store: EventStore;
  readModels: ReadModels;
  commands: CommandService;
  accounts: AccountService;
  collab: CollabGateway;
  text: DocumentText;
  access: AccessRefresh;
  close(): Promise<void>;
}

export async function createCore(
  config: Config,
  logger: Logger,
  options: { store?: EventStore } = {},
): Promise<AccordCore> {
  const metrics = createMetrics();
  const store = instrumentEventStore(options.store ?? openEventStore(config), metrics);
  await store.ping();
  const readModels = createReadModels({
    store,
    file: readModelFile(config.dataDir),
    logger,
    metrics,
  });
  await readModels.start();
  const { queries } = readModels;
  // Mode and membership changes re-decide open connections as the read models apply them; a
  // command answers only once that is done, so no route has to remember to refresh.
  const access = createAccessRefresh({
    changes: readModels.projector,
    documentsOf: (negotiationId) => queries.listDocuments(negotiationId).map((d) => d.documentId),
    logger,
  });
  const commands = createCommandService({
    store,
    waitForReadModels: async (position) => {
      await readModels.projector.waitFor(position);
      await access.settled();
    },
    commandRecord: (commandId) => queries.getCommandRecord(commandId),
  });
  const accounts = createAccountService({ commands, queries });
  const collab = createCollabGateway({
    store,
    hooks: createCollabAuth({ accounts, queries }),
    logger: logger.child({ component: 'collab' }),
    metrics,
  });
  const text = createCollabDocumentText({ collab, store, queries });
  access.attach({
    documentAccessChanged: (documentId) => collab.refreshAccess(documentId),
    signedOut: (userId) => collab.refreshUser(userId),
  });
  return {
    config,
    logger,
    metrics,
    store,
    readModels,
    commands,
    accounts,
    collab,
    text,
    access,
    async close() {
      access.close();
      await collab.close();
      await readModels.stop();
      await store.close();
    },
  };
}
