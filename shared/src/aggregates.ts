// Which decider and which stream each command goes to, so the server's command handler is one
// generic loop: load `stream`, fold with `decider.evolve`, `decider.decide`, append.
import { userEmailCommandSchemas, userCommandSchemas } from './accounts/commands.js';
import type { UserCommand, UserEmailCommand } from './accounts/commands.js';
import { userEmailDecider } from './accounts/email-reservation.js';
import { sessionCommandSchemas, sessionDecider, type SessionCommand } from './accounts/session.js';
import { userDecider } from './accounts/user.js';
import { amendmentCommandSchemas, type AmendmentCommand } from './amendment/commands.js';
import { amendmentDecider } from './amendment/decider.js';
import type { AccordCommand, CommandType } from './commands.js';
import { commentsCommandSchemas, type CommentsCommand } from './comments/commands.js';
import { commentsDecider } from './comments/decider.js';
import type { Decider } from './decider.js';
import { documentCommandSchemas, type DocumentCommand } from './document/commands.js';
import { documentDecider } from './document/decider.js';
import {
  amendmentStream,
  citationsStream,
  consultationStream,
  libraryTextStream,
  recommendationStream,
  pledgeStream,
  commentsStream,
  documentStream,
  negotiationStream,
  notifyPrefsStream,
  positionsStream,
  privateDraftStream,
  processStream,
  scheduleStream,
  roundtableStream,
  translationsStream,
  userEmailStream,
  sessionStream,
  userStream,
} from './ids.js';
import {
  citationCommandSchemas,
  libraryCommandSchemas,
  type CitationCommand,
  type LibraryCommand,
} from './library/commands.js';
import { citationsDecider, libraryTextDecider } from './library/decider.js';
import { consultationCommandSchemas, type ConsultationCommand } from './consultations/commands.js';
import { consultationDecider } from './consultations/decider.js';
import {
  recommendationCommandSchemas,
  type RecommendationCommand,
} from './recommendations/commands.js';
import { recommendationDecider } from './recommendations/decider.js';
import { pledgeCommandSchemas, type PledgeCommand } from './pledges/commands.js';
import { pledgeDecider } from './pledges/decider.js';
import { negotiationCommandSchemas, type NegotiationCommand } from './negotiation/commands.js';
import { negotiationDecider } from './negotiation/decider.js';
import { notificationCommandSchemas, type NotificationCommand } from './notifications/commands.js';
import { notificationPrefsDecider } from './notifications/decider.js';
import { processCommandSchemas, type ProcessCommand } from './process/commands.js';
import { processDecider } from './process/decider.js';
import { privateDraftCommandSchemas, type PrivateDraftCommand } from './private-drafts/commands.js';
import { privateDraftDecider } from './private-drafts/decider.js';
import { positionsCommandSchemas, type PositionsCommand } from './positions/commands.js';
import { positionsDecider } from './positions/decider.js';
import { roundtableCommandSchemas, type RoundtableCommand } from './roundtable/commands.js';
import { roundtableDecider } from './roundtable/decider.js';
import {
  translationCommandSchemas,
  type TranslationCommand,
} from './language-versions/commands.js';
import { translationsDecider } from './language-versions/decider.js';
import { segmentsCommandSchemas, type SegmentsCommand } from './segments/commands.js';
import { scheduleDecider } from './segments/decider.js';

interface Aggregate<Command extends AccordCommand, Event, State> {
  decider: Decider<Command, Event, State>;
  commandTypes: readonly Command['type'][];
  streamFor: (command: Command) => string;
}

const aggregate = <Command extends AccordCommand, Event, State>(
  decider: Decider<Command, Event, State>,
  schemas: Record<Command['type'], unknown>,
  streamFor: (command: Command) => string,
): Aggregate<Command, Event, State> => ({
  decider,
  commandTypes: Object.keys(schemas) as Command['type'][],
  streamFor,
});

