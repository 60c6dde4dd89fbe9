// The shapes queries return: plain JSON (ISO times, decimal strings for 64-bit numbers), in the
// glossary's words, and never a token or password hash outside the two credential views.
// Ids keep the events' field names (`stakeholderId`, `sponsorStakeholderId`); a `StakeholderRef`
// beside them names the stakeholder for display.
import type {
  AmendmentKind,
  DocumentMode,
  ParagraphStatus,
  Proposal,
  Role,
  Stance,
  StakeholderKind,
} from '@accord/shared';

/** A stakeholder named by another record; name, code and kind are null if it was never registered. */
export interface StakeholderRef {
  stakeholderId: string;
  name: string | null;
  shortCode: string | null;
  kind: StakeholderKind | null;
}

export interface StakeholderView {
  stakeholderId: string;
  negotiationId: string;
  kind: StakeholderKind;
  name: string;
  shortCode: string;
  /** The negotiating groups a delegation belongs to. */
  groupIds: string[];
  registeredAt: string;
}

export interface ChairView {
  userId: string;
  displayName: string | null;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  /** When the current list of chairs was appointed; null if made chair another way. */
  appointedAt: string | null;
}

export interface NegotiationView {
  negotiationId: string;
  title: string;
  description: string;
  openedAt: string;
  openedBy: string;
  /** In registration order. */
  stakeholders: StakeholderView[];
  /** Members whose role is chair now, in the order they were appointed. */
  chairs: ChairView[];
}

/** A negotiation the user takes part in, and as what. */
export interface NegotiationForUser {
  negotiationId: string;
  title: string;
  description: string;
  openedAt: string;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  role: Role;
}

export interface MemberView {
  userId: string;
  displayName: string | null;
  /** Only for callers allowed 'members.manage'. */
  email: string | null;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  role: Role;
  status: 'active' | 'revoked';
  invitationId: string | null;
  admittedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface Membership {
  stakeholderId: string;
  role: Role;
}

/** 'expired' is decided when read: a pending invitation past its expiry. */
export type InvitationStatus = 'pending' | 'accepted' | 'expired';

export interface InvitationView {
  invitationId: string;
  negotiationId: string;
  email: string;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  role: Role;
  status: InvitationStatus;
  expiresAt: string;
  invitedBy: string;
  invitedAt: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
}

/** For the accept flow only: it carries the token hash to compare with. */
export interface InvitationForAcceptance {
  invitationId: string;
  negotiationId: string;
  negotiationTitle: string | null;
  email: string;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  role: Role;
  status: InvitationStatus;
  expiresAt: string;
  tokenHash: string;
}

export interface UserView {
  userId: string;
  email: string;
  displayName: string;
  registeredAt: string;
}

/** For sign-in only: it carries the password hash to verify against. */
export interface Credentials {
  userId: string;
  email: string;
  displayName: string;
  passwordHash: string;
}

export interface SessionView {
  userId: string;
  expiresAt: string;
}

export interface RevisionView {
  label: string;
  /** Decimal string of the `doctext-` revision the label freezes. */
  textRevision: string;
  /** 1 for the first revision issued. */
  sequence: number;
  issuedBy: string;
  issuedAt: string;
}

export interface AdoptionView {
  revisionLabel: string;
  textRevision: string;
  adoptedBy: string;
  adoptedAt: string;
}

export interface ParagraphStatusView {
  paragraphId: string;
  status: ParagraphStatus;
  reason: string;
  setBy: string;
  setAt: string;
}

export interface DocumentSummary {
  documentId: string;
  negotiationId: string;
  title: string;
  symbol: string;
  mode: DocumentMode;
  createdBy: string;
  createdAt: string;
  /** Once adopted, the document's record is closed. */
  adopted: boolean;
  adoption: AdoptionView | null;
  latestRevision: RevisionView | null;
  /** Paragraphs the chair has bracketed or marked agreed ad ref; every other one is open. */
  paragraphStatusCounts: { bracketed: number; 'agreed-ad-ref': number };
  pendingAmendments: number;
}

export interface DocumentView extends DocumentSummary {
  /** In the order issued. */
  revisions: RevisionView[];
  /** Every paragraph whose status the chair has set (including back to open). */
  paragraphStatuses: ParagraphStatusView[];
}

export type AmendmentStatus = 'pending' | 'withdrawn' | 'accepted' | 'rejected' | 'merged';

export interface AmendmentView {
  amendmentId: string;
  documentId: string;
  negotiationId: string | null;
  paragraphId: string;
  kind: AmendmentKind;
  /** The current wording, after any revisions. */
  proposal: Proposal;
  /** 1 as tabled, +1 per revision. */
  revision: number;
  rationale: string;
  sponsorStakeholderId: string;
  sponsor: StakeholderRef;
  /** In the order they joined. */
  cosponsorStakeholderIds: string[];
  cosponsors: StakeholderRef[];
  chairsCompromise: boolean;
  status: AmendmentStatus;
  /** The rejection's or the withdrawal's reason. */
  reason: string | null;
  mergedInto: string | null;
  tabledBy: string;
  tabledAt: string;
  /** The chair's decision, or the sponsor's withdrawal; null while pending. */
  decidedBy: string | null;
  decidedAt: string | null;
  updatedAt: string;
}

export interface PositionTargetView {
  kind: 'paragraph' | 'amendment';
  id: string;
}

export interface PositionView {
  documentId: string;
  target: PositionTargetView;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  stance: Stance;
  statement: string;
  statedBy: string;
  statedAt: string;
}

export interface PositionHistoryEntry {
  /** The event's position in the log, as a decimal string: orders entries, and replays to it. */
  position: string;
  documentId: string;
  target: PositionTargetView;
  stakeholderId: string;
  stakeholder: StakeholderRef;
  action: 'stated' | 'withdrawn';
  /** Null for a withdrawal. */
  stance: Stance | null;
  statement: string | null;
  userId: string;
  at: string;
  /** The revision in force when it was said; null before the first was issued. */
  revisionLabel: string | null;
}

export interface CommentAnchorView {
  paragraphId: string;
  range?: { start: string; end: string; quote: string };
}

export interface CommentView {
  commentId: string;
  body: string;
  author: {
    userId: string;
    displayName: string | null;
    stakeholderId: string;
    stakeholder: StakeholderRef;
  };
  postedAt: string;
}

export interface CommentThreadView extends CommentView {
  documentId: string;
  anchor: CommentAnchorView;
  status: 'open' | 'resolved';
  /** Who last resolved or reopened it, and when. */
  statusChangedBy: string | null;
  statusChangedAt: string | null;
  /** Oldest first. */
  replies: CommentView[];
}

export interface ActivityEntry {
  /** The event's position in the log, as a decimal string. */
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
  /** e.g. 'amendment-tabled', 'position-stated', 'revision-issued'. */
  kind: string;
  eventType: string;
  summary: string;
  /** The amendment, comment, paragraph, document, stakeholder or member it is about. */
  subjectId: string | null;
}
