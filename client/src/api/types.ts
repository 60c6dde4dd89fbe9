// The JSON the REST API answers with, under the names the app uses. Each is defined once, as a
// response schema of the API's contracts in @accord/shared; nothing here is a copy.
import type { CommentView } from '@accord/shared';

export type {
  ActivityEntry,
  ActorView as Actor,
  AmendmentView as Amendment,
  AmendmentViewStatus as AmendmentStatus,
  AsOfPoint,
  ChairView as Chair,
  CoalitionsView,
  CommandDone as CommandResult,
  CommentThreadView as CommentThread,
  CommentView as CommentEntry,
  ComparisonView,
  ConsensusView,
  CreatedInvitation,
  DocumentDetail,
  DocumentParagraph,
  DocumentSummary,
  FrameView,
  InvitationPreview,
  InvitationView as Invitation,
  MemberView as Member,
  MilestoneView,
  NegotiationForMember as Negotiation,
  NegotiationForUser,
  ParagraphStatusView as ParagraphStatusEntry,
  PositionTargetView as PositionTarget,
  PositionView as Position,
  RevisionView as Revision,
  SessionInfo,
  SignedInUserView as User,
  StakeholderRefView as StakeholderRef,
  StakeholderView as Stakeholder,
} from '@accord/shared';

export type CommentAuthor = CommentView['author'];
