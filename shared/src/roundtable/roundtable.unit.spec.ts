import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, IllegalTransition, Invalid, NotFound } from '../decider.js';
import type { DomainError } from '../decider.js';
import { foldEvents } from '../decider.js';
import type { EventOf } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, at, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import { roundtableCommandSchemas, type RoundtableCommand } from './commands.js';
import { roundtableDecider } from './decider.js';
import type { RoundtableEvent } from './events.js';
import type { PaperFile } from './paper.js';

const spec = DeciderSpecification.for(roundtableDecider);
const withReason = (reason: string) => (e: DomainError) => e.reason === reason;

const roundtableId = uuid(700);
const negotiationId = uuid(1);
const documentId = uuid(2);
const PP1 = uuid(301);
const OP2 = uuid(302);
const GHANA = uuid(21);
const NORWAY = uuid(22);
const PERU = uuid(23);
const NGO = uuid(24);

const chair = actor(uuid(101), PERU, 'chair');
const secretariat = actor(uuid(102), uuid(25), 'secretariat');
const ghanaDelegate = actor(uuid(103), GHANA, 'delegate');
const norwayDelegate = actor(uuid(104), NORWAY, 'delegate');
const peruDelegate = actor(uuid(105), PERU, 'delegate');
const civilSociety = actor(uuid(106), NGO, 'civil-society');

const command = <T extends RoundtableCommand['type']>(
  type: T,
  data: Extract<RoundtableCommand, { type: T }>['data'],
  by = chair,
  now = NOW,
) => ({ type, data, meta: metaFor(by, now) }) as RoundtableCommand;

const coverage = { documentId, paragraphIds: [PP1, OP2] };

const scheduleCommand = (by = chair, coChairStakeholderIds = [GHANA, NORWAY]) =>
  command(
    'ScheduleRoundtable',
    {
      roundtableId,
      negotiationId,
      theme: 'Protecting outdoor workers in heatwaves',
      coChairStakeholderIds,
      date: '2026-04-14',
      coverage,
      invitedStakeholderIds: [NGO],
    },
    by,
  );

const scheduled: EventOf<RoundtableEvent, 'RoundtableScheduled'> = {
  type: 'RoundtableScheduled',
  data: {
    roundtableId,
    negotiationId,
    theme: 'Protecting outdoor workers in heatwaves',
    coChairStakeholderIds: [GHANA, NORWAY],
    date: '2026-04-14',
    coverage,
    invitedStakeholderIds: [NGO],
    scheduledBy: chair.userId,
    scheduledAt: NOW,
  },
};

const background = 'Outdoor workers carry most of the heat burden; the text is still open.';
const questions = ['Which protections should be binding?', 'Who pays for cooling breaks?'];

const edited = (draft = 2): EventOf<RoundtableEvent, 'RoundtableDraftEdited'> => ({
  type: 'RoundtableDraftEdited',
  data: {
    roundtableId,
    background,
    guidingQuestions: questions,
    draft,
    stakeholderId: GHANA,
    editedBy: ghanaDelegate.userId,
    editedAt: NOW,
  },
});

const signedOff = (
  stakeholderId: string,
  by = stakeholderId === GHANA ? ghanaDelegate : norwayDelegate,
  draft = 2,
): EventOf<RoundtableEvent, 'RoundtableDraftSigned'> => ({
  type: 'RoundtableDraftSigned',
  data: { roundtableId, draft, stakeholderId, signedOffBy: by.userId, signedOffAt: NOW },
});

const files: PaperFile[] = [
  { format: 'pdf', mediaType: 'application/pdf', sha256: 'a'.repeat(64), byteLength: 1200 },
  { format: 'md', mediaType: 'text/markdown', sha256: 'b'.repeat(64), byteLength: 300 },
];

const issueCommand = (version = 1, draft = 2, by = chair, recordPosition = '42') =>
  command('IssueRoundtablePaper', { roundtableId, version, draft, recordPosition, files }, by);

const issued = (version = 1, draft = 2): EventOf<RoundtableEvent, 'RoundtablePaperIssued'> => ({
  type: 'RoundtablePaperIssued',
  data: {
    roundtableId,
    version,
    draft,
    recordPosition: '42',
    files,
    signedOffBy: [GHANA, NORWAY],
    issuedBy: chair.userId,
    issuedAt: NOW,
  },
});

const ready = [scheduled, edited(), signedOff(GHANA), signedOff(NORWAY)];

