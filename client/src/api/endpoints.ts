// Every REST call the app makes, typed: one function per route of /api/openapi.json that the UI
// uses. Components call these and never build URLs themselves.
import type {
  AmendmentKind,
  DocumentMode,
  ParagraphKind,
  ParagraphStatus,
  Role,
  Stance,
  StakeholderKind,
} from '@accord/shared';
import { request } from './http.js';
import type {
  ActivityEntry,
  Amendment,
  CommandResult,
  ConsensusView,
  CoalitionsView,
  ComparisonView,
  FrameView,
  MilestoneView,
  CommentThread,
  CreatedInvitation,
  DocumentDetail,
  DocumentSummary,
  Invitation,
  InvitationPreview,
  Member,
  Negotiation,
  NegotiationForUser,
  Position,
  PositionTarget,
  SessionInfo,
  Stakeholder,
} from './types.js';

const enc = encodeURIComponent;

export const api = {
  // Session
  session: () => request<SessionInfo>('GET', '/session'),
  signIn: (email: string, password: string) =>
    request<SessionInfo>('POST', '/session', { email, password }),
  signOut: () => request<void>('DELETE', '/session'),
  previewInvitation: (invitationId: string, token: string) =>
    request<InvitationPreview>('POST', `/invitations/${enc(invitationId)}/preview`, { token }),
  acceptInvitation: (
    invitationId: string,
    body: { token: string; password: string; displayName?: string },
  ) => request<SessionInfo>('POST', `/invitations/${enc(invitationId)}/accept`, body),

  // Negotiations
  negotiations: () => request<NegotiationForUser[]>('GET', '/negotiations'),
  negotiation: (id: string) => request<Negotiation>('GET', `/negotiations/${enc(id)}`),
  stakeholders: (id: string) =>
    request<Stakeholder[]>('GET', `/negotiations/${enc(id)}/stakeholders`),
  registerStakeholder: (
    id: string,
    body: { kind: StakeholderKind; name: string; shortCode: string; groupIds?: string[] },
  ) => request<CommandResult>('POST', `/negotiations/${enc(id)}/stakeholders`, body),
  members: (id: string) => request<Member[]>('GET', `/negotiations/${enc(id)}/members`),
  changeMemberRole: (id: string, userId: string, role: Role) =>
    request<CommandResult>('PATCH', `/negotiations/${enc(id)}/members/${enc(userId)}`, { role }),
  revokeMember: (id: string, userId: string) =>
    request<CommandResult>('DELETE', `/negotiations/${enc(id)}/members/${enc(userId)}`),
  invitations: (id: string) => request<Invitation[]>('GET', `/negotiations/${enc(id)}/invitations`),
  invite: (id: string, body: { email: string; stakeholderId: string; role: Role }) =>
    request<CreatedInvitation>('POST', `/negotiations/${enc(id)}/invitations`, body),
  activity: (id: string, options: { since?: string; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (options.since) query.set('since', options.since);
    query.set('limit', String(options.limit ?? 100));
    return request<ActivityEntry[]>('GET', `/negotiations/${enc(id)}/activity?${query}`);
  },
  documents: (id: string) =>
    request<DocumentSummary[]>('GET', `/negotiations/${enc(id)}/documents`),

  // Documents
  document: (id: string) => request<DocumentDetail>('GET', `/documents/${enc(id)}`),
  changeMode: (id: string, mode: DocumentMode) =>
    request<CommandResult>('PUT', `/documents/${enc(id)}/mode`, { mode }),
  setParagraphStatus: (id: string, paragraphId: string, status: ParagraphStatus) =>
    request<CommandResult>('PUT', `/documents/${enc(id)}/paragraphs/${enc(paragraphId)}/status`, {
      status,
    }),
  issueRevision: (id: string) =>
    request<{ label: string } & CommandResult>('POST', `/documents/${enc(id)}/revisions`, {}),

  // Amendments
  amendments: (documentId: string) =>
    request<Amendment[]>('GET', `/documents/${enc(documentId)}/amendments`),
  tableAmendment: (
    documentId: string,
    body: {
      paragraphId: string;
      kind: AmendmentKind;
      range?: { start: number; end: number };
      proposedText?: string;
      paragraphKind?: ParagraphKind;
      rationale?: string;
    },
  ) =>
    request<{ amendmentId: string } & CommandResult>(
      'POST',
      `/documents/${enc(documentId)}/amendments`,
      body,
    ),
  cosponsor: (amendmentId: string) =>
    request<CommandResult>('POST', `/amendments/${enc(amendmentId)}/cosponsor`),
  accept: (amendmentId: string) =>
    request<CommandResult>('POST', `/amendments/${enc(amendmentId)}/accept`),
  reject: (amendmentId: string, reason: string) =>
    request<CommandResult>('POST', `/amendments/${enc(amendmentId)}/reject`, { reason }),

  // Positions
  positions: (documentId: string) =>
    request<Position[]>('GET', `/documents/${enc(documentId)}/positions`),
  statePosition: (
    documentId: string,
    body: { target: PositionTarget; stance: Stance; statement?: string },
  ) => request<CommandResult>('PUT', `/documents/${enc(documentId)}/positions`, body),
  withdrawPosition: (documentId: string, target: PositionTarget) =>
    request<CommandResult>('POST', `/documents/${enc(documentId)}/positions/withdraw`, { target }),

  // The record: consensus now or as of a point, and the milestones to travel to
  consensus: (documentId: string, asOf?: string) =>
    request<ConsensusView>(
      'GET',
      `/documents/${enc(documentId)}/consensus${asOf ? `?asOf=${enc(asOf)}` : ''}`,
    ),
  milestones: (negotiationId: string, documentId: string) =>
    request<{ milestones: MilestoneView[] }>(
      'GET',
      `/negotiations/${enc(negotiationId)}/milestones?documentId=${enc(documentId)}`,
    ),
  // Time travel and the dashboard: the text as of a point, two points compared, coalitions
  frame: (documentId: string, asOf: string) =>
    request<FrameView>('GET', `/documents/${enc(documentId)}/frame?asOf=${enc(asOf)}`),
  compare: (documentId: string, from: string, to: string) =>
    request<ComparisonView>(
      'GET',
      `/documents/${enc(documentId)}/compare?from=${enc(from)}&to=${enc(to)}`,
    ),
  coalitions: (documentId: string, options: { asOf?: string; includeInherited?: boolean } = {}) => {
    const query = new URLSearchParams();
    if (options.asOf) query.set('asOf', options.asOf);
    if (options.includeInherited) query.set('includeInherited', 'true');
    return request<CoalitionsView>('GET', `/documents/${enc(documentId)}/coalitions?${query}`);
  },

  // Comments
  comments: (documentId: string) =>
    request<CommentThread[]>('GET', `/documents/${enc(documentId)}/comments`),
  postComment: (
    documentId: string,
    body: { paragraphId: string; range?: { start: number; end: number }; body: string },
  ) =>
    request<{ commentId: string } & CommandResult>(
      'POST',
      `/documents/${enc(documentId)}/comments`,
      body,
    ),
  reply: (documentId: string, commentId: string, body: string) =>
    request<CommandResult>(
      'POST',
      `/documents/${enc(documentId)}/comments/${enc(commentId)}/replies`,
      { body },
    ),
  resolveComment: (documentId: string, commentId: string) =>
    request<CommandResult>(
      'POST',
      `/documents/${enc(documentId)}/comments/${enc(commentId)}/resolve`,
    ),
  reopenComment: (documentId: string, commentId: string) =>
    request<CommandResult>(
      'POST',
      `/documents/${enc(documentId)}/comments/${enc(commentId)}/reopen`,
    ),

  // Revising, withdrawing, merging, adopting.
  reviseAmendment: (amendmentId: string, body: { proposedText: string; rationale?: string }) =>
    request<CommandResult>('POST', `/amendments/${enc(amendmentId)}/revise`, body),
  withdraw: (amendmentId: string, reason = '') =>
    request<CommandResult>(
      'POST',
      `/amendments/${enc(amendmentId)}/withdraw`,
      reason ? { reason } : {},
    ),
  merge: (amendmentId: string, intoAmendmentId: string) =>
    request<CommandResult>('POST', `/amendments/${enc(amendmentId)}/merge`, { intoAmendmentId }),
  adoptDocument: (documentId: string, revisionLabel: string) =>
    request<CommandResult>('POST', `/documents/${enc(documentId)}/adopt`, { revisionLabel }),
};
