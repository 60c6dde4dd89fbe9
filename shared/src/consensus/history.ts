// Position history from the folded record: one stakeholder on one target, a delegation's whole
// track record in a document, and every stakeholder over time on one paragraph. Each entry says
// the stance, the statement, when, which user spoke, and which revision was in force.
//
//   positionHistory(state, documentId, { stakeholderId, target: { kind: 'paragraph', id } });
//   trackRecord(state, documentId, stakeholderId);
//   paragraphTimeline(state, documentId, paragraphId);
import type { PositionTarget } from '../positions/state.js';
import type { StakeholderKind } from '../vocabulary.js';
import { toArray } from './appended-list.js';
import {
  positionsOnTarget,
  targetKey,
  type ConsensusState,
  type PositionChange,
} from './record.js';
import { delegationStanding, type DelegationStanding } from './standing.js';

export interface StakeholderRef {
  stakeholderId: string;
  kind: StakeholderKind | 'unknown';
  name: string;
  shortCode: string;
}

export interface PositionHistoryEntry extends PositionChange {
  stakeholder: StakeholderRef;
}

export interface PositionHistoryFilter {
  stakeholderId?: string;
  target?: PositionTarget;
}

export interface TrackedTarget {
  target: PositionTarget;
  /** Changes this stakeholder made on the target. */
  changes: number;
  firstAt: string;
  lastAt: string;
  /**
   * Where it stands now: for a delegation with its groups taken into account (see standing.ts),
   * for anyone else its own position; null when it has none.
   */
  current: DelegationStanding | { source: 'own'; stance: string; statement: string } | null;
}

export interface TrackRecord {
  documentId: string;
  stakeholder: StakeholderRef;
  /** Oldest first. */
  changes: PositionHistoryEntry[];
  /** Targets it spoke on, in the order it first did. */
  targets: TrackedTarget[];
}

function stakeholderRef(
  state: ConsensusState,
  documentId: string,
  stakeholderId: string,
): StakeholderRef {
  const negotiationId = state.documents[documentId]?.negotiationId;
  const known =
    negotiationId === undefined
      ? undefined
      : state.negotiations[negotiationId]?.stakeholders[stakeholderId];
  if (!known) return { stakeholderId, kind: 'unknown', name: '', shortCode: '' };
  const { kind, name, shortCode } = known;
  return { stakeholderId, kind, name, shortCode };
}

const sameTarget = (a: PositionTarget, b: PositionTarget) => a.kind === b.kind && a.id === b.id;

/** Every statement and withdrawal in the document matching the filter, oldest first. */
export function positionHistory(
  state: ConsensusState,
  documentId: string,
  filter: PositionHistoryFilter = {},
): PositionHistoryEntry[] {
  const document = state.documents[documentId];
  if (!document) return [];
  const refs = new Map<string, StakeholderRef>();
  const refOf = (id: string) => {
    let ref = refs.get(id);
    if (!ref) refs.set(id, (ref = stakeholderRef(state, documentId, id)));
    return ref;
  };
  return toArray(document.positionChanges)
    .filter(
      (change) =>
        (filter.stakeholderId === undefined || change.stakeholderId === filter.stakeholderId) &&
        (filter.target === undefined || sameTarget(change.target, filter.target)),
    )
    .map((change) => ({ ...change, stakeholder: refOf(change.stakeholderId) }));
}

/** Every stakeholder over time on one paragraph. */
export const paragraphTimeline = (
  state: ConsensusState,
  documentId: string,
  paragraphId: string,
): PositionHistoryEntry[] =>
  positionHistory(state, documentId, { target: { kind: 'paragraph', id: paragraphId } });

/** A stakeholder's whole track record in a document; undefined when the document is unknown. */
export function trackRecord(
  state: ConsensusState,
  documentId: string,
  stakeholderId: string,
): TrackRecord | undefined {
  const document = state.documents[documentId];
  if (!document) return undefined;
  const negotiation = state.negotiations[document.negotiationId];
  const changes = positionHistory(state, documentId, { stakeholderId });
  const byTarget = new Map<string, TrackedTarget>();
  for (const change of changes) {
    const key = targetKey(change.target);
    const tracked = byTarget.get(key);
    if (tracked) {
      tracked.changes += 1;
      tracked.lastAt = change.at;
    } else {
      byTarget.set(key, {
        target: change.target,
        changes: 1,
        firstAt: change.at,
        lastAt: change.at,
        current: null,
      });
    }
  }
  for (const tracked of byTarget.values()) {
    const positions = positionsOnTarget(document, tracked.target);
    const standing = negotiation && delegationStanding(negotiation, positions, stakeholderId);
    const own = positions[stakeholderId];
    tracked.current =
      standing ?? (own ? { source: 'own', stance: own.stance, statement: own.statement } : null);
  }
  return {
    documentId,
    stakeholder: stakeholderRef(state, documentId, stakeholderId),
    changes,
    targets: [...byTarget.values()],
  };
}
