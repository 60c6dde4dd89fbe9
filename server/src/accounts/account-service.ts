/**
 * Accounts and sign-in: registering users (the e-mail is reserved first so it is unique
 * without a query), signing in and out (sessions are events, so every node knows them), and
 * accepting an invitation (which may create the account). Passwords are hashed here and
 * never reach the domain or the log.
 */
import { randomUUID } from 'node:crypto';
import { normaliseEmail, type AccountCommandMeta, type UiLanguage } from '@accord/shared';
import type { CommandService } from '../commands/command-service.js';
import { derivedId } from '../commands/event-ids.js';
import { InvalidInputError, UnauthenticatedError } from '../application/errors.js';
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { SESSION_TTL_MS } from './session-cookie.js';
import { hashToken, newToken } from './tokens.js';

/** What the account service reads; the read models provide it. */
export interface AccountQueries {
  getCredentialsByEmail(email: string): { userId: string; passwordHash: string } | undefined;
  getSession(tokenHash: string): { userId: string; expiresAt: string } | undefined;
  getUser(
    userId: string,
  ): { userId: string; email: string; displayName: string; language?: UiLanguage } | undefined;
}

export interface SignedInUser {
  userId: string;
  email: string;
  displayName: string;
  /** The interface language the person chose, if they did. */
  language?: UiLanguage;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  user: SignedInUser;
}

export interface AccountService {
  register(input: {
    email: string;
    displayName: string;
    password: string;
    commandId?: string;
  }): Promise<string>;
  signIn(email: string, password: string): Promise<NewSession>;
  startSession(userId: string): Promise<NewSession>;
  signOut(token: string): Promise<void>;
  /** The user behind a session token, or undefined when it is unknown, ended or expired. */
  authenticate(token: string | undefined): SignedInUser | undefined;
  /** Keeps the person's interface language on their account (see UserLanguageChosen). */
  chooseLanguage(userId: string, language: UiLanguage, commandId?: string): Promise<void>;
}

export function assertPasswordAcceptable(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw InvalidInputError.field(
      'weak-password',
      'Password too short',
      'body.password',
      `at least ${MIN_PASSWORD_LENGTH} characters`,
      `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
  }
}

export function createAccountService(deps: {
  commands: CommandService;
  queries: AccountQueries;
  clock?: () => Date;
}): AccountService {
  const { commands, queries } = deps;
  const clock = deps.clock ?? (() => new Date());
  const meta = (commandId: string = randomUUID(), userId?: string): AccountCommandMeta => ({
    commandId,
    actor: userId ? { userId } : null,
    now: clock().toISOString(),
  });

  const userOf = (userId: string): SignedInUser => {
    const user = queries.getUser(userId);
    if (!user) throw new Error(`user ${userId} missing from the read models`);
    return signedInUser(user);
  };

  async function startSession(userId: string): Promise<NewSession> {
    const token = newToken();
    const expiresAt = new Date(clock().getTime() + SESSION_TTL_MS);
    await commands.execute({
      type: 'StartSession',
      data: { tokenHash: hashToken(token), userId, expiresAt: expiresAt.toISOString() },
      meta: meta(undefined, userId),
    });
    return { token, expiresAt, user: userOf(userId) };
  }

  return {
    async register({ email, displayName, password, commandId = randomUUID() }) {
      assertPasswordAcceptable(password);
      const normalised = normaliseEmail(email);
      // The user id comes from the command id, so a retried registration reserves the same pair.
      const userId = commandId;
      await commands.execute({
        type: 'ReserveUserEmail',
        data: { email: normalised, userId },
        meta: meta(derivedId(commandId, 'email')),
      });
      const passwordHash = await hashPassword(password);
      await commands.execute({
        type: 'RegisterUser',
        data: { userId, email: normalised, displayName, passwordHash },
        meta: meta(derivedId(commandId, 'user')),
      });
      return userId;
    },

    async signIn(email, password) {
      const credentials = queries.getCredentialsByEmail(normaliseEmail(email));
      // Verify against a decoy when the user is unknown, so response time does not reveal accounts.
      const valid = await verifyPassword(
        credentials?.passwordHash ?? (await decoyHash()),
        password,
      );
      if (!credentials || !valid) {
        throw new UnauthenticatedError('invalid-credentials', 'Wrong e-mail or password');
      }
      return startSession(credentials.userId);
    },

    startSession,

    async signOut(token) {
      const tokenHash = hashToken(token);
      const session = queries.getSession(tokenHash);
      if (!session) return;
      await commands.execute({
        type: 'EndSession',
        data: { tokenHash, reason: 'signed-out' },
        meta: meta(undefined, session.userId),
      });
    },

    authenticate(token) {
      if (!token) return undefined;
      const session = queries.getSession(hashToken(token));
      if (!session || Date.parse(session.expiresAt) <= clock().getTime()) return undefined;
      const user = queries.getUser(session.userId);
      return user ? signedInUser(user) : undefined;
    },

    async chooseLanguage(userId, language, commandId) {
      await commands.execute({
        type: 'ChooseUserLanguage',
        data: { userId, language },
        meta: meta(commandId, userId),
      });
    },
  };
}

/** Only what the session may carry: never a hash, never the registration date. */
function signedInUser(user: NonNullable<ReturnType<AccountQueries['getUser']>>): SignedInUser {
  const { userId, email, displayName, language } = user;
  return { userId, email, displayName, ...(language ? { language } : {}) };
}
