/**
 * The application layer, assembled: one service per use case that spans more than one stream
 * (or more than one port), and the reactors that finish such work from the log. Edges (routes,
 * the CLI, the demo seed) call these; they never append to two streams themselves.
 *
 *   const app = await createApplication({ store, commands, queries, accounts, text, … });
 *   await app.amendments.accept(amendmentId, meta);
 *   await app.stop();
 */
import type { AccountService } from '../accounts/account-service.js';
import type { CommandService } from '../commands/command-service.js';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { ReadModelQueries } from '../readmodels/queries.js';
import { createAmendmentService, type AmendmentService } from './amendments/amendment-service.js';
import { amendmentTextWork } from './amendments/amendment-text-work.js';
import { createDocumentService, type DocumentService } from './documents/document-service.js';
import {
  createInvitationService,
  type InvitationService,
} from './invitations/invitation-service.js';
import type { CheckpointStore, DocumentText } from './ports.js';
import { Reactor, type RetryPolicy } from './reactors/reactor.js';

export interface ApplicationDeps {
  store: EventStore;
  commands: CommandService;
  queries: ReadModelQueries;
  accounts: AccountService;
  text: DocumentText;
  checkpoints: CheckpointStore;
  waitForReadModels(position: bigint): Promise<void>;
  logger: Logger;
  metrics?: Metrics;
}

export interface ApplicationOptions {
  /** How long accepting an amendment waits for its words to reach the text. */
  textWaitMs?: number;
  /** Retry timing of the reactors (tests shorten it). */
  retry?: Partial<RetryPolicy>;
}

export interface ApplicationServices {
  amendments: AmendmentService;
  documents: DocumentService;
  invitations: InvitationService;
  /** The reactor that applies accepted amendments to the text (for diagnostics and tests). */
  amendmentText: Reactor;
  stop(): Promise<void>;
}

export async function createApplication(
  deps: ApplicationDeps,
  options: ApplicationOptions = {},
): Promise<ApplicationServices> {
  const { store, commands, queries, text } = deps;
  const amendmentText = new Reactor({
    store,
    checkpoints: deps.checkpoints,
    work: amendmentTextWork({
      store,
      text,
      documentOf: (amendmentId) => queries.getAmendment(amendmentId)?.documentId,
      waitForReadModels: (position) => deps.waitForReadModels(position),
    }),
    logger: deps.logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const documentOfAccepted = (event: RecordedEvent): string | undefined => {
    const { amendmentId } = event.data as { amendmentId?: unknown };
    return typeof amendmentId === 'string'
      ? queries.getAmendment(amendmentId)?.documentId
      : undefined;
  };
  await amendmentText.start();
  return {
    amendments: createAmendmentService({
      commands,
      queries,
      text,
      textAppliedBy: (position, timeoutMs) => amendmentText.whenFinished(position, timeoutMs),
      ...(options.textWaitMs === undefined ? {} : { textWaitMs: options.textWaitMs }),
    }),
    documents: createDocumentService({
      commands,
      text,
      textPending: (documentId) =>
        amendmentText.unfinishedEvents().some((event) => documentOfAccepted(event) === documentId),
    }),
    invitations: createInvitationService({ commands, queries, accounts: deps.accounts }),
    amendmentText,
    stop: () => amendmentText.stop(),
  };
}
