// The current positions on one document's paragraphs and amendments; the history is the
// stream itself.
import { unreachable } from '../decider.js';
import type { Stance } from '../vocabulary.js';
import type { PositionsEvent } from './events.js';

export interface PositionTarget {
  kind: 'paragraph' | 'amendment';
  id: string;
}

export interface Position {
  target: PositionTarget;
  stakeholderId: string;
  stance: Stance;
  statement: string;
  statedAt: string;
}

export type PositionsState =
  | { status: 'empty' }
  | {
      status: 'recording';
      documentId: string;
      /** Keyed by `positionKey`: one current position per stakeholder and target. */
      positions: Readonly<Record<string, Position>>;
    };

export const positionKey = (target: PositionTarget, stakeholderId: string): string =>
  `${target.kind}:${target.id}:${stakeholderId}`;

export const initialPositionsState = (): PositionsState => ({ status: 'empty' });

/** The current positions on one paragraph or amendment. */
export const positionsOn = (state: PositionsState, target: PositionTarget): Position[] =>
  state.status === 'empty'
    ? []
    : Object.values(state.positions).filter(
        (p) => p.target.kind === target.kind && p.target.id === target.id,
      );

export function evolvePositions(state: PositionsState, event: PositionsEvent): PositionsState {
  const recording =
    state.status === 'recording'
      ? state
      : { status: 'recording' as const, documentId: event.data.documentId, positions: {} };
  switch (event.type) {
    case 'PositionStated': {
      const { target, stakeholderId, stance, statement, statedAt } = event.data;
      const position = { target, stakeholderId, stance, statement, statedAt };
      const key = positionKey(target, stakeholderId);
      return { ...recording, positions: { ...recording.positions, [key]: position } };
    }
    case 'PositionWithdrawn': {
      const key = positionKey(event.data.target, event.data.stakeholderId);
      const { [key]: _withdrawn, ...positions } = recording.positions;
      return { ...recording, positions };
    }
    case 'PositionRequested':
      // A request is a notice to the delegations asked; the positions themselves are unchanged.
      return recording;
    default:
      return unreachable(event);
  }
}
