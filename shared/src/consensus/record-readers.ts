// Reading the folded record: the empty state, and the lookups every view uses (an amendment, the
// positions on a target, the targets with positions, the revision in force).
import type { PositionTarget } from '../positions/state.js';
import { toArray } from './appended-list.js';
import { emptyKeyedMap, keyedEntries, keyedGet } from './keyed-map.js';
import type {
  ConsensusState,
  DocumentRecord,
  RecordRevision,
  TargetPositions,
} from './record-types.js';

export const targetKey = (target: PositionTarget): string => `${target.kind}:${target.id}`;

export const initialConsensusState = (): ConsensusState => ({
  negotiations: {},
  documents: {},
  amendments: emptyKeyedMap(),
  eventCount: 0,
});

export const amendmentOf = (state: ConsensusState, amendmentId: string) =>
  keyedGet(state.amendments, amendmentId);

/** The current positions on one paragraph or amendment, by stakeholder id. */
export const positionsOnTarget = (
  document: DocumentRecord,
  target: PositionTarget,
): TargetPositions => keyedGet(document.positions, targetKey(target)) ?? {};

/** Every target someone has a position on, with the positions: `[targetKey, positions]`. */
export const targetsWithPositions = (document: DocumentRecord): [string, TargetPositions][] =>
  keyedEntries(document.positions);

/** The document's amendment ids, in the order tabled. */
export const amendmentIdsOf = (document: DocumentRecord): string[] =>
  toArray(document.amendmentIds);

/** The revision in force for a document: the last one issued. */
export const revisionInForce = (document: DocumentRecord): RecordRevision | undefined =>
  document.revisions.at(-1);
