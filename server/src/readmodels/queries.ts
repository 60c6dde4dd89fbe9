// `ReadModelQueries`: every read the API, the gateways and exports make of the read models,
// as plain JSON-safe objects. Built once per database; statements are prepared on first use.
import { LIBRARY_RESULTS_MAX } from '@accord/shared';
import type { ReadModelDb } from './read-model-db.js';
import { accountQueries } from './queries/accounts.js';
import { activityQueries, type ActivityOptions } from './queries/activity.js';
import { amendmentQueries, type AmendmentFilter } from './queries/amendments.js';
import { commentQueries, type CommentsAsOf } from './queries/comments.js';
import { documentQueries } from './queries/documents.js';
import { libraryQueries, type LibraryQueries } from './queries/library.js';
import { consultationQueries, type ConsultationQueries } from './queries/consultations.js';
import { recommendationQueries, type RecommendationQueries } from './queries/recommendations.js';
import { pledgeQueries, type PledgeQueries } from './queries/pledges.js';
import { negotiationQueries } from './queries/negotiations.js';
import { privateDraftQueries, type PrivateDraftQueries } from './queries/private-drafts.js';
import {
  segmentQueries,
  type ScheduledSegment,
  type ScheduledSession,
} from './queries/segments.js';
import {
  roundtableQueries,
  type RoundtablePaperView,
  type RoundtableView,
} from './queries/roundtables.js';
import {
  positionQueries,
  type PositionFilter,
  type PositionHistoryFilter,
} from './queries/positions.js';
import type {
  ActivityEntry,
  AmendmentView,
  CommentThreadView,
  Credentials,
  DocumentAccess,
  DocumentSummary,
  DocumentView,
  InvitationForAcceptance,
  InvitationView,
  MemberView,
  Membership,
  NegotiationForUser,
  NegotiationView,
  PositionHistoryEntry,
  PositionView,
  SessionView,
  StakeholderView,
  UserView,
} from './queries/views.js';

export type { ActivityOptions, AmendmentFilter, PositionFilter, PositionHistoryFilter };
export type { RoundtablePaperView, RoundtableView };
export type { ScheduledSegment, ScheduledSession };
export type * from './queries/views.js';

/**
 * Callers gate by permission: `listMembers` needs 'members.manage', `listInvitations`
 * 'invitations.manage', the rest of a negotiation 'record.read'. `getInvitationForAcceptance`,
 * `getCredentialsByEmail` and `getSession` are for the server's auth code, never for clients.
 */
export interface ReadModelQueries extends PrivateDraftQueries {
  getNegotiation(negotiationId: string): NegotiationView | undefined;
  listNegotiationsForUser(userId: string): NegotiationForUser[];
  listStakeholders(negotiationId: string): StakeholderView[];
  /** One delegation or organisation: what each live connection's answer names. */
  getStakeholder(negotiationId: string, stakeholderId: string): StakeholderView | undefined;
  listMembers(negotiationId: string): MemberView[];
  getMembership(negotiationId: string, userId: string): Membership | undefined;
  listInvitations(negotiationId: string, now?: Date): InvitationView[];
  getInvitationForAcceptance(invitationId: string, now?: Date): InvitationForAcceptance | undefined;

  getUser(userId: string): UserView | undefined;
  getCredentialsByEmail(email: string): Credentials | undefined;
  getSession(tokenHash: string, now?: Date): SessionView | undefined;

  listDocuments(negotiationId: string): DocumentSummary[];
  getDocument(documentId: string): DocumentView | undefined;
  /** What deciding access needs, without the counts and statuses `getDocument` gathers. */
  getDocumentAccess(documentId: string): DocumentAccess | undefined;

  listAmendments(documentId: string, filter?: AmendmentFilter): AmendmentView[];
  getAmendment(amendmentId: string): AmendmentView | undefined;
  listPositions(documentId: string, filter?: PositionFilter): PositionView[];
  positionHistory(documentId: string, filter?: PositionHistoryFilter): PositionHistoryEntry[];
  /** With `asOf`, as a reader behind a segment's horizon may see them. */
  listComments(documentId: string, asOf?: CommentsAsOf): CommentThreadView[];

  activity(negotiationId: string, options?: ActivityOptions): ActivityEntry[];

  listRoundtables(negotiationId: string): RoundtableView[];
  getRoundtable(roundtableId: string): RoundtableView | undefined;

  /** A negotiation's sessions, and its segments oldest first (each with its opening position). */
  listSessions(negotiationId: string): ScheduledSession[];
  listSegments(negotiationId: string): ScheduledSegment[];

  /** The agreed-language library: search, texts, a document's citations. */
  library: LibraryQueries;
  /** Consultations on a draft, their answers, and the one a public link names. */
  consultations: ConsultationQueries;
  /** Recommendations of civil society and observers, with the steps of their uptake. */
  recommendations: RecommendationQueries;

  /** Action pledges, replayed from their events (up to a position when a horizon applies). */
  pledges: PledgeQueries;

  /** Where a command id was used, for telling a retry from a reused Idempotency-Key. */
  getCommandRecord(commandId: string): { stream: string; commandType: string } | undefined;
}

export function createQueries(db: ReadModelDb): ReadModelQueries {
  return {
    ...negotiationQueries(db),
    ...accountQueries(db),
    ...documentQueries(db),
    ...amendmentQueries(db),
    ...positionQueries(db),
    ...commentQueries(db),
    ...activityQueries(db),
    ...roundtableQueries(db),
    ...privateDraftQueries(db),
    ...segmentQueries(db),
    library: libraryQueries(db, LIBRARY_RESULTS_MAX),
    consultations: consultationQueries(db),
    recommendations: recommendationQueries(db),
    pledges: pledgeQueries(db),
    getCommandRecord: (commandId) =>
      db
        .prepare('SELECT stream, command_type AS commandType FROM command_log WHERE command_id = ?')
        .get(commandId) as { stream: string; commandType: string } | undefined,
  };
}
