import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, IllegalTransition, Invalid, NotFound } from '../decider.js';
import type { DomainError } from '../decider.js';
import { foldEvents } from '../decider.js';
import type { EventOf } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, at, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { ProcessCommand } from './commands.js';
import { processDecider } from './decider.js';
import type { ProcessEvent } from './events.js';
import { deadlinePassed, runningSilence } from './state.js';

const spec = DeciderSpecification.for(processDecider);
const withReason = (reason: string) => (e: DomainError) => e.reason === reason;

const documentId = uuid(2);
const silenceId = uuid(500);
const P1 = uuid(301);
const P2 = uuid(302);
const KENYA = uuid(12);
const NORWAY = uuid(13);
const MEXICO = uuid(17);

const chair = actor(uuid(106), MEXICO, 'chair');
const kenyanDelegate = actor(uuid(101), KENYA, 'delegate');
const norwegianDelegate = actor(uuid(102), NORWAY, 'delegate');
const secretariat = actor(uuid(104), uuid(16), 'secretariat');
const civilSociety = actor(uuid(103), uuid(14), 'civil-society');
const observer = actor(uuid(107), uuid(15), 'observer');

const UNTIL = at('18:00');
const BEFORE = at('17:59');
const AFTER = at('18:01');

const command = <T extends ProcessCommand['type']>(
  type: T,
  data: Extract<ProcessCommand, { type: T }>['data'],
  by = chair,
  now = NOW,
) => ({ type, data, meta: metaFor(by, now) }) as ProcessCommand;

const started: EventOf<ProcessEvent, 'SilenceStarted'> = {
  type: 'SilenceStarted',
  data: {
    documentId,
    silenceId,
    paragraphIds: null,
    until: UNTIL,
    timeZone: 'Europe/Zurich',
    note: 'Final text under silence',
    startedBy: { userId: chair.userId, stakeholderId: MEXICO },
    startedAt: NOW,
  },
};
const brokenByKenya = (now = BEFORE): ProcessEvent => ({
  type: 'SilenceBroken',
  data: {
    documentId,
    silenceId,
    statement: 'Kenya cannot join consensus on OP 3.',
    brokenBy: { userId: kenyanDelegate.userId, stakeholderId: KENYA },
    brokenAt: now,
  },
});
const ended = (outcome: 'adopted' | 'broken' | 'withdrawn', endedAt: string, reason = '') =>
  ({
    type: 'SilenceEnded',
    data: { documentId, silenceId, outcome, reason, endedAt },
  }) as ProcessEvent;

const startCommand = (by = chair, paragraphIds: string[] | null = null) =>
  command(
    'StartSilence',
    {
      documentId,
      silenceId,
      paragraphIds,
      until: UNTIL,
      timeZone: 'Europe/Zurich',
      note: 'Final text under silence',
    },
    by,
  );
const breakCommand = (by = kenyanDelegate, now = BEFORE) =>
  command(
    'BreakSilence',
    { documentId, silenceId, statement: 'Kenya cannot join consensus on OP 3.' },
    by,
    now,
  );
const expireCommand = (now = AFTER) =>
  command('ExpireSilence', { documentId, silenceId }, chair, now);

