// The JSON the REST API answers with, as the client reads it. The server documents its routes in
// /api/openapi.json (without response schemas yet), and these shapes follow its read-model views
// (server/src/readmodels/queries/views.ts); the client may not import server code.
import type {
  AmendmentRecord,
  CoalitionAnalysis,
  CurrentPosition,
  TextComparison,
  DocumentConsensus,
  Milestone,
  AmendmentKind,
  DocumentMode,
  ParagraphKind,
  ParagraphStatus,
  Proposal,
  Role,
  Stance,
  StakeholderKind,
} from '@accord/shared';

export interface StakeholderRef {
  stakeholderId: string;
  name: string | null;
  shortCode: string | null;
  kind: StakeholderKind | null;
}

export interface Stakeholder {
  stakeholderId: string;
  negotiationId: string;
  kind: StakeholderKind;
  name: string;
  shortCode: string;
  groupIds: string[];
  registeredAt: string;
}

export interface Chair {
  userId: string;
  displayName: string | null;
  stakeholderId: string;
  stakeholder: StakeholderRef;
}

/** Who the signed-in user acts as in a negotiation. */
export interface Actor {
  userId: string;
  stakeholderId: string;
  role: Role;
}

export interface Negotiation {
  negotiationId: string;
  title: string;
  description: string;
  openedAt: string;
  stakeholders: Stakeholder[];
  chairs: Chair[];
  you: Actor;
}

export interface NegotiationForUser {
  negotiationId: string;
  title: string;
  description: string;
  openedAt: string;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  role: Role;
}

export interface User {
  userId: string;
  email: string;
  displayName: string;
}

export interface SessionInfo {
  user: User;
  negotiations: NegotiationForUser[];
}

export interface Revision {
  label: string;
  textRevision: string;
  sequence: number;
  issuedBy: string;
  issuedAt: string;
}

export interface DocumentSummary {
  documentId: string;
  negotiationId: string;
  title: string;
  symbol: string;
  mode: DocumentMode;
  createdAt: string;
  adopted: boolean;
  adoption: { revisionLabel: string; adoptedAt: string } | null;
  latestRevision: Revision | null;
  paragraphStatusCounts: { bracketed: number; 'agreed-ad-ref': number };
  pendingAmendments: number;
}

export interface ParagraphStatusEntry {
  paragraphId: string;
  status: ParagraphStatus;
  reason: string;
  setBy: string;
  setAt: string;
}

export interface DocumentParagraph {
  id: string;
  kind: ParagraphKind;
  text: string;
  label: string | null;
  status: ParagraphStatus;
}

export interface DocumentDetail extends DocumentSummary {
  revisions: Revision[];
  paragraphStatuses: ParagraphStatusEntry[];
  paragraphs: DocumentParagraph[];
  nextRevisionLabel: string;
  you: Actor;
}

export type AmendmentStatus = 'pending' | 'withdrawn' | 'accepted' | 'rejected' | 'merged';

export interface Amendment {
  amendmentId: string;
  documentId: string;
  paragraphId: string;
  kind: AmendmentKind;
  proposal: Proposal;
  revision: number;
  rationale: string;
  sponsorStakeholderId: string;
  sponsor: StakeholderRef;
  cosponsorStakeholderIds: string[];
  cosponsors: StakeholderRef[];
  chairsCompromise: boolean;
  status: AmendmentStatus;
  reason: string | null;
  mergedInto: string | null;
  tabledBy: string;
  tabledAt: string;
  decidedAt: string | null;
  updatedAt: string;
}

export interface PositionTarget {
  kind: 'paragraph' | 'amendment';
  id: string;
}

export interface Position {
  documentId: string;
  target: PositionTarget;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  stance: Stance;
  statement: string;
  statedBy: string;
  statedAt: string;
}

export interface CommentAuthor {
  userId: string;
  displayName: string | null;
  stakeholderId: string;
  stakeholder: StakeholderRef;
}

export interface CommentEntry {
  commentId: string;
  body: string;
  author: CommentAuthor;
  postedAt: string;
}

export interface CommentThread extends CommentEntry {
  documentId: string;
  anchor: { paragraphId: string; range?: { start: string; end: string; quote: string } };
  status: 'open' | 'resolved';
  statusChangedBy: string | null;
  statusChangedAt: string | null;
  replies: CommentEntry[];
}

export interface ActivityEntry {
  position: string;
  negotiationId: string;
  documentId: string | null;
  at: string;
  actor: {
    userId: string | null;
    displayName: string | null;
    stakeholderId: string | null;
    stakeholder: StakeholderRef | null;
  };
  kind: string;
  eventType: string;
  summary: string;
  subjectId: string | null;
}

export interface Member {
  userId: string;
  displayName: string | null;
  email: string | null;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  role: Role;
  status: 'active' | 'revoked';
  admittedAt: string;
}

export interface Invitation {
  invitationId: string;
  email: string;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  role: Role;
  status: 'pending' | 'accepted' | 'expired';
  expiresAt: string;
  invitedAt: string;
  acceptedAt: string | null;
}

export interface InvitationPreview {
  negotiation?: { negotiationId: string; title: string };
  stakeholder?: { stakeholderId: string; name: string; kind: StakeholderKind };
  role: Role;
  email: string;
  accountExists: boolean;
  expiresAt: string;
}

export interface CreatedInvitation {
  invitationId: string;
  expiresAt?: string;
  /** `/invitations/<id>#token=…`; absent when the request was a repeat. */
  link?: string;
  duplicate?: boolean;
}

/** What a command answers: the log position of the change it made. */
export interface CommandResult {
  position?: string;
}

/** Where a record view stands in time (the server resolves `asOf` to a log position). */
export interface AsOfPoint {
  asOf: string;
  recordPosition: string | null;
  recordOccurredAt: string | null;
  textRevision: string | null;
  revisionInForce: string | null;
}

export type ConsensusView = DocumentConsensus & { asOf: AsOfPoint };

export interface MilestoneView extends Milestone {
  documentSymbol: string | null;
  /** `position:<n>`, to ask any record view as of this milestone. */
  asOf: string | null;
}

// Time travel and the consensus dashboard (frame, comparison, coalitions)

/** The document as it stood at a point (GET /documents/:id/frame). */
export interface FrameView {
  documentId: string;
  asOf: AsOfPoint;
  document: {
    negotiationId: string;
    title: string;
    symbol: string;
    mode: DocumentMode;
    adopted: boolean;
    revisions: { label: string; textRevision: string; issuedAt: string }[];
  };
  paragraphs: {
    id: string;
    kind: ParagraphKind;
    label: string | null;
    text: string;
    chairStatus: ParagraphStatus;
  }[];
  amendments: (AmendmentRecord & { paragraphLabel: string | null })[];
  positions: CurrentPosition[];
  consensus: DocumentConsensus;
}

/** The attributed comparison of two points (GET /documents/:id/compare). */
export interface ComparisonView extends TextComparison {
  documentId: string;
  from: AsOfPoint;
  to: AsOfPoint;
  updates: number;
  stakeholders: Record<string, { name: string; shortCode: string; kind: StakeholderKind }>;
}

export type CoalitionsView = CoalitionAnalysis & { asOf: AsOfPoint };
