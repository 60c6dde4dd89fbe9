// The registry of every command's data schema. The server validates REST and socket.io input
// with these (omitting what it fills in itself) and generates OpenAPI with `z.toJSONSchema`.
import { userCommandSchemas, userEmailCommandSchemas } from './accounts/commands.js';
import type { UserCommand, UserEmailCommand } from './accounts/commands.js';
import { sessionCommandSchemas, type SessionCommand } from './accounts/session.js';
import { amendmentCommandSchemas, type AmendmentCommand } from './amendment/commands.js';
import { commentsCommandSchemas, type CommentsCommand } from './comments/commands.js';
import { documentCommandSchemas, type DocumentCommand } from './document/commands.js';
import { negotiationCommandSchemas, type NegotiationCommand } from './negotiation/commands.js';
import { notificationCommandSchemas, type NotificationCommand } from './notifications/commands.js';
import { positionsCommandSchemas, type PositionsCommand } from './positions/commands.js';
import { processCommandSchemas, type ProcessCommand } from './process/commands.js';
import { privateDraftCommandSchemas, type PrivateDraftCommand } from './private-drafts/commands.js';
import { roundtableCommandSchemas, type RoundtableCommand } from './roundtable/commands.js';
import {
  translationCommandSchemas,
  type TranslationCommand,
} from './language-versions/commands.js';
import { segmentsCommandSchemas, type SegmentsCommand } from './segments/commands.js';
import {
  citationCommandSchemas,
  libraryCommandSchemas,
  type CitationCommand,
  type LibraryCommand,
} from './library/commands.js';
import { consultationCommandSchemas, type ConsultationCommand } from './consultations/commands.js';
import {
  recommendationCommandSchemas,
  type RecommendationCommand,
} from './recommendations/commands.js';
import { pledgeCommandSchemas, type PledgeCommand } from './pledges/commands.js';

export const commandSchemas = {
  ...negotiationCommandSchemas,
  ...documentCommandSchemas,
  ...amendmentCommandSchemas,
  ...positionsCommandSchemas,
  ...commentsCommandSchemas,
  ...roundtableCommandSchemas,
  ...processCommandSchemas,
  ...privateDraftCommandSchemas,
  ...translationCommandSchemas,
  ...segmentsCommandSchemas,
  ...libraryCommandSchemas,
  ...citationCommandSchemas,
  ...consultationCommandSchemas,
  ...recommendationCommandSchemas,
  ...pledgeCommandSchemas,
  ...notificationCommandSchemas,
  ...userCommandSchemas,
  ...userEmailCommandSchemas,
  ...sessionCommandSchemas,
};

export type AccordCommand =
  | NegotiationCommand
  | DocumentCommand
  | AmendmentCommand
  | PositionsCommand
  | CommentsCommand
  | RoundtableCommand
  | ProcessCommand
  | PrivateDraftCommand
  | TranslationCommand
  | SegmentsCommand
  | LibraryCommand
  | CitationCommand
  | ConsultationCommand
  | RecommendationCommand
  | PledgeCommand
  | NotificationCommand
  | UserCommand
  | UserEmailCommand
  | SessionCommand;
export type CommandType = keyof typeof commandSchemas;
export const commandTypes = Object.keys(commandSchemas) as CommandType[];

export const isCommandType = (type: string): type is CommandType =>
  Object.hasOwn(commandSchemas, type);
