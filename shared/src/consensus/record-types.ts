// The shapes of the negotiation record folded by record.ts: stakeholders, documents with their
// statuses, revisions and positions, amendments, milestones. Plain readonly records, so a state
// taken at any point stays valid while later events are folded.
import type { Proposal } from '../amendment/proposal.js';
import type { PositionTarget } from '../positions/state.js';
import type { DocumentMode, ParagraphStatus, Stance, StakeholderKind } from '../vocabulary.js';
import type { AppendedList } from './appended-list.js';
import type { KeyedMap } from './keyed-map.js';

/** Where and when an event sits in the log, when the reader knows (stream reads may not). */
export interface RecordEnvelope {
  /** Global log position as a decimal string (bigints do not survive JSON). */
  position?: string;
  /** The event's `metadata.occurredAt`; the event's own time is used when absent. */
  occurredAt?: string;
}

export interface RecordStakeholder {
  stakeholderId: string;
  kind: StakeholderKind;
  name: string;
  shortCode: string;
  /** Negotiating groups of a delegation, in the order registered. */
  groupIds: readonly string[];
}

export interface NegotiationRecord {
  negotiationId: string;
  title: string;
  stakeholders: Readonly<Record<string, RecordStakeholder>>;
  /** Registration order, for stable listings. */
  stakeholderOrder: readonly string[];
  documentIds: readonly string[];
  milestones: AppendedList<Milestone>;
}

export interface RecordRevision {
  label: string;
  /** Decimal `doctext-` stream revision the label freezes. */
  textRevision: string;
  sequence: number;
  issuedAt: string;
  position: string | undefined;
  /** The numbers it published ([paragraph id, label]); null if never recorded. */
  numbering: readonly (readonly [string, string])[] | null;
}

/** The numbers of the latest revision that recorded them: insertions since read "bis", "ter". */
export const recordFrozenNumbering = (revisions: readonly RecordRevision[]): Map<string, string> =>
  new Map(revisions.findLast((r) => r.numbering !== null)?.numbering ?? []);

export interface ParagraphStatusRecord {
  status: ParagraphStatus;
  reason: string;
  setBy: string;
  setAt: string;
}

export interface CurrentPosition {
  target: PositionTarget;
  stakeholderId: string;
  stance: Stance;
  statement: string;
  statedBy: string;
  statedAt: string;
}

export interface PositionChange {
  target: PositionTarget;
  stakeholderId: string;
  action: 'stated' | 'withdrawn';
  /** Null for a withdrawal. */
  stance: Stance | null;
  statement: string | null;
  /** The stance this change replaced, null when there was none. */
  previousStance: Stance | null;
  /** The user who spoke for the stakeholder. */
  userId: string;
  at: string;
  position: string | undefined;
  /** The revision the text was under when this was said: the last one issued before it. */
  revisionLabel: string | null;
}

export type MilestoneKind =
  | 'document-created'
  | 'revision-issued'
  | 'amendment-accepted'
  | 'paragraph-agreed-ad-ref'
  | 'document-adopted';

export interface Milestone {
  kind: MilestoneKind;
  documentId: string;
  at: string;
  /** Jump here with `asOf=position:<position>`; undefined when the reader had no positions. */
  position: string | undefined;
  userId: string;
  /** The revision label (issued, adopted) or the document's symbol (created). */
  label?: string;
  paragraphId?: string;
  amendmentId?: string;
  /** For an accepted amendment: its sponsor. */
  stakeholderId?: string;
}

export type AmendmentRecordStatus = 'pending' | 'withdrawn' | 'accepted' | 'rejected' | 'merged';

export interface AmendmentRecord {
  amendmentId: string;
  documentId: string;
  paragraphId: string;
  status: AmendmentRecordStatus;
  proposal: Proposal;
  rationale: string;
  sponsorStakeholderId: string;
  cosponsorStakeholderIds: readonly string[];
  chairsCompromise: boolean;
  revision: number;
  tabledAt: string;
  /** When it stopped being pending, and why (rejection, withdrawal) or into what (merge). */
  decidedAt: string | null;
  reason: string | null;
  intoAmendmentId: string | null;
  /** For a sub-amendment: the amendment it amends (decided after it). */
  parentAmendmentId?: string | null;
}

/** Current positions on one target, by stakeholder id. */
export type TargetPositions = Readonly<Record<string, CurrentPosition>>;

export interface DocumentRecord {
  documentId: string;
  negotiationId: string;
  title: string;
  symbol: string;
  mode: DocumentMode;
  createdAt: string;
  createdPosition: string | undefined;
  adopted: { revisionLabel: string; textRevision: string; adoptedAt: string } | null;
  /** Only paragraphs whose status was ever set; the others are 'open'. */
  paragraphStatuses: Readonly<Record<string, ParagraphStatusRecord>>;
  revisions: readonly RecordRevision[];
  /** In the order tabled. */
  amendmentIds: AppendedList<string>;
  /**
   * Paragraphs the record mentions (statuses, amendments, positions), in first-mention order:
   * the fallback listing when the caller cannot give the text's own order.
   */
  mentionedParagraphIds: readonly string[];
  /** By `targetKey`; read with `positionsOnTarget` and `targetsWithPositions`. */
  positions: KeyedMap<TargetPositions>;
  positionChanges: AppendedList<PositionChange>;
}

export interface ConsensusState {
  negotiations: Readonly<Record<string, NegotiationRecord>>;
  documents: Readonly<Record<string, DocumentRecord>>;
  /** Read with `amendmentOf`. */
  amendments: KeyedMap<AmendmentRecord>;
  /** Events folded (all types, including those ignored): a cheap progress figure. */
  eventCount: number;
}
