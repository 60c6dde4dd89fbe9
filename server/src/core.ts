/**
 * Accord without its network front: the event store, read models, command handling, accounts
 * and the documents' text. The server puts HTTP, socket.io and websockets around it; the CLI
 * (seeding, imports) uses it headless, so both act through exactly the same code.
 */
import type { AccountService } from './accounts/account-service.js';
import { createAccountService } from './accounts/account-service.js';
import type { AccessRefresh, DocumentText } from './api/api-deps.js';
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
import { createCollabAuth } from './text/collab-auth.js';
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
  const commands = createCommandService({
    store,
    waitForReadModels: (position) => readModels.projector.waitFor(position),
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
  const access: AccessRefresh = {
    document: (documentId) => collab.refreshAccess(documentId),
    negotiation: async (negotiationId) => {
      await Promise.all(
        queries.listDocuments(negotiationId).map((d) => collab.refreshAccess(d.documentId)),
      );
    },
    signedOut: (userId) => collab.refreshUser(userId),
  };
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
      await collab.close();
      await readModels.stop();
      await store.close();
    },
  };
}