describe('scheduling a roundtable', () => {
  it('records theme, co-chairs, date, coverage and invited participants', () => {
    spec.given([]).when(scheduleCommand()).then([scheduled]);
  });

  it('is for the chair and the secretariat only', () => {
    spec
      .given([])
      .when(scheduleCommand(secretariat))
      .then([{ ...scheduled, data: { ...scheduled.data, scheduledBy: secretariat.userId } }]);
    spec.given([]).when(scheduleCommand(ghanaDelegate)).thenThrows(Forbidden);
    spec.given([]).when(scheduleCommand(civilSociety)).thenThrows(Forbidden);
  });

  it('needs two different co-chairs', () => {
    spec
      .given([])
      .when(scheduleCommand(chair, [GHANA, GHANA]))
      .thenThrows(Invalid, withReason('two-co-chairs'));
    const schema = roundtableCommandSchemas.ScheduleRoundtable;
    const data = (scheduleCommand() as Extract<RoundtableCommand, { type: 'ScheduleRoundtable' }>)
      .data;
    expect(schema.safeParse({ ...data, coChairStakeholderIds: [GHANA] }).success).toBe(false);
    expect(schema.safeParse({ ...data, coChairStakeholderIds: [GHANA, GHANA] }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ...data, date: '14 April' }).success).toBe(false);
    expect(schema.safeParse({ ...data, coverage: { documentId, paragraphIds: [] } }).success).toBe(
      false,
    );
  });

  it('happens once', () => {
    spec
      .given([scheduled])
      .when(scheduleCommand())
      .thenThrows(Conflict, withReason('roundtable-exists'));
  });
});

describe('the co-chairs’ draft', () => {
  const edit = (by = ghanaDelegate, text = background, guidingQuestions = questions) =>
    command('EditRoundtableDraft', { roundtableId, background: text, guidingQuestions }, by);

  it('is written by a co-chair delegation and starts a new draft', () => {
    spec.given([scheduled]).when(edit()).then([edited()]);
  });

  it('may not be written by another delegation, civil society or the chair of another one', () => {
    spec
      .given([scheduled])
      .when(edit(peruDelegate))
      .thenThrows(Forbidden, withReason('not-a-co-chair'));
    spec.given([scheduled]).when(edit(civilSociety)).thenThrows(Forbidden);
    spec.given([scheduled]).when(edit(chair)).thenThrows(Forbidden);
  });

  it('unchanged is no change', () => {
    spec.given([scheduled, edited()]).when(edit(norwayDelegate)).thenNothingHappens();
  });

  it('changed clears the sign-offs given on the earlier draft', () => {
    const change = edit(norwayDelegate, `${background} More.`);
    const events = roundtableDecider.decide(change, foldEvents(roundtableDecider, ready));
    expect(events).toEqual([
      {
        type: 'RoundtableDraftEdited',
        data: {
          ...edited(3).data,
          background: `${background} More.`,
          stakeholderId: NORWAY,
          editedBy: norwayDelegate.userId,
        },
      },
    ]);
    const state = foldEvents(roundtableDecider, [...ready, ...events]);
    expect(state).toMatchObject({ status: 'scheduled', draft: 3, signOffs: [] });
  });

  it('coverage is changed by the chair, which also clears sign-offs', () => {
    const change = command('ChangeRoundtableCoverage', {
      roundtableId,
      coverage: { documentId, paragraphIds: [OP2] },
    });
    spec
      .given(ready)
      .when(change)
      .then([
        {
          type: 'RoundtableCoverageChanged',
          data: {
            roundtableId,
            coverage: { documentId, paragraphIds: [OP2] },
            draft: 3,
            changedBy: chair.userId,
            changedAt: NOW,
          },
        },
      ]);
    spec
      .given(ready)
      .when(command('ChangeRoundtableCoverage', { roundtableId, coverage }))
      .thenNothingHappens();
    spec
      .given(ready)
      .when(
        command(
          'ChangeRoundtableCoverage',
          { roundtableId, coverage: { documentId, paragraphIds: [OP2] } },
          ghanaDelegate,
        ),
      )
      .thenThrows(Forbidden);
  });
});

describe('signing off', () => {
  const signOff = (by: typeof chair, draft = 2) =>
    command('SignOffRoundtablePaper', { roundtableId, draft }, by);

  it('is given by each co-chair delegation on the current draft', () => {
    spec
      .given([scheduled, edited()])
      .when(signOff(ghanaDelegate))
      .then([signedOff(GHANA)]);
    spec
      .given([scheduled, edited(), signedOff(GHANA)])
      .when(signOff(norwayDelegate))
      .then([signedOff(NORWAY)]);
  });

  it('by a chair who acts for a co-chair delegation counts for that delegation', () => {
    const ghanaChair = actor(uuid(110), GHANA, 'chair');
    spec
      .given([scheduled, edited()])
      .when(signOff(ghanaChair))
      .then([signedOff(GHANA, ghanaChair)]);
  });

  it('is refused to anyone else', () => {
    spec
      .given([scheduled, edited()])
      .when(signOff(peruDelegate))
      .thenThrows(Forbidden, withReason('not-a-co-chair'));
    spec.given([scheduled, edited()]).when(signOff(chair)).thenThrows(Forbidden);
    spec.given([scheduled, edited()]).when(signOff(civilSociety)).thenThrows(Forbidden);
  });

  it('is refused on a draft that has since changed', () => {
    spec
      .given([scheduled, edited()])
      .when(signOff(ghanaDelegate, 1))
      .thenThrows(Conflict, withReason('draft-changed'));
  });

  it('needs a background and a guiding question', () => {
    spec
      .given([scheduled])
      .when(signOff(ghanaDelegate, 1))
      .thenThrows(Invalid, withReason('draft-incomplete'));
  });

  it('twice is once', () => {
    spec
      .given([scheduled, edited(), signedOff(GHANA)])
      .when(signOff(ghanaDelegate))
      .thenNothingHappens();
  });
});

