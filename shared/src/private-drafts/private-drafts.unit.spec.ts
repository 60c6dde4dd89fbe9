import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, IllegalTransition, Invalid, NotFound } from '../decider.js';
import type { DomainError } from '../decider.js';
import { privateDraftStream, streamName } from '../ids.js';
import type { EventOf } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { PrivateDraftCommand } from './commands.js';
import { privateDraftDecider } from './decider.js';
import type { PrivateDraftEvent } from './events.js';
import { admitsPrivateStreams, isPrivateStream } from './private-streams.js';

const spec = DeciderSpecification.for(privateDraftDecider);
const withReason = (reason: string) => (e: DomainError) => e.reason === reason;

const draftId = uuid(700);
const negotiationId = uuid(1);
const documentId = uuid(2);
const paragraphId = uuid(301);
const MARANU = uuid(20);
const PELENOA = uuid(21);
const HALVARD = uuid(22);
const ACIS = uuid(30);

const maranuDelegate = actor(uuid(101), MARANU, 'delegate');
const pelenoaDelegate = actor(uuid(102), PELENOA, 'delegate');
const halvardDelegate = actor(uuid(103), HALVARD, 'delegate');
const chair = actor(uuid(106), uuid(40), 'chair');
const civilSociety = actor(uuid(107), uuid(41), 'civil-society');

/** What the server resolves each actor to speak for: their delegation and its groups. */
const speaksFor: Record<string, string[]> = {
  [MARANU]: [MARANU, ACIS],
  [PELENOA]: [PELENOA, ACIS],
  [HALVARD]: [HALVARD],
};
const actingFor = (a: { stakeholderId: string }) => speaksFor[a.stakeholderId] ?? [a.stakeholderId];

const command = <T extends PrivateDraftCommand['type']>(
  type: T,
  data: Omit<Extract<PrivateDraftCommand, { type: T }>['data'], 'actingFor'>,
  by = maranuDelegate,
) =>
  ({ type, data: { ...data, actingFor: actingFor(by) }, meta: metaFor(by) }) as PrivateDraftCommand;

const startAmendment = (owner = ACIS, by = maranuDelegate) =>
  command(
    'StartPrivateDraft',
    {
      draftId,
      negotiationId,
      documentId,
      paragraphId,
      ownerStakeholderId: owner,
      kind: 'amendment',
      amendmentKind: 'replace',
      range: { start: 4, end: 12 },
      text: 'shall',
      rationale: 'Stronger commitment',
    },
    by,
  );

const started = (
  owner = ACIS,
  kind: 'amendment' | 'statement' = 'amendment',
): PrivateDraftEvent => ({
  type: 'PrivateDraftStarted',
  data: {
    draftId,
    negotiationId,
    documentId,
    paragraphId,
    ownerStakeholderId: owner,
    kind,
    amendmentKind: kind === 'amendment' ? 'replace' : null,
    range: kind === 'amendment' ? { start: 4, end: 12 } : null,
    text: 'shall',
    rationale: 'Stronger commitment',
    startedBy: { userId: maranuDelegate.userId, stakeholderId: MARANU },
    startedAt: NOW,
  },
});
const amendmentId = uuid(800);
const tabled: EventOf<PrivateDraftEvent, 'PrivateDraftTabled'> = {
  type: 'PrivateDraftTabled',
  data: {
    draftId,
    tabledAs: { kind: 'amendment', amendmentId },
    tabledBy: { userId: maranuDelegate.userId, stakeholderId: MARANU },
    tabledAt: NOW,
  },
};
const discarded: PrivateDraftEvent = {
  type: 'PrivateDraftDiscarded',
  data: {
    draftId,
    discardedBy: { userId: maranuDelegate.userId, stakeholderId: MARANU },
    discardedAt: NOW,
  },
};

describe('starting a private draft', () => {
  it('records the draft for a group the delegate belongs to', () => {
    spec.given([]).when(startAmendment()).then([started()]);
  });

  it('records a draft for the delegate’s own delegation', () => {
    spec
      .given([])
      .when(startAmendment(MARANU))
      .then([started(MARANU)]);
  });

  it('refuses a draft for a stakeholder the delegate does not speak for', () => {
    spec
      .given([])
      .when(startAmendment(ACIS, halvardDelegate))
      .thenThrows(Forbidden, withReason('not-a-member'));
  });

  it('is refused to the chair and to civil society by the matrix', () => {
    spec.given([]).when(startAmendment(ACIS, chair)).thenThrows(Forbidden);
    spec.given([]).when(startAmendment(ACIS, civilSociety)).thenThrows(Forbidden);
  });

  it('refuses a draft id already in use', () => {
    spec.given([started()]).when(startAmendment()).thenThrows(Conflict);
  });

  it('needs an amendment kind for an amendment, and none for a statement', () => {
    const base = startAmendment();
    const noKind = { ...base, data: { ...base.data, amendmentKind: null } } as PrivateDraftCommand;
    spec.given([]).when(noKind).thenThrows(Invalid, withReason('amendment-kind-missing'));
    const statement = { ...base, data: { ...base.data, kind: 'statement' } } as PrivateDraftCommand;
    spec.given([]).when(statement).thenThrows(Invalid, withReason('statement-with-range'));
  });
});

