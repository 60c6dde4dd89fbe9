import { describe, expect, it } from 'vitest';
import { Forbidden } from '../decider.js';
import type { AccountCommandMeta, UserCommandMeta } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { at, NOW, uuid } from '../test-support/fixtures.js';
import type { NotificationCommand } from './commands.js';
import { notificationPrefsDecider } from './decider.js';
import type { NotificationEvent } from './events.js';
import { mentionedUserIds } from './mentions.js';
import { defaultEmailPreferences } from './preferences.js';
import { notificationsFor, type NotifiableEvent, type Participant } from './recipients.js';

const negotiationId = uuid(1);
const documentId = uuid(2);
const VERADIA = uuid(11);
const MARANU = uuid(12);
const CSO = uuid(13);
const SECRETARIAT = uuid(14);

const person = (
  n: number,
  stakeholderId: string,
  role: Participant['role'],
  displayName: string | null,
): Participant => ({ userId: uuid(n), stakeholderId, role, displayName });

const chair = person(101, VERADIA, 'chair', 'Amb. Helena Orvell');
const maranu = person(102, MARANU, 'delegate', 'Tavita Rua');
const maranuToo = person(103, MARANU, 'delegate', 'Tavita Rua-Lemoe');
const cso = person(104, CSO, 'civil-society', 'Ines Okafor');
const secretariat = person(105, SECRETARIAT, 'secretariat', null);
const participants = [chair, maranu, maranuToo, cso, secretariat];
const context = { negotiationId, participants };

const recipientsOf = (event: NotifiableEvent, extra = {}) =>
  notificationsFor(event, { ...context, ...extra }).map((r) => r.userId);

describe('who is told about an event', () => {
  it('tells everyone but the chair who issued it that a revision is out', () => {
    const given: NotifiableEvent = {
      type: 'RevisionIssued',
      data: {
        documentId,
        label: 'Rev 1',
        textRevision: '4',
        sequence: 2,
        issuedBy: chair.userId,
        issuedAt: NOW,
        numbering: null,
        renumbered: false,
      },
    };
    const told = notificationsFor(given, context);
    expect(told.map((r) => r.userId)).toEqual([
      maranu.userId,
      maranuToo.userId,
      cso.userId,
      secretariat.userId,
    ]);
    expect(told[0]).toEqual({
      userId: maranu.userId,
      kind: 'revision-issued',
      payload: { negotiationId, documentId, revisionLabel: 'Rev 1' },
    });
  });

  it('tells only the sponsors’ members that their amendment was decided', () => {
    const given: NotifiableEvent = {
      type: 'AmendmentRejected',
      data: { amendmentId: uuid(400), reason: '', decidedBy: chair.userId, decidedAt: NOW },
    };
    const amendment = { documentId, paragraphId: uuid(300), sponsorStakeholderIds: [MARANU] };
    const told = notificationsFor(given, { ...context, amendment });
    expect(told.map((r) => r.userId)).toEqual([maranu.userId, maranuToo.userId]);
    expect(told[0]?.payload).toMatchObject({
      amendmentOutcome: 'rejected',
      amendmentId: uuid(400),
    });
  });

  it('tells the people mentioned in a comment, never its author', () => {
    const given: NotifiableEvent = {
      type: 'CommentPosted',
      data: {
        documentId,
        commentId: uuid(500),
        anchor: { paragraphId: uuid(300) },
        body: '@Ines Okafor and @tavita rua, see this. (@Tavita Rua-Lemoe wrote it: @Tavita Rua-Lemoe)',
        authorUserId: maranuToo.userId,
        authorStakeholderId: MARANU,
        postedAt: NOW,
      },
    };
    expect(recipientsOf(given)).toEqual([maranu.userId, cso.userId]);
  });

  it('tells the delegations asked for a position, not their civil-society partners', () => {
    const given: NotifiableEvent = {
      type: 'PositionRequested',
      data: {
        documentId,
        target: { kind: 'paragraph', id: uuid(300) },
        stakeholderIds: [MARANU, CSO],
        note: '',
        requestedBy: chair.userId,
        requestedAt: NOW,
      },
    };
    // Civil society may state positions too, so it is told when asked.
    expect(recipientsOf(given)).toEqual([maranu.userId, maranuToo.userId, cso.userId]);
  });

  it('tells only those a deadline binds', () => {
    const given: NotifiableEvent = {
      type: 'DeadlineApproaching',
      data: { documentId, kind: 'amendments', deadline: at('18:00') },
    };
    expect(recipientsOf(given)).toEqual([chair.userId, maranu.userId, maranuToo.userId]);
  });

  it('leaves out whoever may not read the item', () => {
    const given: NotifiableEvent = {
      type: 'SilenceEnded',
      data: { documentId, silenceId: uuid(600), outcome: 'adopted', reason: '', endedAt: NOW },
    };
    const governmentsOnly = (p: Participant) => p.role !== 'civil-society' && p.role !== 'observer';
    expect(recipientsOf(given, { mayRead: governmentsOnly })).not.toContain(cso.userId);
    expect(recipientsOf(given)).toContain(cso.userId);
  });
});