describe('issuing a paper version', () => {
  it('after both co-chairs signed off records version 1 with the hash of every file', () => {
    spec.given(ready).when(issueCommand()).then([issued()]);
  });

  it('is refused without both sign-offs', () => {
    spec
      .given([scheduled, edited(), signedOff(GHANA)])
      .when(issueCommand())
      .thenThrows(Conflict, withReason('sign-off-missing'));
    spec
      .given([scheduled, edited()])
      .when(issueCommand())
      .thenThrows(Conflict, withReason('sign-off-missing'));
  });

  it('is refused when sign-offs were given on an earlier draft', () => {
    spec
      .given([...ready, { ...edited(3), data: { ...edited(3).data, background: 'Changed.' } }])
      .when(issueCommand(1, 3))
      .thenThrows(Conflict, withReason('sign-off-missing'));
    spec
      .given([...ready, { ...edited(3), data: { ...edited(3).data, background: 'Changed.' } }])
      .when(issueCommand(1, 2))
      .thenThrows(Conflict, withReason('draft-changed'));
  });

  it('is for the chair and the secretariat', () => {
    spec
      .given(ready)
      .when(issueCommand(1, 2, ghanaDelegate))
      .thenThrows(Forbidden);
    spec
      .given(ready)
      .when(issueCommand(1, 2, secretariat))
      .then([{ ...issued(), data: { ...issued().data, issuedBy: secretariat.userId } }]);
  });

  it('numbers versions one after another, each needing fresh sign-offs', () => {
    spec.given(ready).when(issueCommand(2)).thenThrows(Conflict, withReason('version-taken'));
    spec
      .given([...ready, issued()])
      .when(issueCommand(2))
      .thenThrows(Conflict, withReason('sign-off-missing'));
    spec
      .given([...ready, issued(), signedOff(GHANA), signedOff(NORWAY)])
      .when(issueCommand(2))
      .then([issued(2)]);
    spec
      .given([...ready, issued(), signedOff(GHANA), signedOff(NORWAY)])
      .when(issueCommand(2, 2, chair, '41'))
      .thenThrows(Invalid, withReason('record-position-older'));
  });

  it('needs at least one file, each format once', () => {
    const schema = roundtableCommandSchemas.IssueRoundtablePaper;
    const base = { roundtableId, version: 1, draft: 2, recordPosition: '42' };
    expect(schema.safeParse({ ...base, files: [] }).success).toBe(false);
    expect(schema.safeParse({ ...base, files: [files[0], files[0]] }).success).toBe(false);
    expect(
      schema.safeParse({ ...base, files: [{ ...files[0], sha256: 'not-a-hash' }] }).success,
    ).toBe(false);
  });
});

describe('concluding', () => {
  const conclude = (by = chair) =>
    command(
      'ConcludeRoundtable',
      { roundtableId, summary: 'Broad support for rest breaks.' },
      by,
      at('17:00'),
    );
  const concluded: RoundtableEvent = {
    type: 'RoundtableConcluded',
    data: {
      roundtableId,
      summary: 'Broad support for rest breaks.',
      concludedBy: chair.userId,
      concludedAt: at('17:00'),
    },
  };

  it('records the summary and closes the roundtable', () => {
    spec
      .given([...ready, issued()])
      .when(conclude())
      .then([concluded]);
    spec
      .given([...ready, issued()])
      .when(conclude(ghanaDelegate))
      .thenThrows(Forbidden);
    spec
      .given([...ready, concluded])
      .when(issueCommand())
      .thenThrows(IllegalTransition, withReason('roundtable-concluded'));
    spec
      .given([scheduled, concluded])
      .when(command('SignOffRoundtablePaper', { roundtableId, draft: 1 }, ghanaDelegate))
      .thenThrows(IllegalTransition);
  });

  it('of an unknown roundtable is refused', () => {
    spec.given([]).when(conclude()).thenThrows(NotFound, withReason('unknown-roundtable'));
    spec
      .given([scheduled])
      .when(command('ConcludeRoundtable', { roundtableId: uuid(701), summary: 'x' }))
      .thenThrows(Invalid, withReason('wrong-aggregate'));
  });
});
