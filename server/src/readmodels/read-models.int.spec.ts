import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { createLogger } from '../observability/logger.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import type { ReadModelChange } from './projection.js';
import { createReadModels, type ReadModels } from './read-models.js';
import {
  SCENARIO_START,
  seedNegotiation,
  snapshotQueries,
  type Scenario,
} from './test-support/negotiation-scenario.js';

const logger = createLogger('silent');
const json = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** The scenario's document title, as activity entries name it. */
const G = 'Global compact for safe, orderly and regular migration';

describe('read models of the negotiation domain', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let store: EventStore;
  let readModels: ReadModels;
  let scenario: Scenario;
  const changes: ReadModelChange[] = [];

  beforeAll(async () => {
    temp = await makeTempDir();
    store = openSqliteEventStore({ file: `${temp.dir}/events.sqlite`, synchronous: 'NORMAL' });
    readModels = createReadModels({ store, dataDir: temp.dir, logger });
    readModels.projector.on('changes', (batch) => changes.push(...batch));
    await readModels.start();
    scenario = await seedNegotiation(store, {
      waitForReadModels: (position) => readModels.projector.waitFor(position),
    });
  });

  afterAll(async () => {
    await readModels.stop();
    await store.close();
    await temp.remove();
  });

  const q = () => readModels.queries;

  describe('who takes part', () => {
    it('answers getNegotiation with stakeholders in registration order and the current chairs', () => {
      const { negotiationId, stakeholders: s, users } = scenario;
      const negotiation = q().getNegotiation(negotiationId)!;
      expect(negotiation).toMatchObject({
        negotiationId,
        title: 'Intergovernmental negotiations on the global compact',
        description: 'Safe, orderly and regular migration',
        openedBy: users.ana,
        openedAt: new Date(SCENARIO_START + 16 * 60_000).toISOString(),
      });
      expect(negotiation.stakeholders.map((x) => x.shortCode)).toEqual([
        'SEC',
        'G77',
        'KEN',
        'BRA',
        'MRN',
        'UNHCR',
      ]);
      expect(negotiation.stakeholders.find((x) => x.stakeholderId === s.kenya)).toMatchObject({
        kind: 'delegation',
        name: 'Kenya',
        groupIds: [s.g77],
      });
      expect(negotiation.chairs).toEqual([
        {
          userId: users.ben,
          displayName: 'Ben Chair',
          stakeholderId: s.kenya,
          stakeholder: {
            stakeholderId: s.kenya,
            name: 'Kenya',
            shortCode: 'KEN',
            kind: 'delegation',
          },
          appointedAt: expect.any(String) as string,
        },
      ]);
      expect(q().getNegotiation(randomUUID())).toBeUndefined();
      expect(q().listStakeholders(negotiationId)).toEqual(negotiation.stakeholders);
      for (const stakeholder of negotiation.stakeholders) {
        expect(q().getStakeholder(negotiationId, stakeholder.stakeholderId)).toEqual(stakeholder);
      }
      expect(q().getStakeholder(negotiationId, randomUUID())).toBeUndefined();
    });

    it('lists a user’s negotiations with what they act as, and none once revoked', () => {
      const { negotiationId, users, stakeholders } = scenario;
      expect(q().listNegotiationsForUser(users.fay)).toEqual([
        expect.objectContaining({
          negotiationId,
          role: 'delegate',
          stakeholderId: stakeholders.brazil,
          stakeholder: expect.objectContaining({ name: 'Brazil' }) as unknown,
        }),
      ]);
      expect(q().listNegotiationsForUser(users.dan)).toEqual([]);
      expect(q().getMembership(negotiationId, users.ben)).toEqual({
        stakeholderId: stakeholders.kenya,
        role: 'chair',
      });
      expect(q().getMembership(negotiationId, users.dan)).toBeUndefined();
      expect(q().getMembership(randomUUID(), users.ben)).toBeUndefined();
    });

    it('lists members, active first, with names, e-mails and how they joined', () => {
      const { negotiationId, users, emails, invitations } = scenario;
      const members = q().listMembers(negotiationId);
      expect(members.map((m) => [m.displayName, m.role, m.status])).toEqual([
        ['Ana Secretariat', 'secretariat', 'active'],
        ['Ben Chair', 'chair', 'active'],
        ['Chloé Delegate', 'delegate', 'active'],
        ['Fay Delegate', 'delegate', 'active'],
        ['Eve Advocate', 'civil-society', 'active'],
        ['Dan Delegate', 'delegate', 'revoked'],
      ]);
      expect(members.find((m) => m.userId === users.fay)).toMatchObject({
        email: emails.fay,
        invitationId: invitations.accepted,
      });
      expect(members.find((m) => m.userId === users.dan)).toMatchObject({
        revokedReason: 'Left the delegation',
        revokedAt: expect.any(String) as string,
      });
    });

    it('lists invitations without their token hashes, expiring them when read', () => {
      const { negotiationId, invitations, stakeholders } = scenario;
      const listed = q().listInvitations(negotiationId, scenario.now);
      expect(listed.map((i) => [i.invitationId, i.status])).toEqual([
        [invitations.pending, 'pending'],
        [invitations.accepted, 'accepted'],
      ]);
      expect(listed[0]).toMatchObject({
        email: 'gus@unhcr.example',
        stakeholderId: stakeholders.unhcr,
        role: 'observer',
      });
      expect(listed[1]).toMatchObject({ acceptedBy: scenario.users.fay });
      expect(Object.keys(listed[0]!)).not.toContain('tokenHash');
      const later = new Date('2026-03-05T00:00:00.000Z');
      expect(
        q()
          .listInvitations(negotiationId, later)
          .map((i) => i.status),
      ).toEqual(['expired', 'accepted']);
    });

    it('gives the accept flow the invitation with its token hash', () => {
      const { invitations, negotiationId, stakeholders } = scenario;
      expect(q().getInvitationForAcceptance(invitations.pending, scenario.now)).toMatchObject({
        invitationId: invitations.pending,
        negotiationId,
        negotiationTitle: 'Intergovernmental negotiations on the global compact',
        stakeholderId: stakeholders.unhcr,
        stakeholder: { name: 'UNHCR', kind: 'observer' },
        role: 'observer',
        status: 'pending',
        tokenHash: scenario.pendingTokenHash,
      });
      expect(q().getInvitationForAcceptance(invitations.accepted)?.status).toBe('accepted');
      expect(q().getInvitationForAcceptance(randomUUID())).toBeUndefined();
    });
  });

  describe('accounts and sessions', () => {
    it('returns a user without the password hash, and credentials by any spelling of the address', () => {
      const { users, emails } = scenario;
      const user = q().getUser(users.chloe);
      expect(user).toEqual({
        userId: users.chloe,
        email: emails.chloe,
        displayName: 'Chloé Delegate',
        registeredAt: expect.any(String) as string,
      });
      expect(q().getCredentialsByEmail('  CHLOE@Brazil.example ')).toEqual({
        userId: users.chloe,
        email: emails.chloe,
        displayName: 'Chloé Delegate',
        passwordHash: expect.stringMatching(/^\$argon2id\$/) as string,
      });
      expect(q().getCredentialsByEmail('nobody@example.org')).toBeUndefined();
    });

    it('answers getSession for live sessions only', () => {
      const { sessions, users } = scenario;
      expect(q().getSession(sessions.live)).toEqual({
        userId: users.ana,
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
      expect(q().getSession(sessions.ended)).toBeUndefined();
      expect(q().getSession(sessions.expired, scenario.now)).toBeUndefined();
      expect(q().getSession(sessions.expired, new Date('2026-03-02T09:10:00.000Z'))).toEqual({
        userId: users.chloe,
        expiresAt: '2026-03-02T09:30:00.000Z',
      });
      expect(q().getSession('0'.repeat(64))).toBeUndefined();
    });
  });

  describe('the document and its record', () => {
    it('lists documents with the latest revision, status counts and pending amendments', () => {
      const { negotiationId, documentId } = scenario;
      expect(q().listDocuments(negotiationId)).toEqual([
        expect.objectContaining({
          documentId,
          negotiationId,
          title: 'Global compact for safe, orderly and regular migration',
          symbol: 'A/CONF.231/L.1',
          mode: 'formal',
          adopted: true,
          latestRevision: expect.objectContaining({
            label: 'Rev 1',
            textRevision: '5',
            sequence: 2,
          }) as unknown,
          paragraphStatusCounts: { bracketed: 1, 'agreed-ad-ref': 1 },
          pendingAmendments: 1,
        }),
      ]);
      expect(q().listDocuments(randomUUID())).toEqual([]);
    });

    it('answers getDocument with every revision, paragraph status and the adoption', () => {
      const { documentId, paragraphs, users } = scenario;
      const document = q().getDocument(documentId)!;
      expect(document.revisions.map((r) => [r.label, r.textRevision, r.sequence])).toEqual([
        ['Zero draft', '0', 1],
        ['Rev 1', '5', 2],
      ]);
      expect(document.paragraphStatuses).toEqual([
        expect.objectContaining({
          paragraphId: paragraphs.op1,
          status: 'agreed-ad-ref',
          reason: '',
        }),
        // Bracketed by a bracket, not by the chair: no gavel, so no reason nor setter.
        expect.objectContaining({
          paragraphId: paragraphs.op2,
          status: 'bracketed',
          reason: '',
          setBy: '',
        }),
      ]);
      expect(document.adoption).toMatchObject({
        revisionLabel: 'Rev 1',
        textRevision: '5',
        adoptedBy: users.ben,
      });
      expect(q().getDocument(randomUUID())).toBeUndefined();
      // The lean answer the live gateway's access check uses agrees with the full one.
      expect(q().getDocumentAccess(documentId)).toEqual({
        documentId,
        negotiationId: document.negotiationId,
        mode: document.mode,
        adopted: true,
      });
      expect(q().getDocumentAccess(randomUUID())).toBeUndefined();
    });

    it('lists amendments in tabling order with their current wording, sponsors and outcome', () => {
      const { documentId, amendments: a, stakeholders: s, users } = scenario;
      const listed = q().listAmendments(documentId);
      expect(listed.map((x) => [x.amendmentId, x.status])).toEqual([
        [a.revised, 'pending'],
        [a.withdrawn, 'withdrawn'],
        [a.rejected, 'rejected'],
        [a.merged, 'merged'],
        [a.compromise, 'accepted'],
      ]);
      expect(listed[0]).toMatchObject({
        kind: 'replace',
        revision: 2,
        proposal: { kind: 'replace', originalText: 'shall', proposedText: 'may' },
        rationale: 'Softer',
        sponsorStakeholderId: s.brazil,
        sponsor: { name: 'Brazil', shortCode: 'BRA' },
        cosponsorStakeholderIds: [s.kenya],
        cosponsors: [
          { stakeholderId: s.kenya, name: 'Kenya', shortCode: 'KEN', kind: 'delegation' },
        ],
        decidedAt: null,
      });
      expect(listed[1]).toMatchObject({ reason: 'Consulted capital', decidedBy: users.chloe });
      expect(listed[2]).toMatchObject({ reason: 'No support in the room', decidedBy: users.ben });
      expect(listed[3]).toMatchObject({ mergedInto: a.compromise });
      expect(listed[4]).toMatchObject({ chairsCompromise: true, sponsorStakeholderId: s.kenya });

      const onOp2 = q().listAmendments(documentId, { paragraphId: scenario.paragraphs.op2 });
      expect(onOp2.map((x) => x.amendmentId)).toEqual([a.rejected, a.merged, a.compromise]);
      expect(
        q()
          .listAmendments(documentId, { status: 'pending' })
          .map((x) => x.amendmentId),
      ).toEqual([a.revised]);
      expect(q().getAmendment(a.revised)).toEqual(listed[0]);
      expect(q().getAmendment(randomUUID())).toBeUndefined();
    });

    it('lists current positions and the full history with the revision then in force', () => {
      const { documentId, stakeholders: s, paragraphs, amendments } = scenario;
      const current = q().listPositions(documentId);
      expect(current.map((p) => [p.target.kind, p.stakeholder.shortCode, p.stance])).toEqual([
        ['amendment', 'KEN', 'objection'],
        ['paragraph', 'BRA', 'can-accept'],
      ]);
      expect(q().listPositions(documentId, { targetKind: 'paragraph' })).toEqual([current[1]]);
      expect(q().listPositions(documentId, { targetId: amendments.revised })).toEqual([current[0]]);

      const brazil = q().positionHistory(documentId, { stakeholderId: s.brazil });
      expect(brazil.map((h) => [h.action, h.stance, h.statement, h.revisionLabel])).toEqual([
        ['stated', 'support', '', 'Zero draft'],
        ['stated', 'can-accept', 'We can live with it', 'Rev 1'],
      ]);
      const onOp1 = q().positionHistory(documentId, { targetId: paragraphs.op1 });
      expect(onOp1.map((h) => [h.stakeholder.shortCode, h.action])).toEqual([
        ['BRA', 'stated'],
        ['MRN', 'stated'],
        ['BRA', 'stated'],
        ['MRN', 'withdrawn'],
      ]);
      expect(onOp1[3]).toMatchObject({ stance: null, statement: null, userId: scenario.users.eve });
      const positions = onOp1.map((h) => BigInt(h.position));
      expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
    });

    it('lists comment threads with their replies and resolution', () => {
      const { documentId, comments, paragraphs, users, stakeholders } = scenario;
      expect(q().listComments(documentId)).toEqual([
        {
          commentId: comments.thread,
          documentId,
          anchor: {
            paragraphId: paragraphs.pp1,
            range: { start: 'AAEC', end: 'AAED', quote: 'migrants' },
          },
          body: 'Please say “migrants in vulnerable situations”.',
          author: {
            userId: users.eve,
            displayName: 'Eve Advocate',
            stakeholderId: stakeholders.cso,
            stakeholder: expect.objectContaining({ kind: 'civil-society' }) as unknown,
          },
          postedAt: expect.any(String) as string,
          status: 'resolved',
          statusChangedBy: users.eve,
          statusChangedAt: expect.any(String) as string,
          replies: [
            {
              commentId: comments.reply,
              body: 'We agree.',
              author: expect.objectContaining({
                userId: users.chloe,
                stakeholderId: stakeholders.brazil,
              }) as unknown,
              postedAt: expect.any(String) as string,
            },
          ],
        },
      ]);
    });
  });

  describe('the activity feed', () => {
    it('says what happened in the glossary’s words, newest first', () => {
      const feed = q().activity(scenario.negotiationId, { limit: 500 });
      expect(feed[0]).toMatchObject({
        eventType: 'DocumentAdopted',
        kind: 'document-adopted',
        activity: { type: 'DocumentAdopted', params: { title: G, label: 'Rev 1' } },
        actor: { userId: scenario.users.ben, displayName: 'Ben Chair' },
      });
      // Data, not sentences: the client says it in the reader's language.
      const byBrazil = { sponsor: 'Brazil', chairsCompromise: false };
      expect(feed.map((e) => e.activity)).toEqual(
        expect.arrayContaining([
          {
            type: 'NegotiationOpened',
            params: {
              actor: 'Ana Secretariat',
              title: 'Intergovernmental negotiations on the global compact',
            },
          },
          {
            type: 'StakeholderRegistered',
            params: { stakeholder: 'Kenya', code: 'KEN', stakeholderKind: 'delegation' },
          },
          { type: 'ChairsAppointed', params: { people: ['Ben Chair'], count: 1 } },
          {
            type: 'MemberAdmitted',
            params: { actor: 'Fay Delegate', stakeholder: 'Brazil', role: 'delegate' },
          },
          { type: 'MemberRevoked', params: { actor: 'Dan Delegate', stakeholder: 'Kenya' } },
          { type: 'RevisionIssued', params: { title: G, label: 'Zero draft' } },
          {
            type: 'AmendmentTabled',
            params: { ...byBrazil, title: G, amendmentKind: 'replace' },
          },
          { type: 'AmendmentCosponsored', params: { ...byBrazil, stakeholder: 'Kenya' } },
          { type: 'AmendmentWithdrawn', params: byBrazil },
          {
            type: 'AmendmentTabled',
            params: expect.objectContaining({ chairsCompromise: true, title: G }) as unknown,
          },
          { type: 'AmendmentMerged', params: byBrazil },
          {
            type: 'AmendmentAccepted',
            params: expect.objectContaining({ chairsCompromise: true }) as unknown,
          },
          {
            type: 'PositionStated',
            params: { stakeholder: 'Kenya', stance: 'objection', on: 'amendment', ...byBrazil },
          },
          {
            type: 'PositionStated',
            params: { stakeholder: 'Brazil', stance: 'can-accept', on: 'paragraph', title: G },
          },
          {
            type: 'PositionWithdrawn',
            params: { stakeholder: 'Migrant Rights Network', on: 'paragraph', title: G },
          },
          {
            type: 'ParagraphStatusSet',
            params: { actor: 'Ben Chair', title: G, status: 'agreed-ad-ref' },
          },
          {
            type: 'CommentPosted',
            params: { actor: 'Eve Advocate', stakeholder: 'Migrant Rights Network', title: G },
          },
        ]),
      );
      // Invitations are for managers, and appointing chairs is one line, not three.
      expect(feed.map((e) => e.eventType)).not.toContain('MemberInvited');
      expect(feed.map((e) => e.eventType)).not.toContain('InvitationAccepted');
      expect(feed.map((e) => e.eventType)).not.toContain('MemberRoleChanged');
      const fayJoined = feed.find(
        (e) => e.activity.type === 'MemberAdmitted' && e.activity.params.actor === 'Fay Delegate',
      );
      expect(fayJoined?.actor.stakeholderId).toBe(scenario.stakeholders.brazil);
    });

    it('answers "since your last visit" and respects the limit', () => {
      const all = q().activity(scenario.negotiationId, { limit: 500 });
      const visit = all[5]!.at;
      const since = q().activity(scenario.negotiationId, { since: visit, limit: 500 });
      expect(since).toEqual(all.filter((e) => e.at > visit));
      expect(since.length).toBeGreaterThan(0);
      expect(q().activity(scenario.negotiationId, { limit: 3 })).toEqual(all.slice(0, 3));
      expect(q().activity(scenario.negotiationId).length).toBe(Math.min(all.length, 50));
      expect(() => q().activity(scenario.negotiationId, { since: 'yesterday' })).toThrow(
        RangeError,
      );
    });
  });

  describe('what the live layer is told', () => {
    it('tells each change with the permission needed to hear of it', () => {
      const { negotiationId, documentId } = scenario;
      const byKind = (kind: string) => changes.filter((c) => c.kind === kind);
      for (const kind of [
        'amendment',
        'position',
        'comment',
        'document',
        'paragraph',
        'stakeholder',
        'activity',
      ]) {
        expect(byKind(kind).length, kind).toBeGreaterThan(0);
        expect(new Set(byKind(kind).map((c) => c.readAction)), kind).toEqual(
          new Set(['record.read']),
        );
      }
      expect(new Set(byKind('invitation').map((c) => c.readAction))).toEqual(
        new Set(['invitations.manage']),
      );
      expect(new Set(byKind('member').map((c) => c.readAction))).toEqual(
        new Set(['members.manage']),
      );
      for (const change of changes) {
        expect(change.negotiationId, change.eventType).toBe(negotiationId);
        expect(typeof change.position).toBe('bigint');
        // Brackets and options change the text's marks and statuses without a feed line.
        const quiet = /^(Bracket|Option)/.test(change.eventType);
        expect(change.activity?.type, change.eventType).toBe(quiet ? undefined : change.eventType);
      }
      for (const kind of ['amendment', 'position', 'comment', 'paragraph']) {
        expect(
          byKind(kind).every((c) => c.documentId === documentId),
          kind,
        ).toBe(true);
      }
      expect(byKind('position').map((c) => c.id)).toContain(scenario.amendments.revised);
      expect(byKind('amendment').find((c) => c.eventType === 'AmendmentAccepted')?.id).toBe(
        scenario.amendments.compromise,
      );
    });

    it('never pushes accounts or sessions', () => {
      const pushed = new Set(changes.map((c) => c.eventType));
      for (const type of [
        'UserRegistered',
        'UserEmailReserved',
        'SessionStarted',
        'SessionEnded',
      ]) {
        expect(pushed.has(type), type).toBe(false);
      }
    });
  });

  describe('secrets', () => {
    it('never leak hashes or tokens from a non-credential query, nor e-mails into changes', () => {
      const {
        credentials: _credentials,
        acceptance: _acceptance,
        ...rest
      } = snapshotQueries(q(), scenario) as Record<string, unknown>;
      const everything = json(rest);
      for (const secret of scenario.secrets) expect(everything).not.toContain(secret);
      expect(everything).not.toMatch(/tokenHash|passwordHash|token_hash|password_hash/);

      const pushed = json(changes);
      for (const secret of scenario.secrets) expect(pushed).not.toContain(secret);
      for (const email of [...Object.values(scenario.emails), 'gus@unhcr.example']) {
        expect(pushed).not.toContain(email);
      }
    });
  });

  describe('the projector', () => {
    it('skips events it cannot read and resolves waitFor once a later append is applied', async () => {
      const before = readModels.projector.checkpoint!;
      await store.appendToStream(`roundtable-${randomUUID()}`, [
        // Types this code does not know (a newer release's), as JSON and as raw bytes.
        { type: 'RoundtableMinutesDrafted', data: { theme: 'Children on the move' } },
        { type: 'RoundtableRecordingAttached', data: new Uint8Array([1, 2, 3]) },
      ]);
      await store.appendToStream(`doctext-${scenario.documentId}`, [
        { type: 'TextUpdated', data: new Uint8Array([0, 1]) },
      ]);
      const tokenHash = 'a'.repeat(64);
      const { position } = await store.appendToStream(`session-${tokenHash}`, [
        {
          type: 'SessionStarted',
          data: {
            tokenHash,
            userId: scenario.users.eve,
            startedAt: '2026-03-02T12:00:00Z',
            expiresAt: '2099-01-01T00:00:00.5Z',
          },
          metadata: {
            commandId: randomUUID(),
            commandType: 'StartSession',
            occurredAt: '2026-03-02T12:00:00Z',
            schemaVersion: 1,
          },
        },
      ]);
      await readModels.projector.waitFor(position);
      expect(readModels.projector.checkpoint).toBe(position);
      expect(position).toBeGreaterThan(before);
      // Times are stored normalised, so they compare as text.
      expect(q().getSession(tokenHash)).toEqual({
        userId: scenario.users.eve,
        expiresAt: '2099-01-01T00:00:00.500Z',
      });
    });

    it('resumes from its checkpoint after a restart without applying anything twice', async () => {
      const before = snapshotQueries(q(), scenario);
      const checkpoint = readModels.projector.checkpoint;
      await readModels.stop();

      readModels = createReadModels({ store, dataDir: temp.dir, logger });
      const replayed: ReadModelChange[] = [];
      readModels.projector.on('changes', (batch) => replayed.push(...batch));
      // Readable before start: the tables are there and hold what was projected.
      expect(snapshotQueries(readModels.queries, scenario)).toEqual(before);
      await readModels.start();
      expect(replayed).toEqual([]);
      expect(readModels.projector.checkpoint).toBe(checkpoint);
      expect(snapshotQueries(q(), scenario)).toEqual(before);

      const historyBefore = q().positionHistory(scenario.documentId).length;
      const { position } = await store.appendToStream(`positions-${scenario.documentId}`, [
        {
          type: 'PositionStated',
          data: {
            documentId: scenario.documentId,
            target: { kind: 'paragraph', id: scenario.paragraphs.op2 },
            stakeholderId: scenario.stakeholders.kenya,
            stance: 'reservation',
            statement: 'Consulting capital',
            statedBy: scenario.users.ben,
            statedAt: '2026-03-02T13:00:00.000Z',
          },
          metadata: {
            commandId: randomUUID(),
            commandType: 'StatePosition',
            occurredAt: '2026-03-02T13:00:00.000Z',
            schemaVersion: 1,
            userId: scenario.users.ben,
            stakeholderId: scenario.stakeholders.kenya,
            role: 'chair',
          },
        },
      ]);
      await readModels.projector.waitFor(position);
      expect(q().positionHistory(scenario.documentId).length).toBe(historyBefore + 1);
      expect(replayed.map((c) => c.kind)).toEqual(['position', 'activity']);
      expect(replayed[1]?.activity).toEqual({
        type: 'PositionStated',
        params: { stakeholder: 'Kenya', stance: 'reservation', on: 'paragraph', title: G },
      });
    });
  });
});