describe('mentions', () => {
  it('needs the whole name, followed by a word boundary', () => {
    expect(mentionedUserIds('@Tavita Ruas', participants)).toEqual([]);
    expect(mentionedUserIds('mail@Tavita Rua.', participants)).toEqual([maranu.userId]);
    expect(mentionedUserIds('no mention of Tavita Rua', participants)).toEqual([]);
  });
});

const spec = DeciderSpecification.for(notificationPrefsDecider);
const userId = maranu.userId;
const byUser = (who = userId): UserCommandMeta => ({
  commandId: uuid(900),
  actor: { userId: who },
  now: NOW,
});
const byServer: AccountCommandMeta = { commandId: uuid(901), actor: null, now: NOW };

const set = (email: Record<string, string>, who = userId): NotificationCommand => ({
  type: 'SetNotificationPreferences',
  data: { userId, email },
  meta: byUser(who),
});
const preferencesSet = (changes: Record<string, string>): NotificationEvent => ({
  type: 'NotificationPreferencesSet',
  data: { userId, email: { ...defaultEmailPreferences, ...changes }, setAt: NOW },
});
const claimDigest = (day: string, ids: string[]): NotificationCommand => ({
  type: 'ClaimNotificationDigest',
  data: { userId, day, notificationIds: ids },
  meta: byServer,
});
const digestClaimed = (day: string, ids: string[]): NotificationEvent => ({
  type: 'NotificationDigestClaimed',
  data: { userId, day, notificationIds: ids, claimedAt: NOW },
});

describe('notification preferences', () => {
  it('records the whole table, defaults filled in', () => {
    spec
      .given([])
      .when(set({ mentioned: 'off' }))
      .then([preferencesSet({ mentioned: 'off' })]);
  });

  it('keeps earlier choices when one kind changes, and ignores a repeat', () => {
    spec
      .given([preferencesSet({ mentioned: 'off' })])
      .when(set({ 'revision-issued': 'immediate' }))
      .then([preferencesSet({ mentioned: 'off', 'revision-issued': 'immediate' })]);
    spec
      .given([preferencesSet({ mentioned: 'off' })])
      .when(set({ mentioned: 'off' }))
      .thenNothingHappens();
  });

  it('refuses anyone but the user', () => {
    spec
      .given([])
      .when(set({ mentioned: 'off' }, chair.userId))
      .thenThrows(Forbidden);
  });

  it('claims a day’s digest once, and never carries a notice twice', () => {
    spec
      .given([])
      .when(claimDigest('2026-03-02', [uuid(1), uuid(2)]))
      .then([digestClaimed('2026-03-02', [uuid(1), uuid(2)])]);
    spec
      .given([digestClaimed('2026-03-02', [uuid(1)])])
      .when(claimDigest('2026-03-02', [uuid(2)]))
      .thenNothingHappens();
    spec
      .given([digestClaimed('2026-03-02', [uuid(1)])])
      .when(claimDigest('2026-03-03', [uuid(1), uuid(2)]))
      .then([digestClaimed('2026-03-03', [uuid(2)])]);
  });

  it('claims an immediate e-mail once, and only on the server’s authority', () => {
    const claim = (meta: AccountCommandMeta): NotificationCommand => ({
      type: 'ClaimNotificationEmail',
      data: { userId, notificationId: uuid(7) },
      meta,
    });
    const claimed: NotificationEvent = {
      type: 'NotificationEmailClaimed',
      data: { userId, notificationId: uuid(7), claimedAt: NOW },
    };
    spec.given([]).when(claim(byServer)).then([claimed]);
    spec.given([claimed]).when(claim(byServer)).thenNothingHappens();
    spec
      .given([])
      .when(claim({ ...byServer, actor: { userId } }))
      .thenThrows(Forbidden);
  });
});
