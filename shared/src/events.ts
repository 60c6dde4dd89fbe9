// The registry of every event type with its current schema version, and the one way to read a
// stored event: `parseEvent` validates it and upcasts it from the version it was written with.
//
//   const event = parseEvent(recorded.type, recorded.data, recorded.metadata.schemaVersion);
import type { z } from 'zod';
import { userEmailEventSchemas, userEventSchemas } from './accounts/events.js';
import { sessionEventSchemas } from './accounts/session.js';
import { amendmentEventSchemas } from './amendment/events.js';
import { commentsEventSchemas } from './comments/events.js';
import { documentEventSchemas } from './document/events.js';
import type { EventDefinition, EventsOf } from './event-definition.js';
import type {
  CommandMeta,
  EventMetadata,
  UserCommandMeta,
  AccountCommandMeta,
} from './messages.js';
import { citationEventSchemas, libraryEventSchemas } from './library/events.js';
import { consultationEventSchemas } from './consultations/events.js';
import { negotiationEventSchemas } from './negotiation/events.js';
import { notificationEventSchemas } from './notifications/events.js';
import { positionsEventSchemas } from './positions/events.js';
import { processEventSchemas } from './process/events.js';
import { privateDraftEventSchemas } from './private-drafts/events.js';
import { roundtableEventSchemas } from './roundtable/events.js';
import { translationEventSchemas } from './language-versions/events.js';
import { segmentsEventSchemas } from './segments/events.js';
import { recommendationEventSchemas } from './recommendations/events.js';
import { pledgeEventSchemas } from './pledges/events.js';

export const eventSchemas = {
  ...negotiationEventSchemas,
  ...documentEventSchemas,
  ...amendmentEventSchemas,
  ...positionsEventSchemas,
  ...commentsEventSchemas,
  ...roundtableEventSchemas,
  ...processEventSchemas,
  ...privateDraftEventSchemas,
  ...translationEventSchemas,
  ...segmentsEventSchemas,
  ...libraryEventSchemas,
  ...citationEventSchemas,
  ...consultationEventSchemas,
  ...recommendationEventSchemas,
  ...pledgeEventSchemas,
  ...notificationEventSchemas,
  ...userEventSchemas,
  ...userEmailEventSchemas,
  ...sessionEventSchemas,
};

export type AccordEvent = EventsOf<typeof eventSchemas>;
export type EventType = AccordEvent['type'];
export const eventTypes = Object.keys(eventSchemas) as EventType[];

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventSchemas, type);

/** The version new events of this type are written with. */
export const schemaVersionOf = (type: EventType): number => eventSchemas[type].version;

/**
 * A stored event that this code cannot read: unknown type, a version newer than this code
 * (an old browser bundle after a deploy: reload), or data that fails its schema. Not a
 * DomainError — it is the server's or the store's fault, never the user's.
 */
export class EventParseError extends Error {
  readonly code = 'unreadable_event';
  override readonly name = 'EventParseError';

  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    detail: string,
    readonly issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(`Cannot read ${type} v${schemaVersion}: ${detail}`);
  }
}

export function parseEvent<Type extends EventType>(
  type: Type,
  data: unknown,
  schemaVersion?: number,
): Extract<AccordEvent, { type: Type }>;
export function parseEvent(type: string, data: unknown, schemaVersion?: number): AccordEvent;
/** `schemaVersion` defaults to 1: events written before versioning were all version 1. */
export function parseEvent(type: string, data: unknown, schemaVersion = 1): AccordEvent {
  if (!isEventType(type)) throw new EventParseError(type, schemaVersion, 'unknown event type');
  const definition: EventDefinition = eventSchemas[type];
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > definition.version) {
    throw new EventParseError(
      type,
      schemaVersion,
      `this code reads versions 1 to ${definition.version}`,
    );
  }
  let current = data;
  for (let version = schemaVersion; version < definition.version; version++) {
    const upcaster = definition.upcasters.find((u) => u.from === version);
    // defineEvent guarantees one upcaster per older version.
    if (!upcaster) throw new EventParseError(type, version, 'no upcaster');
    const old = upcaster.schema.safeParse(current);
    if (!old.success) throw new EventParseError(type, version, 'invalid data', old.error.issues);
    current = upcaster.up(old.data);
  }
  const parsed = definition.schema.safeParse(current);
  if (!parsed.success) {
    throw new EventParseError(type, definition.version, 'invalid data', parsed.error.issues);
  }
  return { type, data: parsed.data } as AccordEvent;
}

/** Reads a stored event, taking the version from its metadata (absent: version 1). */
export function parseStoredEvent(stored: {
  type: string;
  data: unknown;
  metadata?: { schemaVersion?: unknown } | null;
}): AccordEvent {
  const version = stored.metadata?.schemaVersion ?? 1;
  if (typeof version !== 'number') {
    throw new EventParseError(stored.type, NaN, 'schemaVersion in metadata is not a number');
  }
  return parseEvent(stored.type, stored.data, version);
}

/**
 * The metadata the server stores with each event a command produced: which command, who, when,
 * and the schema version the data is written in.
 */
export function toEventMetadata(
  command: { type: string; meta: CommandMeta | UserCommandMeta | AccountCommandMeta },
  event: { type: EventType },
): EventMetadata {
  const { commandId, now, actor } = command.meta;
  return {
    commandId,
    commandType: command.type,
    occurredAt: now,
    schemaVersion: schemaVersionOf(event.type),
    ...(actor ? { userId: actor.userId } : {}),
    ...(actor && 'stakeholderId' in actor ? { stakeholderId: actor.stakeholderId } : {}),
    ...(actor && 'role' in actor ? { role: actor.role } : {}),
  };
}