export const aggregates = {
  negotiation: aggregate(negotiationDecider, negotiationCommandSchemas, (c: NegotiationCommand) =>
    negotiationStream(c.data.negotiationId),
  ),
  document: aggregate(documentDecider, documentCommandSchemas, (c: DocumentCommand) =>
    documentStream(c.data.documentId),
  ),
  amendment: aggregate(amendmentDecider, amendmentCommandSchemas, (c: AmendmentCommand) =>
    amendmentStream(c.data.amendmentId),
  ),
  positions: aggregate(positionsDecider, positionsCommandSchemas, (c: PositionsCommand) =>
    positionsStream(c.data.documentId),
  ),
  comments: aggregate(commentsDecider, commentsCommandSchemas, (c: CommentsCommand) =>
    commentsStream(c.data.documentId),
  ),
  roundtable: aggregate(roundtableDecider, roundtableCommandSchemas, (c: RoundtableCommand) =>
    roundtableStream(c.data.roundtableId),
  ),
  process: aggregate(processDecider, processCommandSchemas, (c: ProcessCommand) =>
    processStream(c.data.documentId),
  ),
  privateDraft: aggregate(
    privateDraftDecider,
    privateDraftCommandSchemas,
    (c: PrivateDraftCommand) => privateDraftStream(c.data.draftId),
  ),
  schedule: aggregate(scheduleDecider, segmentsCommandSchemas, (c: SegmentsCommand) =>
    scheduleStream(c.data.negotiationId),
  ),
  translations: aggregate(translationsDecider, translationCommandSchemas, (c: TranslationCommand) =>
    translationsStream(c.data.documentId),
  ),
  notifyPrefs: aggregate(
    notificationPrefsDecider,
    notificationCommandSchemas,
    (c: NotificationCommand) => notifyPrefsStream(c.data.userId),
  ),
  libraryText: aggregate(libraryTextDecider, libraryCommandSchemas, (c: LibraryCommand) =>
    libraryTextStream(c.data.libraryTextId),
  ),
  citations: aggregate(citationsDecider, citationCommandSchemas, (c: CitationCommand) =>
    citationsStream(c.data.documentId),
  ),
  consultation: aggregate(
    consultationDecider,
    consultationCommandSchemas,
    (c: ConsultationCommand) => consultationStream(c.data.consultationId),
  ),
  recommendation: aggregate(
    recommendationDecider,
    recommendationCommandSchemas,
    (c: RecommendationCommand) => recommendationStream(c.data.recommendationId),
  ),
  pledge: aggregate(pledgeDecider, pledgeCommandSchemas, (c: PledgeCommand) =>
    pledgeStream(c.data.pledgeId),
  ),
  user: aggregate(userDecider, userCommandSchemas, (c: UserCommand) => userStream(c.data.userId)),
  userEmail: aggregate(userEmailDecider, userEmailCommandSchemas, (c: UserEmailCommand) =>
    userEmailStream(c.data.email),
  ),
  session: aggregate(sessionDecider, sessionCommandSchemas, (c: SessionCommand) =>
    sessionStream(c.data.tokenHash),
  ),
};

export type AggregateName = keyof typeof aggregates;

const aggregateByCommand = new Map<string, AggregateName>(
  Object.entries(aggregates).flatMap(([name, { commandTypes }]) =>
    commandTypes.map((type) => [type, name as AggregateName] as const),
  ),
);

export function aggregateOf(type: CommandType): AggregateName {
  const name = aggregateByCommand.get(type);
  if (!name) throw new Error(`No aggregate handles ${type}`);
  return name;
}

/** The stream a command is decided on, e.g. `amendment-<amendmentId>` for AcceptAmendment. */
export function streamForCommand(command: AccordCommand): string {
  const { streamFor } = aggregates[aggregateOf(command.type)] as {
    streamFor: (command: AccordCommand) => string;
  };
  return streamFor(command);
}
