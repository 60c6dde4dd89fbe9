// Every REST call the app makes, typed by the API's contracts (@accord/shared): one function per
// endpoint the UI uses, with the arguments the screens have at hand. Components call these and
// never build URLs themselves.
import {
  amendmentContracts as amendments,
  commentContracts as comments,
  documentContracts as documents,
  negotiationContracts as negotiations,
  notificationContracts as notifications,
  positionContracts as positions,
  recordContracts as record,
  type DocumentMode,
  type ParagraphStatus,
  type Role,
} from '@accord/shared';
import { call } from './call.js';
import { sessionApi, type BodyOf } from './session-api.js';
import type { PositionTarget } from './types.js';

export const api = {
  ...sessionApi,

  // Negotiations
  negotiations: () => call(negotiations.listNegotiations, {}),
  negotiation: (negotiationId: string) =>
    call(negotiations.getNegotiation, { params: { negotiationId } }),
  stakeholders: (negotiationId: string) =>
    call(negotiations.listStakeholders, { params: { negotiationId } }),
  registerStakeholder: (
    negotiationId: string,
    body: BodyOf<typeof negotiations.registerStakeholder>,
  ) => call(negotiations.registerStakeholder, { params: { negotiationId }, body }),
  members: (negotiationId: string) => call(negotiations.listMembers, { params: { negotiationId } }),
  changeMemberRole: (negotiationId: string, userId: string, role: Role) =>
    call(negotiations.changeMemberRole, { params: { negotiationId, userId }, body: { role } }),
  revokeMember: (negotiationId: string, userId: string) =>
    call(negotiations.revokeMember, { params: { negotiationId, userId } }),
  invitations: (negotiationId: string) =>
    call(negotiations.listInvitations, { params: { negotiationId } }),
  invite: (negotiationId: string, body: BodyOf<typeof negotiations.inviteMember>) =>
    call(negotiations.inviteMember, { params: { negotiationId }, body }),
  activity: (negotiationId: string, options: { since?: string; limit?: number } = {}) =>
    call(negotiations.activity, {
      params: { negotiationId },
      query: { since: options.since, limit: options.limit ?? 100 },
    }),
  documents: (negotiationId: string) =>
    call(documents.listDocuments, { params: { negotiationId } }),

  // Documents
  document: (documentId: string) => call(documents.getDocument, { params: { documentId } }),
  changeMode: (documentId: string, mode: DocumentMode) =>
    call(documents.changeMode, { params: { documentId }, body: { mode } }),
  setParagraphStatus: (
    documentId: string,
    paragraphId: string,
    status: ParagraphStatus,
    reason?: string,
  ) =>
    call(documents.setParagraphStatus, {
      params: { documentId, paragraphId },
      body: reason === undefined ? { status } : { status, reason },
    }),
  issueRevision: (documentId: string) =>
    call(documents.issueRevision, { params: { documentId }, body: {} }),
  adoptDocument: (documentId: string, revisionLabel: string) =>
    call(documents.adoptDocument, { params: { documentId }, body: { revisionLabel } }),

  // Amendments
  amendments: (documentId: string) => call(amendments.listAmendments, { params: { documentId } }),
  tableAmendment: (documentId: string, body: BodyOf<typeof amendments.tableAmendment>) =>
    call(amendments.tableAmendment, { params: { documentId }, body }),
  cosponsor: (amendmentId: string) => call(amendments.cosponsor, { params: { amendmentId } }),
  accept: (amendmentId: string) => call(amendments.accept, { params: { amendmentId } }),
  reject: (amendmentId: string, reason: string) =>
    call(amendments.reject, { params: { amendmentId }, body: { reason } }),
  reviseAmendment: (amendmentId: string, body: BodyOf<typeof amendments.revise>) =>
    call(amendments.revise, { params: { amendmentId }, body }),
  withdraw: (amendmentId: string, reason = '') =>
    call(amendments.withdraw, { params: { amendmentId }, body: reason ? { reason } : {} }),
  merge: (amendmentId: string, intoAmendmentId: string) =>
    call(amendments.merge, { params: { amendmentId }, body: { intoAmendmentId } }),
  restoreAmendment: (amendmentId: string, reason: string) =>
    call(amendments.restore, { params: { amendmentId }, body: { reason } }),

  // Positions
  positions: (documentId: string) => call(positions.listPositions, { params: { documentId } }),
  statePosition: (documentId: string, body: BodyOf<typeof positions.statePosition>) =>
    call(positions.statePosition, { params: { documentId }, body }),
  withdrawPosition: (documentId: string, target: PositionTarget) =>
    call(positions.withdrawPosition, { params: { documentId }, body: { target } }),
  requestPositions: (documentId: string, body: BodyOf<typeof notifications.requestPositions>) =>
    call(notifications.requestPositions, { params: { documentId }, body }),

  // The record: consensus now or as of a point, and the milestones to travel to
  consensus: (documentId: string, asOf?: string) =>
    call(record.consensus, { params: { documentId }, query: { asOf } }),
  milestones: (negotiationId: string, documentId: string) =>
    call(record.milestones, { params: { negotiationId }, query: { documentId } }),
  // Time travel and the dashboard: the text as of a point, two points compared, coalitions
  frame: (documentId: string, asOf: string) =>
    call(record.frame, { params: { documentId }, query: { asOf } }),
  compare: (documentId: string, from: string, to: string) =>
    call(record.compare, { params: { documentId }, query: { from, to } }),
  coalitions: (documentId: string, options: { asOf?: string; includeInherited?: boolean } = {}) =>
    call(record.coalitions, {
      params: { documentId },
      query: {
        asOf: options.asOf,
        includeInherited: options.includeInherited ? 'true' : undefined,
      },
    }),

  // Comments
  comments: (documentId: string) => call(comments.listComments, { params: { documentId } }),
  postComment: (documentId: string, body: BodyOf<typeof comments.postComment>) =>
    call(comments.postComment, { params: { documentId }, body }),
  reply: (documentId: string, commentId: string, body: string) =>
    call(comments.reply, { params: { documentId, commentId }, body: { body } }),
  resolveComment: (documentId: string, commentId: string) =>
    call(comments.resolve, { params: { documentId, commentId } }),
  reopenComment: (documentId: string, commentId: string) =>
    call(comments.reopen, { params: { documentId, commentId } }),
};
