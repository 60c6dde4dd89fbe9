// A small but complete negotiation, written to a real store by running the shared deciders
// through the command service: accounts and sessions, stakeholders, members, chairs,
// invitations, a document with revisions and paragraph statuses, amendments in every status,
// positions and comments. Read-model tests seed it and check the queries against it.
import { createHash, randomUUID } from 'node:crypto';
import type { AccordCommand, Actor, CommandType } from '@accord/shared';
import { createCommandService } from '../../commands/command-service.js';
import type { EventStore } from '../../eventstore/port.js';
import type { ReadModelQueries } from '../queries.js';

type CommandNamed<Type extends CommandType> = Extract<AccordCommand, { type: Type }>;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const passwordHashFor = (name: string): string =>
  `$argon2id$v=19$m=65536,t=3,p=4$${Buffer.from(`salt-${name}`).toString('base64')}$secret-${name}`;

/** The command clock: starts at 09:00 UTC on 2 March 2026, one minute per command. */
export const SCENARIO_START = Date.parse('2026-03-02T09:00:00.000Z');

export interface Scenario {
  negotiationId: string;
  documentId: string;
  paragraphs: { pp1: string; op1: string; op2: string };
  users: Record<'ana' | 'ben' | 'chloe' | 'dan' | 'eve' | 'fay', string>;
  emails: Record<'ana' | 'ben' | 'chloe' | 'dan' | 'eve' | 'fay', string>;
  stakeholders: Record<'secretariat' | 'g77' | 'kenya' | 'brazil' | 'cso' | 'unhcr', string>;
  amendments: Record<'revised' | 'withdrawn' | 'rejected' | 'compromise' | 'merged', string>;
  invitations: { accepted: string; pending: string };
  pendingTokenHash: string;
  comments: { thread: string; reply: string };
  sessions: { live: string; ended: string; expired: string };
  /** Every token and password hash written: none may appear outside the credential queries. */
  secrets: string[];
  /** The command clock after the last command. */
  now: Date;
}

export interface SeedOptions {
  /** Called with each command's position, e.g. the projector's `waitFor`. */
  waitForReadModels?: (position: bigint) => Promise<void>;
}

