// The envelopes of commands and events. The clock, the command id and who is acting come in
// with the command's `meta`, so deciders stay pure; the server copies them into event metadata.
import { z } from 'zod';
import { entityIdSchema, instantSchema } from './schema.js';
import { roleSchema, type Role } from './vocabulary.js';

/** A signed-in person, before we know what they act as (accepting an invitation, opening a negotiation). */
export interface UserActor {
  userId: string;
}

/** A member acting in a negotiation: the stakeholder they act for and their role there. */
export interface Actor extends UserActor {
  stakeholderId: string;
  role: Role;
}

/** Meta of a command by a member of the negotiation; the server resolves `actor` from the session. */
export interface CommandMeta {
  /** Idempotency key: a retried request carries the same id and never appends twice. */
  commandId: string;
  actor: Actor;
  /** The server's clock when it accepted the command, UTC ISO. */
  now: string;
}

/** Meta of a command by a signed-in user who need not be a member yet. */
export interface UserCommandMeta {
  commandId: string;
  actor: UserActor;
  now: string;
}

/**
 * Meta of an account command. `actor` is null when the server acts on its own authority:
 * self-registration by an anonymous visitor, or an operator's CLI.
 */
export interface AccountCommandMeta {
  commandId: string;
  actor: UserActor | null;
  now: string;
}

export const actorSchema = z.strictObject({
  userId: entityIdSchema,
  stakeholderId: entityIdSchema,
  role: roleSchema,
});
export const userActorSchema = z.strictObject({ userId: entityIdSchema });

export const commandMetaSchema = z.strictObject({
  commandId: entityIdSchema,
  actor: actorSchema,
  now: instantSchema,
});
export const userCommandMetaSchema = z.strictObject({
  commandId: entityIdSchema,
  actor: userActorSchema,
  now: instantSchema,
});
export const accountCommandMetaSchema = z.strictObject({
  commandId: entityIdSchema,
  actor: userActorSchema.nullable(),
  now: instantSchema,
});

export interface Command<Type extends string, Data, Meta = CommandMeta> {
  type: Type;
  data: Data;
  meta: Meta;
}

/**
 * The union of commands described by a map of data schemas; `Metas` names the commands whose
 * meta is not the member's `CommandMeta`.
 */
export type CommandsOf<
  Schemas extends Record<string, z.ZodType>,
  Metas extends Partial<Record<keyof Schemas, unknown>> = Record<never, never>,
> = {
  [Type in keyof Schemas & string]: Command<
    Type,
    z.output<Schemas[Type]>,
    Type extends keyof Metas ? Metas[Type] : CommandMeta
  >;
}[keyof Schemas & string];

export type CommandOf<Union extends { type: string }, Type extends Union['type']> = Extract<
  Union,
  { type: Type }
>;

export type EventOf<Union extends { type: string }, Type extends Union['type']> = Extract<
  Union,
  { type: Type }
>;

export interface DomainEvent<Type extends string, Data> {
  type: Type;
  data: Data;
}

/**
 * What the server stores beside an event's data. Flat, so it is plain JSON and easy to filter
 * on in the store. Built by `toEventMetadata` so `schemaVersion` is always the version the data
 * was written with: the reader upcasts from it.
 */
export interface EventMetadata {
  /** Idempotency: a retried command finds its events by this id. */
  commandId: string;
  commandType: string;
  /** Equals the command's `meta.now`. */
  occurredAt: string;
  schemaVersion: number;
  /** Absent when the server acted on its own authority (account commands with a null actor). */
  userId?: string;
  /** Absent for users who were not yet members (opening a negotiation, accepting an invitation). */
  stakeholderId?: string;
  role?: Role;
  /** The request or workflow that caused this event, when the server tracks one. */
  correlationId?: string;
  causationId?: string;
}
