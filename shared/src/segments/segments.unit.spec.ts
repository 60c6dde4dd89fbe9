import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, IllegalTransition, Invalid, NotFound } from '../decider.js';
import type { DomainError } from '../decider.js';
import { foldEvents } from '../decider.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, at, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import { roles } from '../vocabulary.js';
import { segmentAdmits } from './access.js';
import type { SegmentsCommand } from './commands.js';
import { scheduleDecider } from './decider.js';
import type { SegmentsEvent } from './events.js';
import { blockingSegment, excludingOpenSegment, horizonFor, type SegmentMark } from './horizon.js';
import { openSegment } from './state.js';

const spec = DeciderSpecification.for(scheduleDecider);
const withReason = (reason: string) => (e: DomainError) => e.reason === reason;

const negotiationId = uuid(1);
const sessionId = uuid(600);
const plenary = uuid(601);
const informals = uuid(602);

const chair = actor(uuid(106), uuid(17), 'chair');
const delegate = actor(uuid(101), uuid(12), 'delegate');
const secretariat = actor(uuid(104), uuid(16), 'secretariat');
const civilSociety = actor(uuid(103), uuid(14), 'civil-society');
const observer = actor(uuid(107), uuid(15), 'observer');
const notChair = [delegate, secretariat, civilSociety, observer];

const command = <T extends SegmentsCommand['type']>(
  type: T,
  data: Extract<SegmentsCommand, { type: T }>['data'],
  by = chair,
  now = NOW,
) => ({ type, data, meta: metaFor(by, now) }) as SegmentsCommand;

const scheduleCommand = (by = chair, startsOn = '2026-05-12', endsOn = '2026-05-14') =>
  command(
    'ScheduleSession',
    {
      negotiationId,
      sessionId,
      title: 'Second reading',
      startsOn,
      endsOn,
      timeZone: 'Europe/Geneva',
    },
    by,
  );
const scheduled: SegmentsEvent = {
  type: 'SessionScheduled',
  data: {
    negotiationId,
    sessionId,
    title: 'Second reading',
    startsOn: '2026-05-12',
    endsOn: '2026-05-14',
    timeZone: 'Europe/Geneva',
    scheduledBy: chair.userId,
    scheduledAt: NOW,
  },
};
const openCommand = (segmentId = informals, by = chair) =>
  command(
    'OpenSegment',
    { negotiationId, segmentId, sessionId, title: 'Informals', access: 'governments' },
    by,
  );
const opened = (segmentId = informals, access: 'governments' | 'observers' = 'governments') =>
  ({
    type: 'SegmentOpened',
    data: {
      negotiationId,
      segmentId,
      sessionId,
      title: 'Informals',
      access,
      openedBy: chair.userId,
      openedAt: NOW,
    },
  }) as SegmentsEvent;
const closed = (segmentId = informals, closedAt = at('12:00')): SegmentsEvent => ({
  type: 'SegmentClosed',
  data: { negotiationId, segmentId, closedBy: chair.userId, closedAt },
});
const released = (segmentId = informals, releasedAt = at('13:00')): SegmentsEvent => ({
  type: 'SegmentReleased',
  data: { negotiationId, segmentId, releasedBy: chair.userId, releasedAt },
});