export async function seedNegotiation(
  store: EventStore,
  options: SeedOptions = {},
): Promise<Scenario> {
  const service = createCommandService({
    store,
    waitForReadModels: options.waitForReadModels ?? (() => Promise.resolve()),
  });
  let minutes = 0;
  const tick = () => new Date(SCENARIO_START + minutes++ * 60_000).toISOString();
  const run = async <Type extends CommandType>(
    type: Type,
    data: CommandNamed<Type>['data'],
    actor: CommandNamed<Type>['meta']['actor'],
  ) => {
    const command = { type, data, meta: { commandId: randomUUID(), actor, now: tick() } };
    return service.execute(command as unknown as AccordCommand);
  };

  const id = () => randomUUID();
  const users = { ana: id(), ben: id(), chloe: id(), dan: id(), eve: id(), fay: id() };
  const emails = {
    ana: 'ana@secretariat.example',
    ben: 'ben@kenya.example',
    chloe: 'chloe@brazil.example',
    dan: 'dan@kenya.example',
    eve: 'eve@ngo.example',
    fay: 'fay@brazil.example',
  };
  const names = {
    ana: 'Ana Secretariat',
    ben: 'Ben Chair',
    chloe: 'Chloé Delegate',
    dan: 'Dan Delegate',
    eve: 'Eve Advocate',
    fay: 'Fay Delegate',
  };
  const secrets: string[] = [];
  for (const name of Object.keys(users) as (keyof typeof users)[]) {
    const passwordHash = passwordHashFor(name);
    secrets.push(passwordHash);
    await run('ReserveUserEmail', { email: emails[name], userId: users[name] }, null);
    await run(
      'RegisterUser',
      { userId: users[name], email: emails[name], displayName: names[name], passwordHash },
      null,
    );
  }

  const sessions = { live: sha256('live'), ended: sha256('ended'), expired: sha256('expired') };
  secrets.push(...Object.values(sessions));
  await run(
    'StartSession',
    { tokenHash: sessions.live, userId: users.ana, expiresAt: '2099-01-01T00:00:00.000Z' },
    null,
  );
  await run(
    'StartSession',
    { tokenHash: sessions.ended, userId: users.ben, expiresAt: '2099-01-01T00:00:00.000Z' },
    null,
  );
  await run('EndSession', { tokenHash: sessions.ended, reason: 'signed-out' }, null);
  await run(
    'StartSession',
    { tokenHash: sessions.expired, userId: users.chloe, expiresAt: '2026-03-02T09:30:00.000Z' },
    null,
  );

  const negotiationId = id();
  const stakeholders = {
    secretariat: id(),
    g77: id(),
    kenya: id(),
    brazil: id(),
    cso: id(),
    unhcr: id(),
  };
  await run(
    'OpenNegotiation',
    {
      negotiationId,
      title: 'Intergovernmental negotiations on the global compact',
      description: 'Safe, orderly and regular migration',
      secretariat: {
        stakeholderId: stakeholders.secretariat,
        name: 'Secretariat',
        shortCode: 'SEC',
      },
    },
    { userId: users.ana },
  );
  const ana: Actor = {
    userId: users.ana,
    stakeholderId: stakeholders.secretariat,
    role: 'secretariat',
  };
  const register = (stakeholderId: string, kind: string, name: string, shortCode: string) =>
    run(
      'RegisterStakeholder',
      {
        negotiationId,
        stakeholderId,
        name,
        shortCode,
        ...(kind === 'delegation'
          ? { kind: 'delegation' as const, groupIds: shortCode === 'KEN' ? [stakeholders.g77] : [] }
          : { kind: kind as 'group' | 'civil-society' | 'observer' }),
      },
      ana,
    );
  await register(stakeholders.g77, 'group', 'Group of 77', 'G77');
  await register(stakeholders.kenya, 'delegation', 'Kenya', 'KEN');
  await register(stakeholders.brazil, 'delegation', 'Brazil', 'BRA');
  await register(stakeholders.cso, 'civil-society', 'Migrant Rights Network', 'MRN');
  await register(stakeholders.unhcr, 'observer', 'UNHCR', 'UNHCR');

  const admit = (userId: string, stakeholderId: string, role: Actor['role']) =>
    run('AdmitMember', { negotiationId, userId, stakeholderId, role }, ana);
  await admit(users.ben, stakeholders.kenya, 'delegate');
  await admit(users.chloe, stakeholders.brazil, 'delegate');
  await admit(users.dan, stakeholders.kenya, 'delegate');
  await admit(users.eve, stakeholders.cso, 'civil-society');
  await run('AppointChairs', { negotiationId, userIds: [users.ben] }, ana);

  const invitations = { accepted: id(), pending: id() };
  const acceptedTokenHash = sha256('fay-token');
  const pendingTokenHash = sha256('pending-token');
  secrets.push(acceptedTokenHash, pendingTokenHash);
  const inviteExpiry = new Date(SCENARIO_START + 24 * 3600_000).toISOString();
  await run(
    'InviteMember',
    {
      negotiationId,
      invitationId: invitations.accepted,
      email: emails.fay,
      stakeholderId: stakeholders.brazil,
      role: 'delegate',
      tokenHash: acceptedTokenHash,
      expiresAt: inviteExpiry,
    },
    ana,
  );
  await run(
    'InviteMember',
    {
      negotiationId,
      invitationId: invitations.pending,
      email: 'gus@unhcr.example',
      stakeholderId: stakeholders.unhcr,
      role: 'observer',
      tokenHash: pendingTokenHash,
      expiresAt: inviteExpiry,
    },
    ana,
  );
  await run(
    'AcceptInvitation',
    {
      negotiationId,
      invitationId: invitations.accepted,
      tokenHash: acceptedTokenHash,
      userId: users.fay,
    },
    { userId: users.fay },
  );

  const ben: Actor = { userId: users.ben, stakeholderId: stakeholders.kenya, role: 'chair' };
  const chloe: Actor = {
    userId: users.chloe,
    stakeholderId: stakeholders.brazil,
    role: 'delegate',
  };
  const dan: Actor = { userId: users.dan, stakeholderId: stakeholders.kenya, role: 'delegate' };
  const eve: Actor = { userId: users.eve, stakeholderId: stakeholders.cso, role: 'civil-society' };

  const documentId = id();
  const paragraphs = { pp1: id(), op1: id(), op2: id() };
  await run(
    'CreateDocument',
    {
      documentId,
      negotiationId,
      title: 'Global compact for safe, orderly and regular migration',
      symbol: 'A/CONF.231/L.1',
      mode: 'formal',
    },
    ana,
  );
  await run('IssueRevision', { documentId, label: 'Zero draft', textRevision: 0 }, ben);

  const anchor = { start: 'AAEC', end: 'AAED' };
  const replace = (originalText: string, proposedText: string) => ({
    kind: 'replace' as const,
    anchor,
    originalText,
    proposedText,
  });
  const amendments = {
    revised: id(),
    withdrawn: id(),
    rejected: id(),
    compromise: id(),
    merged: id(),
  };
  const table = (amendmentId: string, paragraphId: string, actor: Actor, proposedText: string) =>
    run(
      'TableAmendment',
      {
        amendmentId,
        documentId,
        paragraphId,
        proposal: replace('shall', proposedText),
        rationale: `Because ${proposedText}`,
      },
      actor,
    );
  await table(amendments.revised, paragraphs.op1, chloe, 'should');
  await run('CosponsorAmendment', { amendmentId: amendments.revised }, dan);
  await run(
    'ReviseAmendment',
    { amendmentId: amendments.revised, proposal: replace('shall', 'may'), rationale: 'Softer' },
    chloe,
  );
  await table(amendments.withdrawn, paragraphs.op1, chloe, 'must');
  await run(
    'WithdrawAmendment',
    { amendmentId: amendments.withdrawn, reason: 'Consulted capital' },
    chloe,
  );
  await table(amendments.rejected, paragraphs.op2, chloe, 'will');
  await run(
    'RejectAmendment',
    { amendmentId: amendments.rejected, reason: 'No support in the room' },
    ben,
  );
  await table(amendments.merged, paragraphs.op2, chloe, 'commit to');
  await table(amendments.compromise, paragraphs.op2, ben, 'endeavour to');
  await run(
    'MergeAmendment',
    { amendmentId: amendments.merged, intoAmendmentId: amendments.compromise },
    ben,
  );
  await run('AcceptAmendment', { amendmentId: amendments.compromise }, ben);

  const onParagraph = { kind: 'paragraph' as const, id: paragraphs.op1 };
  const onAmendment = { kind: 'amendment' as const, id: amendments.revised };
  await run('StatePosition', { documentId, target: onParagraph, stance: 'support' }, chloe);
  await run(
    'StatePosition',
    { documentId, target: onAmendment, stance: 'objection', statement: 'Too weak' },
    dan,
  );
  await run('StatePosition', { documentId, target: onParagraph, stance: 'support' }, eve);
  await run('IssueRevision', { documentId, label: 'Rev 1', textRevision: 5 }, ben);
  await run(
    'StatePosition',
    { documentId, target: onParagraph, stance: 'can-accept', statement: 'We can live with it' },
    chloe,
  );
  await run('WithdrawPosition', { documentId, target: onParagraph }, eve);
  await run(
    'RevokeMember',
    { negotiationId, userId: users.dan, reason: 'Left the delegation' },
    ana,
  );

  await run(
    'SetParagraphStatus',
    { documentId, paragraphId: paragraphs.op1, status: 'agreed-ad-ref' },
    ben,
  );
  // A bracket makes OP 2 bracketed (the status is derived, never set by hand).
  await run(
    'PlaceBracket',
    {
      documentId,
      bracketId: id(),
      paragraphId: paragraphs.op2,
      anchor: { start: 'AAEC', end: 'AAED' },
      words: 'Commit',
      span: { start: 0, end: 6 },
      otherSpans: [],
      note: 'Pending consultations',
    },
    chloe,
  );

  const comments = { thread: id(), reply: id() };
  await run(
    'PostComment',
    {
      documentId,
      commentId: comments.thread,
      anchor: {
        paragraphId: paragraphs.pp1,
        range: { start: 'AAEC', end: 'AAED', quote: 'migrants' },
      },
      body: 'Please say “migrants in vulnerable situations”.',
    },
    eve,
  );
  await run(
    'ReplyToComment',
    { documentId, commentId: comments.thread, replyId: comments.reply, body: 'We agree.' },
    chloe,
  );
  await run('ResolveComment', { documentId, commentId: comments.thread }, eve);

  await run('AdoptDocument', { documentId, revisionLabel: 'Rev 1' }, ben);

  return {
    negotiationId,
    documentId,
    paragraphs,
    users,
    emails,
    stakeholders,
    amendments,
    invitations,
    pendingTokenHash,
    comments,
    sessions,
    secrets,
    now: new Date(SCENARIO_START + minutes * 60_000),
  };
}

