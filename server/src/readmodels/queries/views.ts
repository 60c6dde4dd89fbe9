// The shapes queries return: plain JSON (ISO times, decimal strings for 64-bit numbers), in the
// glossary's words, and never a token or password hash outside the two credential views. The
// views clients read are defined once, as the API's response schemas in @accord/shared
// (contracts/); only the server's own credential and membership shapes are declared here.
// Ids keep the events' field names (`stakeholderId`, `sponsorStakeholderId`); a `StakeholderRef`
// beside them names the stakeholder for display.
import type {
  DocumentSummary as DocumentSummaryView,
  InvitationStatus,
  Role,
  StakeholderRefView,
  UiLanguage,
} from '@accord/shared';

export type {
  ActivityEntry,
  AdoptionView,
  AmendmentView,
  AmendmentViewStatus as AmendmentStatus,
  ChairView,
  CommentAnchorView,
  CommentThreadView,
  CommentView,
  DocumentSummary,
  DocumentView,
  InvitationStatus,
  InvitationView,
  MemberView,
  NegotiationForUser,
  NegotiationView,
  ParagraphStatusView,
  PositionHistoryView as PositionHistoryEntry,
  PositionTargetView,
  PositionView,
  RevisionView,
  StakeholderRefView as StakeholderRef,
  StakeholderView,
} from '@accord/shared';

type StakeholderRef = StakeholderRefView;

/** A document as far as deciding who may open or type in it goes. */
export type DocumentAccess = Pick<
  DocumentSummaryView,
  'documentId' | 'negotiationId' | 'mode' | 'adopted'
>;

export interface Membership {
  stakeholderId: string;
  role: Role;
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

/** For sign-in only: it carries the password hash to verify against. */
export interface Credentials {
  userId: string;
  email: string;
  displayName: string;
  passwordHash: string;
}

export interface UserView {
  userId: string;
  email: string;
  displayName: string;
  registeredAt: string;
  /** The interface language the person chose; absent until they do. */
  language?: UiLanguage;
}

export interface SessionView {
  userId: string;
  expiresAt: string;
}
