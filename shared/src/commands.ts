// The registry of every command's data schema. The server validates REST and socket.io input
// with these (omitting what it fills in itself) and generates OpenAPI with `z.toJSONSchema`.
import { userCommandSchemas, userEmailCommandSchemas } from './accounts/commands.js';
import type { UserCommand, UserEmailCommand } from './accounts/commands.js';
import { sessionCommandSchemas, type SessionCommand } from './accounts/session.js';
import { amendmentCommandSchemas, type AmendmentCommand } from './amendment/commands.js';
import { commentsCommandSchemas, type CommentsCommand } from './comments/commands.js';
import { documentCommandSchemas, type DocumentCommand } from './document/commands.js';
import { negotiationCommandSchemas, type NegotiationCommand } from './negotiation/commands.js';
import { positionsCommandSchemas, type PositionsCommand } from './positions/commands.js';
import { processCommandSchemas, type ProcessCommand } from './process/commands.js';
import { roundtableCommandSchemas, type RoundtableCommand } from './roundtable/commands.js';

export const commandSchemas = {
  ...negotiationCommandSchemas,
  ...documentCommandSchemas,
  ...amendmentCommandSchemas,
  ...positionsCommandSchemas,
  ...commentsCommandSchemas,
  ...roundtableCommandSchemas,
  ...processCommandSchemas,
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
  | UserCommand
  | UserEmailCommand
  | SessionCommand;
export type CommandType = keyof typeof commandSchemas;
export const commandTypes = Object.keys(commandSchemas) as CommandType[];

export const isCommandType = (type: string): type is CommandType =>
  Object.hasOwn(commandSchemas, type);
