// Commands on a `user-<id>` stream and on the `useremail-<email>` reservation stream. Password
// hashes are computed by the server (argon2); the domain never sees a password.
import { z } from 'zod';
import { uiLanguageSchema } from '../i18n/languages.js';
import type { AccountCommandMeta, CommandOf, CommandsOf } from '../messages.js';
import { emailSchema, entityIdSchema, labelText, passwordHashSchema } from '../schema.js';

export const registerUserSchema = z.strictObject({
  userId: entityIdSchema,
  email: emailSchema,
  displayName: labelText(100),
  passwordHash: passwordHashSchema,
});

export const changePasswordSchema = z.strictObject({
  userId: entityIdSchema,
  passwordHash: passwordHashSchema,
});

export const chooseUserLanguageSchema = z.strictObject({
  userId: entityIdSchema,
  language: uiLanguageSchema,
});

export const reserveUserEmailSchema = z.strictObject({
  email: emailSchema,
  userId: entityIdSchema,
});

export const userCommandSchemas = {
  RegisterUser: registerUserSchema,
  ChangePassword: changePasswordSchema,
  ChooseUserLanguage: chooseUserLanguageSchema,
} as const;

export const userEmailCommandSchemas = {
  ReserveUserEmail: reserveUserEmailSchema,
} as const;

type AccountMetas<S> = { [Type in keyof S]: AccountCommandMeta };

export type UserCommand = CommandsOf<
  typeof userCommandSchemas,
  AccountMetas<typeof userCommandSchemas>
>;
export type RegisterUser = CommandOf<UserCommand, 'RegisterUser'>;
export type ChangePassword = CommandOf<UserCommand, 'ChangePassword'>;
export type ChooseUserLanguage = CommandOf<UserCommand, 'ChooseUserLanguage'>;

export type UserEmailCommand = CommandsOf<
  typeof userEmailCommandSchemas,
  AccountMetas<typeof userEmailCommandSchemas>
>;
export type ReserveUserEmail = CommandOf<UserEmailCommand, 'ReserveUserEmail'>;
