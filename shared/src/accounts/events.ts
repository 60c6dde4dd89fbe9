// Events of `user-<id>` and `useremail-<normalised email>` streams.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { uiLanguageSchema } from '../i18n/languages.js';
import { entityIdSchema, instantSchema } from '../schema.js';

const userRegistered = z.object({
  userId: entityIdSchema,
  /** Normalised (see normaliseEmail). */
  email: z.string(),
  displayName: z.string(),
  /** Read models must never expose it. */
  passwordHash: z.string(),
  registeredAt: instantSchema,
});

const passwordChanged = z.object({
  userId: entityIdSchema,
  passwordHash: z.string(),
  changedAt: instantSchema,
});

/** The language the person wants the interface in, on every device they sign in from. */
const userLanguageChosen = z.object({
  userId: entityIdSchema,
  language: uiLanguageSchema,
  chosenAt: instantSchema,
});

const userEmailReserved = z.object({
  email: z.string(),
  userId: entityIdSchema,
  reservedAt: instantSchema,
});

export const userEventSchemas = {
  UserRegistered: defineEvent(1, userRegistered),
  PasswordChanged: defineEvent(1, passwordChanged),
  UserLanguageChosen: defineEvent(1, userLanguageChosen),
};

export const userEmailEventSchemas = {
  UserEmailReserved: defineEvent(1, userEmailReserved),
};

export type UserEvent = EventsOf<typeof userEventSchemas>;
export type UserEmailEvent = EventsOf<typeof userEmailEventSchemas>;