describe('process decider', () => {
  describe('deadlines', () => {
    const setAmendments = (by = chair, deadline = UNTIL) =>
      command(
        'SetDeadline',
        { documentId, kind: 'amendments', deadline, timeZone: 'America/New_York' },
        by,
      );
    const deadlineSet: ProcessEvent = {
      type: 'DeadlineSet',
      data: {
        documentId,
        kind: 'amendments',
        deadline: UNTIL,
        timeZone: 'America/New_York',
        setBy: chair.userId,
        setAt: NOW,
      },
    };

    it('the chair sets a deadline with the time zone to show it in', () => {
      spec.given([]).when(setAmendments()).then([deadlineSet]);
    });

    it('setting the same deadline again changes nothing', () => {
      spec.given([deadlineSet]).when(setAmendments()).thenNothingHappens();
    });

    it('is the chair’s alone', () => {
      for (const by of [kenyanDelegate, secretariat, civilSociety, observer]) {
        spec.given([]).when(setAmendments(by)).thenThrows(Forbidden);
      }
    });

    it('refuses a deadline in the past', () => {
      spec
        .given([])
        .when(setAmendments(chair, at('09:00')))
        .thenThrows(Invalid, withReason('deadline-in-past'));
    });

    it('clears a deadline, and clearing none changes nothing', () => {
      const clear = command('ClearDeadline', { documentId, kind: 'amendments' });
      spec
        .given([deadlineSet])
        .when(clear)
        .then([
          {
            type: 'DeadlineCleared',
            data: { documentId, kind: 'amendments', clearedBy: chair.userId, clearedAt: NOW },
          },
        ]);
      spec.given([]).when(clear).thenNothingHappens();
    });

    it('tells whether a deadline has passed', () => {
      const state = foldEvents(processDecider, [deadlineSet]);
      expect(deadlinePassed(state, 'amendments', BEFORE)).toBe(false);
      expect(deadlinePassed(state, 'amendments', UNTIL)).toBe(true);
      expect(deadlinePassed(state, 'positions', AFTER)).toBe(false);
    });
  });

  describe('StartSilence', () => {
    it('the chair puts the whole text under silence until a deadline', () => {
      spec.given([]).when(startCommand()).then([started]);
    });

    it('or listed paragraphs, each once', () => {
      spec
        .given([])
        .when(startCommand(chair, [P1, P2, P1]))
        .then([{ ...started, data: { ...started.data, paragraphIds: [P1, P2] } }]);
    });

    it('only the chair starts a silence', () => {
      for (const by of [kenyanDelegate, secretariat, civilSociety, observer]) {
        spec.given([]).when(startCommand(by)).thenThrows(Forbidden);
      }
    });

    it('refuses a second silence while one runs, and allows one after it ended', () => {
      const another = command('StartSilence', {
        documentId,
        silenceId: uuid(501),
        paragraphIds: null,
        until: UNTIL,
        timeZone: 'UTC',
        note: '',
      });
      spec.given([started]).when(another).thenThrows(Conflict, withReason('silence-running'));
      const events = spec.given([started, ended('withdrawn', NOW, 'Consultations')]);
      events.when(another).then([
        {
          ...started,
          data: { ...started.data, silenceId: uuid(501), timeZone: 'UTC', note: '' },
        },
      ]);
    });
  });

  describe('BreakSilence', () => {
    it('a delegation breaks silence with a statement, which ends it', () => {
      spec
        .given([started])
        .when(breakCommand())
        .then([brokenByKenya(), ended('broken', BEFORE)]);
    });

    it('another delegation may join the break before the deadline; it ends nothing again', () => {
      spec
        .given([started, brokenByKenya(), ended('broken', BEFORE)])
        .when(breakCommand(norwegianDelegate))
        .then([
          {
            type: 'SilenceBroken',
            data: {
              documentId,
              silenceId,
              statement: 'Kenya cannot join consensus on OP 3.',
              brokenBy: { userId: norwegianDelegate.userId, stakeholderId: NORWAY },
              brokenAt: BEFORE,
            },
          },
        ]);
    });

    it('a delegation breaks it once', () => {
      spec
        .given([started, brokenByKenya(), ended('broken', BEFORE)])
        .when(breakCommand())
        .thenThrows(Conflict, withReason('already-broken'));
    });

    it('breaking after the deadline is refused', () => {
      spec
        .given([started])
        .when(breakCommand(kenyanDelegate, UNTIL))
        .thenThrows(Conflict, withReason('deadline-passed'));
      spec
        .given([started, ended('adopted', AFTER)])
        .when(breakCommand(kenyanDelegate, AFTER))
        .thenThrows(Conflict, withReason('deadline-passed'));
    });

    it('a withdrawn silence cannot be broken', () => {
      spec
        .given([started, ended('withdrawn', NOW, 'More consultations')])
        .when(breakCommand())
        .thenThrows(IllegalTransition, withReason('silence-ended'));
    });

    it('is for delegations only: not the chair, secretariat, civil society or observers', () => {
      for (const by of [chair, secretariat, civilSociety, observer]) {
        spec.given([started]).when(breakCommand(by)).thenThrows(Forbidden);
      }
    });

    it('names a silence that exists', () => {
      spec.given([]).when(breakCommand()).thenThrows(NotFound, withReason('unknown-silence'));
    });
  });

  describe('ExpireSilence', () => {
    it('an unbroken silence is adopted at its deadline', () => {
      spec
        .given([started])
        .when(expireCommand())
        .then([ended('adopted', AFTER)]);
    });

    it('expiry twice appends once', () => {
      spec
        .given([started, ended('adopted', AFTER)])
        .when(expireCommand())
        .thenNothingHappens();
    });

    it('expiry after a break does nothing', () => {
      spec
        .given([started, brokenByKenya(), ended('broken', BEFORE)])
        .when(expireCommand())
        .thenNothingHappens();
    });

    it('expiry after a withdrawal does nothing', () => {
      spec
        .given([started, ended('withdrawn', NOW, 'Consultations')])
        .when(expireCommand())
        .thenNothingHappens();
    });

    it('is refused before the deadline', () => {
      spec
        .given([started])
        .when(expireCommand(BEFORE))
        .thenThrows(Conflict, withReason('silence-not-due'));
    });
  });

  describe('WithdrawSilence', () => {
    const withdraw = (by = chair) =>
      command('WithdrawSilence', { documentId, silenceId, reason: 'Consultations continue' }, by);

    it('the chair withdraws a running silence with a reason', () => {
      spec
        .given([started])
        .when(withdraw())
        .then([ended('withdrawn', NOW, 'Consultations continue')]);
    });

    it('not once it has ended', () => {
      spec
        .given([started, brokenByKenya(), ended('broken', BEFORE)])
        .when(withdraw())
        .thenThrows(IllegalTransition, withReason('silence-ended'));
    });

    it('only the chair withdraws', () => {
      spec.given([started]).when(withdraw(kenyanDelegate)).thenThrows(Forbidden);
    });
  });

  describe('RecordSilenceOutcome', () => {
    const record = command('RecordSilenceOutcome', {
      documentId,
      silenceId,
      adoptedRevisionLabel: 'Rev 2',
      agreedParagraphIds: [],
      problems: [],
    });

    it('records once what an adopted silence did', () => {
      const recorded: ProcessEvent = {
        type: 'SilenceOutcomeRecorded',
        data: {
          documentId,
          silenceId,
          adoptedRevisionLabel: 'Rev 2',
          agreedParagraphIds: [],
          problems: [],
          recordedAt: NOW,
        },
      };
      spec
        .given([started, ended('adopted', AFTER)])
        .when(record)
        .then([recorded]);
      spec
        .given([started, ended('adopted', AFTER), recorded])
        .when(record)
        .thenNothingHappens();
    });

    it('only for an adopted silence', () => {
      spec
        .given([started, brokenByKenya(), ended('broken', BEFORE)])
        .when(record)
        .thenThrows(Conflict, withReason('silence-not-adopted'));
    });
  });

  it('folds the record: breaks, statements and the running silence', () => {
    const state = foldEvents(processDecider, [started, brokenByKenya(), ended('broken', BEFORE)]);
    expect(runningSilence(state)).toBeUndefined();
    expect(state.silences[0]!.breaks).toEqual([
      {
        userId: kenyanDelegate.userId,
        stakeholderId: KENYA,
        statement: 'Kenya cannot join consensus on OP 3.',
        brokenAt: BEFORE,
      },
    ]);
    expect(state.silences[0]!.ended?.outcome).toBe('broken');
  });
});
