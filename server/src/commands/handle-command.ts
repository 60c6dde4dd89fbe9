/**
 * Runs one command against one stream: read the stream, fold it with `evolve`, `decide`,
 * append with the revision that was read (optimistic concurrency), and on a conflict read
 * again and retry a bounded number of times. Commands on one stream are queued within this node
 * (so conflicts only come from other nodes). A command whose id is already in the stream
 * returns what it appended the first time and appends nothing (idempotency).
 */
import type { Decider } from '@accord/shared';
import { WrongExpectedVersion } from '../eventstore/errors.js';
import type { EventStore, JsonObject, JsonValue, RecordedEvent } from '../eventstore/port.js';
import { eventIdFor } from './event-ids.js';
import { KeyedLock } from './keyed-lock.js';

export interface CommandEnvelope {
  type: string;
  meta: { commandId: string };
}

export interface CommandResult<E> {
  events: E[];
  /** Global position of the last event appended (or appended the first time); undefined if none. */
  position: bigint | undefined;
  /** The stream's revision after the command. */
  revision: bigint | undefined;
  /** True when this command id had already been handled. */
  duplicate: boolean;
}

/** How domain events are read from and written to the store. */
export interface EventCodec<C, E extends { type: string; data: unknown }> {
  /** Validates and upcasts a stored event into the domain's event type. */
  decode(recorded: RecordedEvent): E;
  /** The metadata stored with an event: command id, actor, time, schema version. */
  metadataFor(command: C, event: E): JsonObject;
}

const MAX_ATTEMPTS = 5;
const streamLock = new KeyedLock();

export function handleCommand<
  C extends CommandEnvelope,
  E extends { type: string; data: unknown },
  S,
>(
  store: EventStore,
  codec: EventCodec<C, E>,
  decider: Decider<C, E, S>,
  stream: string,
  command: C,
): Promise<CommandResult<E>> {
  return streamLock.run(stream, () => decideAndAppend(store, codec, decider, stream, command));
}

async function decideAndAppend<
  C extends CommandEnvelope,
  E extends { type: string; data: unknown },
  S,
>(
  store: EventStore,
  codec: EventCodec<C, E>,
  decider: Decider<C, E, S>,
  stream: string,
  command: C,
): Promise<CommandResult<E>> {
  for (let attempt = 1; ; attempt += 1) {
    let state = decider.initialState();
    let revision: bigint | undefined;
    const earlier: { event: E; position: bigint | undefined }[] = [];
    for await (const recorded of store.readStream(stream)) {
      const event = codec.decode(recorded);
      state = decider.evolve(state, event);
      revision = recorded.revision;
      if (recorded.metadata.commandId === command.meta.commandId)
        earlier.push({ event, position: recorded.position });
    }
    if (earlier.length > 0) {
      return {
        events: earlier.map((e) => e.event),
        position: earlier.at(-1)!.position,
        revision,
        duplicate: true,
      };
    }

    const events = decider.decide(command, state);
    if (events.length === 0) return { events, position: undefined, revision, duplicate: false };
    try {
      const result = await store.appendToStream(
        stream,
        events.map((event, index) => ({
          id: eventIdFor(command.meta.commandId, index),
          type: event.type,
          data: event.data as JsonValue,
          metadata: codec.metadataFor(command, event),
        })),
        { expectedRevision: revision ?? 'no_stream' },
      );
      return {
        events,
        position: result.position,
        revision: result.nextExpectedRevision,
        duplicate: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || attempt >= MAX_ATTEMPTS) throw error;
      // Another node wrote first: back off a little (jittered) and decide again on the new state.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
