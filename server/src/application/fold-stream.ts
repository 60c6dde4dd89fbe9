/**
 * A small stream folded whole with its aggregate's shared `evolve`: events of other types (none
 * today) are passed over. For streams read on each request (a document's process, its language
 * versions), where a read model would hold nothing the fold does not.
 *
 *   const state = await foldStream(store, processStream(id), processEventSchemas, evolveProcess, initialProcessState());
 */
import { parseStoredEvent } from '@accord/shared';
import type { EventStore } from '../eventstore/port.js';

export async function foldStream<Event extends { type: string }, State>(
  store: EventStore,
  stream: string,
  schemas: Readonly<Record<Event['type'], unknown>>,
  evolve: (state: State, event: Event) => State,
  initial: State,
): Promise<State> {
  let state = initial;
  for await (const recorded of store.readStream(stream)) {
    const event = parseStoredEvent(recorded) as { type: string };
    if (Object.hasOwn(schemas, event.type)) state = evolve(state, event as Event);
  }
  return state;
}