describe('editing and commenting', () => {
  const edit = (by = pelenoaDelegate) =>
    command('EditPrivateDraft', { draftId, text: 'shall ensure', rationale: 'Agreed in ACIS' }, by);

  it('lets any member of the owning group edit the words', () => {
    spec
      .given([started()])
      .when(edit())
      .then([
        {
          type: 'PrivateDraftEdited',
          data: {
            draftId,
            text: 'shall ensure',
            rationale: 'Agreed in ACIS',
            editedBy: { userId: pelenoaDelegate.userId, stakeholderId: PELENOA },
            editedAt: NOW,
          },
        },
      ]);
  });

  it('answers NotFound to a non-member, as if the draft did not exist', () => {
    spec
      .given([started()])
      .when(edit(halvardDelegate))
      .thenThrows(NotFound, withReason('unknown-private-draft'));
    spec
      .given([started(MARANU)])
      .when(edit(pelenoaDelegate))
      .thenThrows(NotFound, withReason('unknown-private-draft'));
  });

  it('answers NotFound for a draft that was never started', () => {
    spec.given([]).when(edit()).thenThrows(NotFound);
  });

  it('takes comments among members, each id once', () => {
    const commentId = uuid(901);
    const post = command(
      'CommentOnPrivateDraft',
      { draftId, commentId, body: 'Fine by us' },
      pelenoaDelegate,
    );
    const commented: PrivateDraftEvent = {
      type: 'PrivateDraftCommented',
      data: {
        draftId,
        commentId,
        body: 'Fine by us',
        by: { userId: pelenoaDelegate.userId, stakeholderId: PELENOA },
        at: NOW,
      },
    };
    spec.given([started()]).when(post).then([commented]);
    spec.given([started(), commented]).when(post).thenThrows(Conflict);
  });

  it('refuses edits once tabled or discarded', () => {
    spec.given([started(), tabled]).when(edit()).thenThrows(IllegalTransition);
    spec.given([started(), discarded]).when(edit()).thenThrows(IllegalTransition);
  });
});

describe('tabling and discarding', () => {
  const recordTabled = (target = amendmentId, by = maranuDelegate) =>
    command(
      'RecordPrivateDraftTabled',
      { draftId, tabledAs: { kind: 'amendment', amendmentId: target } },
      by,
    );

  it('records the amendment the draft became', () => {
    spec
      .given([started()])
      .when(recordTabled())
      .then([{ ...tabled }]);
  });

  it('takes a retry that names the same amendment as done', () => {
    spec.given([started(), tabled]).when(recordTabled()).thenNothingHappens();
  });

  it('refuses to link a tabled draft to another amendment', () => {
    spec
      .given([started(), tabled])
      .when(recordTabled(uuid(801)))
      .thenThrows(Conflict, withReason('private-draft-tabled'));
  });

  it('tables a statement as a comment, not as an amendment', () => {
    spec
      .given([started(ACIS, 'statement')])
      .when(recordTabled())
      .thenThrows(Invalid, withReason('wrong-tabled-kind'));
  });

  it('does not let a non-member table it', () => {
    spec.given([started()]).when(recordTabled(amendmentId, halvardDelegate)).thenThrows(NotFound);
  });

  it('discards once; a second discard changes nothing; a tabled draft is not discarded', () => {
    const discard = command('DiscardPrivateDraft', { draftId });
    spec.given([started()]).when(discard).then([discarded]);
    spec.given([started(), discarded]).when(discard).thenNothingHappens();
    spec.given([started(), tabled]).when(discard).thenThrows(IllegalTransition);
  });
});

describe('isPrivateStream', () => {
  it('is true for private drafts only', () => {
    expect(isPrivateStream(privateDraftStream(draftId))).toBe(true);
    expect(isPrivateStream(streamName('amendment', draftId))).toBe(false);
    expect(isPrivateStream('privatedraft')).toBe(false);
    expect(isPrivateStream('$all')).toBe(false);
  });

  it('tells which prefix filters would let private streams through', () => {
    expect(admitsPrivateStreams(['amendment-', 'positions-'])).toBe(false);
    expect(admitsPrivateStreams(['amendment-', 'privatedraft-'])).toBe(true);
    expect(admitsPrivateStreams(['p'])).toBe(true);
  });
});
