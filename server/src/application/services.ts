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
import { createBracketService, type BracketService } from './brackets/bracket-service.js';
import { bracketTextWork } from './brackets/bracket-text-work.js';
import { documentAt } from './brackets/document-history.js';
import { createDocumentService, type DocumentService } from './documents/document-service.js';
import {
  createInvitationService,
  type InvitationService,
} from './invitations/invitation-service.js';
import { adoptedTextWork } from './library/adopted-text-work.js';
import { createLibraryService, type LibraryService } from './library/library-service.js';
import { createPledgeService, type PledgeService } from './pledges/pledge-service.js';
import {
  createConsultationService,
  type ConsultationService,
} from './consultations/consultation-service.js';
import {
  createRecommendationService,
  type RecommendationService,
} from './recommendations/recommendation-service.js';
import { uptakeWork } from './recommendations/uptake-work.js';
import type { CheckpointStore, DocumentText } from './ports.js';
import {
  createPrivateDraftService,
  type PrivateDraftService,
} from './private-drafts/private-draft-service.js';
import { createProcessService, type ProcessService } from './process/process-service.js';
import { silenceOutcomeWork } from './process/silence-outcome-work.js';
import { SilenceScheduler } from './process/silence-scheduler.js';
import { Reactor, type RetryPolicy } from './reactors/reactor.js';
import {
  createNextRevisionService,
  type NextRevisionService,
  type RevisionText,
} from './revisions/next-revision-service.js';

export interface ApplicationDeps {
  store: EventStore;
  commands: CommandService;
  queries: ReadModelQueries;
  accounts: AccountService;
  text: DocumentText;
  /** The text as importing a next revision writes it (text/revision-text.ts). */
  revisionText: RevisionText;
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
  brackets: BracketService;
  documents: DocumentService;
  invitations: InvitationService;
  nextRevisions: NextRevisionService;
  /** Deadlines and the silence procedure, and the guard that refuses late amendments and positions. */
  process: ProcessService;
  /** Private drafts of a delegation or a group, and tabling them (private-drafts/). */
  privateDrafts: PrivateDraftService;
  /** Arms every running silence's deadline and expires it once (process/silence-scheduler.ts). */
  silenceScheduler: SilenceScheduler;
  /** The reactor that turns an adopted silence into the document's adoption or gavels. */
  silenceOutcome: Reactor;
  /** The agreed-language library: search, import, withdraw, cite. */
  library: LibraryService;
  /** Consultations on a draft: open, answer (members and public link), close, synthesis, report. */
  consultations: ConsultationService;
  /** Action pledges on adopted texts: register, revise, report, withdraw, history, review. */
  pledges: PledgeService;
  /** The reactor that adds a document adopted here to the library. */
  libraryAdoptedText: Reactor;
  /** Recommendations of civil society and observers, and their uptake (fates, report). */
  recommendations: RecommendationService;
  /** The reactor that records a recommendation's uptake from the amendment that took it up. */
  recommendationUptake: Reactor;
  /** The reactor that applies accepted amendments to the text (for diagnostics and tests). */
  amendmentText: Reactor;
  /** The reactor that writes brackets' and options' decisions into the text. */
  bracketText: Reactor;
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
  const bracketText = new Reactor({
    store,
    checkpoints: deps.checkpoints,
    work: bracketTextWork({ store, commands, text }),
    logger: deps.logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const silenceOutcome = new Reactor({
    store,
    checkpoints: deps.checkpoints,
    work: silenceOutcomeWork({ store, commands, text }),
    logger: deps.logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const libraryAdoptedText = new Reactor({
    store,
    checkpoints: deps.checkpoints,
    work: adoptedTextWork({ store, commands, queries }),
    logger: deps.logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const recommendationUptake = new Reactor({
    store,
    checkpoints: deps.checkpoints,
    work: uptakeWork({ commands, logger: deps.logger }),
    logger: deps.logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const silenceScheduler = new SilenceScheduler({
    store,
    commands,
    logger: deps.logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  await amendmentText.start();
  await bracketText.start();
  await silenceOutcome.start();
  await libraryAdoptedText.start();
  await recommendationUptake.start();
  await silenceScheduler.start();
  const processService = createProcessService({
    commands,
    store,
    queries,
    text,
    scheduleSilence: (documentId, silence) => silenceScheduler.schedule(documentId, silence),
  });
  const documents = createDocumentService({
    commands,
    text,
    // A revision must not freeze the text before accepted words or options' words are in.
    textPending: (documentId) =>
      amendmentText.unfinishedEvents().some((event) => documentOfAccepted(event) === documentId) ||
      bracketText
        .unfinishedEvents()
        .some((event) => (event.data as { documentId?: unknown }).documentId === documentId),
  });
  const amendments = createAmendmentService({
    commands,
    queries,
    text,
    documentState: async (documentId) => (await documentAt(store, documentId)).state,
    textAppliedBy: (position, timeoutMs) => amendmentText.whenFinished(position, timeoutMs),
    assertBeforeDeadline: (documentId, now) =>
      processService.assertBeforeDeadline(documentId, 'amendments', now),
    ...(options.textWaitMs === undefined ? {} : { textWaitMs: options.textWaitMs }),
  });
  return {
    amendments,
    privateDrafts: createPrivateDraftService({ commands, queries, amendments, text }),
    documents,
    brackets: createBracketService({
      commands,
      store,
      text,
      documents,
      textDoneBy: (position, timeoutMs) => bracketText.whenFinished(position, timeoutMs),
      ...(options.textWaitMs === undefined ? {} : { textWaitMs: options.textWaitMs }),
    }),
    invitations: createInvitationService({ commands, queries, accounts: deps.accounts }),
    nextRevisions: createNextRevisionService({ store, text: deps.revisionText, documents }),
    library: createLibraryService({ commands, library: queries.library, text }),
    pledges: createPledgeService({ store, commands, queries }),
    consultations: createConsultationService({ commands, store, queries }),
    libraryAdoptedText,
    recommendations: createRecommendationService({
      store,
      commands,
      queries,
      text,
      amendments,
      uptakeRecordedBy: (position, timeoutMs) =>
        recommendationUptake.whenFinished(position, timeoutMs),
    }),
    recommendationUptake,
    amendmentText,
    bracketText,
    process: processService,
    silenceScheduler,
    silenceOutcome,
    stop: async () => {
      await silenceScheduler.stop();
      await silenceOutcome.stop();
      await libraryAdoptedText.stop();
      await recommendationUptake.stop();
      await amendmentText.stop();
      await bracketText.stop();
    },
  };
}