describe('schedule decider', () => {
  describe('ScheduleSession', () => {
    it('the chair schedules a session over whole days in a time zone', () => {
      spec.given([]).when(scheduleCommand()).then([scheduled]);
    });

    it('is the chair’s alone', () => {
      for (const by of notChair) spec.given([]).when(scheduleCommand(by)).thenThrows(Forbidden);
    });

    it('refuses a session that ends before it starts', () => {
      spec
        .given([])
        .when(scheduleCommand(chair, '2026-05-14', '2026-05-12'))
        .thenThrows(Invalid, withReason('session-ends-before-start'));
    });

    it('refuses the same session twice', () => {
      spec
        .given([scheduled])
        .when(scheduleCommand())
        .thenThrows(Conflict, withReason('session-exists'));
    });
  });

  describe('OpenSegment', () => {
    it('the chair opens a segment of a scheduled session with its access level', () => {
      spec.given([scheduled]).when(openCommand()).then([opened()]);
    });

    it('is the chair’s alone', () => {
      for (const by of notChair) {
        spec.given([scheduled]).when(openCommand(informals, by)).thenThrows(Forbidden);
      }
    });

    it('names a scheduled session', () => {
      spec.given([]).when(openCommand()).thenThrows(NotFound, withReason('unknown-session'));
    });

    it('one segment at a time: the next opens once the first closed', () => {
      spec
        .given([scheduled, opened(plenary, 'observers')])
        .when(openCommand())
        .thenThrows(Conflict, withReason('segment-under-way'));
      spec
        .given([scheduled, opened(plenary, 'observers'), closed(plenary)])
        .when(openCommand())
        .then([opened()]);
    });

    it('a segment id opens once', () => {
      spec
        .given([scheduled, opened(), closed()])
        .when(openCommand())
        .thenThrows(Conflict, withReason('segment-exists'));
    });
  });

  describe('CloseSegment', () => {
    const close = (by = chair) =>
      command('CloseSegment', { negotiationId, segmentId: informals }, by);

    it('the chair closes the segment under way; closing again changes nothing', () => {
      spec
        .given([scheduled, opened()])
        .when(close())
        .then([closed(informals, NOW)]);
      spec.given([scheduled, opened(), closed()]).when(close()).thenNothingHappens();
    });

    it('is the chair’s alone, and names a segment that exists', () => {
      for (const by of notChair)
        spec.given([scheduled, opened()]).when(close(by)).thenThrows(Forbidden);
      spec.given([scheduled]).when(close()).thenThrows(NotFound, withReason('unknown-segment'));
    });
  });

  describe('ReleaseSegment', () => {
    const release = (by = chair) =>
      command('ReleaseSegment', { negotiationId, segmentId: informals }, by);

    it('the chair releases a closed segment’s material, once', () => {
      spec
        .given([scheduled, opened(), closed()])
        .when(release())
        .then([released(informals, NOW)]);
      spec.given([scheduled, opened(), closed(), released()]).when(release()).thenNothingHappens();
    });

    it('not while the segment is under way', () => {
      spec
        .given([scheduled, opened()])
        .when(release())
        .thenThrows(IllegalTransition, withReason('segment-under-way'));
    });

    it('is the chair’s alone', () => {
      for (const by of notChair) {
        spec.given([scheduled, opened(), closed()]).when(release(by)).thenThrows(Forbidden);
      }
    });
  });

  it('refuses a command for another negotiation', () => {
    const other = command('CloseSegment', { negotiationId: uuid(9), segmentId: informals });
    spec.given([scheduled]).when(other).thenThrows(Invalid, withReason('wrong-aggregate'));
  });

  it('folds the schedule: the open segment, then its close and release', () => {
    const running = foldEvents(scheduleDecider, [scheduled, opened()]);
    expect(openSegment(running)?.segmentId).toBe(informals);
    const done = foldEvents(scheduleDecider, [scheduled, opened(), closed(), released()]);
    expect(openSegment(done)).toBeUndefined();
    expect(done.segments[0]).toMatchObject({ closedAt: at('12:00'), releasedAt: at('13:00') });
  });
});

describe('segment access', () => {
  it('governments-only segments admit the chair, the secretariat and delegations', () => {
    expect(roles.filter((r) => segmentAdmits('governments', r))).toEqual([
      'chair',
      'secretariat',
      'delegate',
    ]);
  });

  it('observer and public segments admit every role', () => {
    for (const role of roles) {
      expect(segmentAdmits('observers', role)).toBe(true);
      expect(segmentAdmits('public', role)).toBe(true);
    }
  });
});

describe('horizonFor', () => {
  const mark = (
    segmentId: string,
    openedPosition: bigint,
    access: SegmentMark['access'],
    state: Partial<Pick<SegmentMark, 'closed' | 'released'>> = {},
  ): SegmentMark => ({
    segmentId,
    title: segmentId,
    access,
    openedPosition,
    openedAt: NOW,
    closed: false,
    released: false,
    ...state,
  });

  it('no segments, or only open ones: no horizon', () => {
    expect(horizonFor([], 'civil-society')).toBeNull();
    expect(
      horizonFor([mark('a', 10n, 'observers'), mark('b', 20n, 'public')], 'observer'),
    ).toBeNull();
  });

  it('a government-only segment sets the horizon of civil society and observers, not of governments', () => {
    const segments = [mark('a', 10n, 'observers', { closed: true }), mark('b', 42n, 'governments')];
    expect(horizonFor(segments, 'civil-society')).toBe(41n);
    expect(horizonFor(segments, 'observer')).toBe(41n);
    for (const role of ['chair', 'secretariat', 'delegate'] as const) {
      expect(horizonFor(segments, role)).toBeNull();
    }
  });

  it('a closed but unreleased segment still holds the horizon', () => {
    expect(horizonFor([mark('b', 42n, 'governments', { closed: true })], 'observer')).toBe(41n);
  });

  it('the earliest unreleased excluding segment wins; release moves the horizon on', () => {
    const first = mark('b', 42n, 'governments', { closed: true });
    const second = mark('c', 90n, 'governments');
    expect(horizonFor([second, first], 'observer')).toBe(41n);
    expect(blockingSegment([second, first], 'observer')?.segmentId).toBe('b');
    expect(horizonFor([{ ...first, released: true }, second], 'observer')).toBe(89n);
    expect(horizonFor([{ ...first, released: true }], 'observer')).toBeNull();
  });

  it('tells which open segment keeps a role from acting', () => {
    const segments = [
      mark('b', 42n, 'governments', { closed: true }),
      mark('c', 90n, 'governments'),
    ];
    expect(excludingOpenSegment(segments, 'civil-society')?.segmentId).toBe('c');
    expect(excludingOpenSegment(segments, 'delegate')).toBeUndefined();
    expect(excludingOpenSegment(segments.slice(0, 1), 'civil-society')).toBeUndefined();
  });
});
