/**
 * The one way the server runs a domain command: route it to its aggregate's stream and
 * decider (`aggregates` in shared), handle it, then wait until the read models have applied
 * the new events, so the caller's next query sees its own write.
 */
import {
  aggregates,
  aggregateOf,
  commandSchemas,
  parseStoredEvent,
  streamForCommand,
  toEventMetadata,
  type AccordCommand,
  type AccordEvent,
  type Decider,
} from '@accord/shared';
import type { EventStore, JsonObject } from '../eventstore/port.js';
import { ConflictError, InvalidInputError } from '../application/errors.js';
import { handleCommand, type CommandResult, type EventCodec } from './handle-command.js';

export const accordCodec: EventCodec<AccordCommand, AccordEvent> = {
  decode: (recorded) =>
    parseStoredEvent({ type: recorded.type, data: recorded.data, metadata: recorded.metadata }),
  metadataFor: (command, event) => toEventMetadata(command, event) as unknown as JsonObject,
};

export interface CommandService {
  execute(command: AccordCommand): Promise<CommandResult<AccordEvent>>;
}

export function createCommandService(deps: {
  store: EventStore;
  /** Where a command id was already used (the read models' command log). */
  commandRecord?(commandId: string): { stream: string; commandType: string } | undefined;
  /** Resolves once the read models have applied everything up to `position`. */
  waitForReadModels(position: bigint): Promise<void>;
}): CommandService {
  return {
    async execute(command) {
      // The last line of defence for every entry point: nothing invalid is ever decided or appended.
      const valid = commandSchemas[command.type].safeParse(command.data);
      if (!valid.success) {
        throw new InvalidInputError('invalid-input', 'The request is not valid', {
          detail: valid.error.issues
            .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
            .join('; '),
          errors: valid.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      const stream = streamForCommand(command);
      const earlier = deps.commandRecord?.(command.meta.commandId);
      if (earlier && (earlier.stream !== stream || earlier.commandType !== command.type)) {
        throw new ConflictError(
          'idempotency-key-reused',
          'This Idempotency-Key was already used for another request',
          { detail: 'Use a new key for a new request.' },
        );
      }
      const { decider } = aggregates[aggregateOf(command.type)] as unknown as {
        decider: Decider<AccordCommand, AccordEvent, unknown>;
      };
      const result = await handleCommand(
        deps.store,
        accordCodec,
        decider,
        streamForCommand(command),
        command,
      );
      if (result.position !== undefined) await deps.waitForReadModels(result.position);
      return result;
    },
  };
}
