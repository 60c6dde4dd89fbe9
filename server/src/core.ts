/**
 * Accord without its network front: the event store, read models, command handling, accounts
 * and the documents' text. The server puts HTTP, socket.io and websockets around it; the CLI
 * (seeding, imports) uses it headless, so both act through exactly the same code.
 */
import type { AccountService } from './accounts/account-service.js';
import { createAccountService } from './accounts/account-service.js';
import { createAccessRefresh, type AccessRefresh } from './application/access-refresh.js';
import { createNotifications, type Notifications } from './application/notifications/index.js';
import type { DocumentText } from './application/ports.js';
import {
  createApplication,
  type ApplicationOptions,
  type ApplicationServices,
} from './application/services.js';
import type { ClusterNode } from './cluster/cluster-node.js';
import { createCollabGateway, type CollabGateway } from './collab/collab-gateway.js';
import { createCommandService, type CommandService } from './commands/command-service.js';
import type { Config } from './config.js';
import { instrumentEventStore } from './eventstore/instrumented-event-store.js';
import { openEventStore } from './eventstore/open-event-store.js';
import type { EventStore } from './eventstore/port.js';
import type { Logger } from './observability/logger.js';
import { createMetrics, recordGroupCommit, type Metrics } from './observability/metrics.js';
import { readModelFile } from './readmodels/read-model-db.js';
import { createReactorCheckpoints } from './readmodels/reactor-checkpoints.js';
import { createReadModels, type ReadModels } from './readmodels/read-models.js';
import { createCollabAuth } from './collab/collab-auth.js';
import { createCollabTextRules } from './collab/collab-text-rules.js';
import { createCollabDocumentText } from './text/collab-document-text.js';
import { createRevisionText } from './text/revision-text.js';
import { StartupTimeline } from './startup-timeline.js';

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
  /** The use cases (one service each) that edges call, and the reactors behind them. */
  services: ApplicationServices;
  /** The inbox, e-mail and digest (application/notifications). */
  notifications: Notifications;
  /** This node's place among several (ACCORD_REDIS_URL); undefined for a single node. */
  cluster: ClusterNode | undefined;
  close(): Promise<void>;
}

export interface CoreOptions {
  store?: EventStore;
  /** Wraps the text port, e.g. to inject faults in tests. */
  decorateText?: (text: DocumentText) => DocumentText;
  application?: ApplicationOptions;
  /** Records how long each step of the start takes (server.ts logs it). */
  timeline?: StartupTimeline;
}

export async function createCore(
  config: Config,
  logger: Logger,
  options: CoreOptions = {},
): Promise<AccordCore> {
  const timeline = options.timeline ?? new StartupTimeline();
  const metrics = createMetrics();
  const store = instrumentEventStore(
    options.store ?? (await openEventStore(config, { onGroupCommit: recordGroupCommit(metrics) })),
    metrics,
  );
  await store.ping();
  timeline.mark('store');
  const readModels = createReadModels({
    store,
    file: readModelFile(config.dataDir),
    logger,
    metrics,
  });
  timeline.mark('readModelsOpen');
  await readModels.start();
  timeline.mark('readModelsCatchUp');
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
  // With several nodes, a lost lease hands the document's connections over to its new owner.
  let handOver: (documentId: string) => void = () => undefined;
  // Imported only with ACCORD_REDIS_URL set: a single node never loads the Redis clients.
  const cluster = config.cluster
    ? await (
        await import('./cluster/cluster-node.js')
      ).joinCluster(config.cluster, logger, (documentId) => handOver(documentId))
    : undefined;
  const collab = createCollabGateway({
    store,
    hooks: {
      ...createCollabAuth({ accounts, queries }),
      textRules: createCollabTextRules({ queries }),
    },
    logger: logger.child({ component: 'collab' }),
    metrics,
    ...config.collab,
    ...(cluster
      ? {
          budgetStores: cluster.budgets.collab,
          cluster: {
            nodeId: cluster.nodeId,
            claim: (documentId) => cluster.leases.claim(documentId),
            release: (documentId) => cluster.leases.release(documentId),
          },
        }
      : {}),
  });
  handOver = (documentId) => collab.handOver(documentId);
  timeline.mark('collab');
  const collabText = createCollabDocumentText({ collab, store, queries });
  const localText = options.decorateText ? options.decorateText(collabText) : collabText;
  // In a cluster, work on a document's live text runs on the node that owns the document.
  const text = cluster ? cluster.routeText(localText, readModels.projector) : localText;
  access.attach({
    documentAccessChanged: (documentId) => collab.refreshAccess(documentId),
    textRulesChanged: (documentId) => collab.refreshTextRules(documentId),
    signedOut: (userId) => collab.refreshUser(userId),
  });
  // Cross-stream work is finished from the log: the reactors start after the read models.
  const services = await createApplication(
    {
      store,
      commands,
      queries,
      accounts,
      text,
      revisionText: createRevisionText({ collab, text }),
      checkpoints: createReactorCheckpoints(readModels.db),
      waitForReadModels: (position) => readModels.projector.waitFor(position),
      logger,
      metrics,
    },
    options.application,
  );
  timeline.mark('reactors');
  const notifications = await createNotifications({
    store,
    commands,
    queries,
    text,
    db: readModels.db,
    checkpoints: createReactorCheckpoints(readModels.db),
    waitForReadModels: (position) => readModels.projector.waitFor(position),
    mail: config.mail,
    logger,
    metrics,
    ...(options.application?.retry ? { retry: options.application.retry } : {}),
  });
  timeline.mark('notifications');
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
    services,
    notifications,
    cluster,
    async close() {
      await notifications.stop();
      await services.stop();
      access.close();
      await collab.close();
      await cluster?.close();
      await readModels.stop();
      await store.close();
    },
  };
}
