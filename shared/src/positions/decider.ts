// Decides positions: each stakeholder's members state and withdraw positions for it alone.
// Civil society and observers may state positions; consensus (a projection) never counts them.
import { Invalid, NotFound, unreachable, type Decider } from '../decider.js';
import { assertCan } from '../permissions.js';
import type {
  PositionsCommand,
  RequestPosition,
  StatePosition,
  WithdrawPosition,
} from './commands.js';
import type { PositionsEvent } from './events.js';
import {
  evolvePositions,
  initialPositionsState,
  positionKey,
  type PositionsState,
} from './state.js';

export function decidePositions(
  command: PositionsCommand,
  state: PositionsState,
): PositionsEvent[] {
  if (state.status === 'recording' && state.documentId !== command.data.documentId) {
    throw new Invalid('The command names another document', { reason: 'wrong-aggregate' });
  }
  switch (command.type) {
    case 'StatePosition':
      return statePosition(command, state);
    case 'WithdrawPosition':
      return withdrawPosition(command, state);
    case 'RequestPosition':
      return requestPosition(command);
    default:
      return unreachable(command);
  }
}

export const positionsDecider: Decider<PositionsCommand, PositionsEvent, PositionsState> = {
  decide: decidePositions,
  evolve: evolvePositions,
  initialState: initialPositionsState,
};

function statePosition(command: StatePosition, state: PositionsState): PositionsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'position.state');
  const { documentId, target, stance, statement = '' } = command.data;
  const current =
    state.status === 'recording'
      ? state.positions[positionKey(target, actor.stakeholderId)]
      : undefined;
  // Restating the same position is a repeat, not a change worth recording.
  if (current && current.stance === stance && current.statement === statement) return [];
  return [
    {
      type: 'PositionStated',
      data: {
        documentId,
        target,
        stakeholderId: actor.stakeholderId,
        stance,
        statement,
        statedBy: actor.userId,
        statedAt: now,
      },
    },
  ];
}

function withdrawPosition(command: WithdrawPosition, state: PositionsState): PositionsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'position.withdraw');
  const { documentId, target } = command.data;
  const key = positionKey(target, actor.stakeholderId);
  if (state.status === 'empty' || !state.positions[key]) {
    throw new NotFound('There is no position of yours on this to withdraw', {
      reason: 'no-position',
    });
  }
  return [
    {
      type: 'PositionWithdrawn',
      data: {
        documentId,
        target,
        stakeholderId: actor.stakeholderId,
        withdrawnBy: actor.userId,
        withdrawnAt: now,
      },
    },
  ];
}

/** Whether each stakeholder asked exists in the negotiation is checked by the server, which knows. */
function requestPosition(command: RequestPosition): PositionsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'position.request');
  const { documentId, target, stakeholderIds, note = '' } = command.data;
  return [
    {
      type: 'PositionRequested',
      data: {
        documentId,
        target,
        stakeholderIds: [...new Set(stakeholderIds)],
        note,
        requestedBy: actor.userId,
        requestedAt: now,
      },
    },
  ];
}