/** Every query's answer about the scenario, to compare read models built different ways. */
export function snapshotQueries(queries: ReadModelQueries, scenario: Scenario): unknown {
  const { negotiationId, documentId, users, invitations, sessions, amendments } = scenario;
  return {
    negotiation: queries.getNegotiation(negotiationId),
    negotiationsByUser: Object.values(users).map((u) => queries.listNegotiationsForUser(u)),
    stakeholders: queries.listStakeholders(negotiationId),
    members: queries.listMembers(negotiationId),
    memberships: Object.values(users).map((u) => queries.getMembership(negotiationId, u)),
    invitations: queries.listInvitations(negotiationId, scenario.now),
    acceptance: queries.getInvitationForAcceptance(invitations.pending, scenario.now),
    users: Object.values(users).map((u) => queries.getUser(u)),
    credentials: Object.values(scenario.emails).map((e) => queries.getCredentialsByEmail(e)),
    sessions: Object.values(sessions).map((s) => queries.getSession(s, scenario.now)),
    documents: queries.listDocuments(negotiationId),
    document: queries.getDocument(documentId),
    amendments: queries.listAmendments(documentId),
    amendment: Object.values(amendments).map((a) => queries.getAmendment(a)),
    positions: queries.listPositions(documentId),
    history: queries.positionHistory(documentId),
    comments: queries.listComments(documentId),
    activity: queries.activity(negotiationId, { limit: 500 }),
  };
}
