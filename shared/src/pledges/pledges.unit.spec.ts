// The pledge decider given/when/then, the history replay, the objectives of an adopted text and
// the review of an objective's pledges as of a day.
import { describe, expect, it } from 'vitest';
import { foldEvents } from '../decider.js';
import type { CommandMeta } from '../messages.js';
import type { Role } from '../vocabulary.js';
import type { PledgeCommand, RegisterPledge } from './commands.js';
import { pledgeDecider } from './decider.js';
import type { PledgeEvent } from './events.js';
import { objectivesOf } from './objectives.js';
import { reviewObjective, standingAsOf } from './review.js';
import { replayPledge } from './view.js';

const ids = {
  pledge: '01JD0000000000000000000001',
  negotiation: '01JD0000000000000000000002',
  document: '01JD0000000000000000000003',
  user: '01JD0000000000000000000004',
  state: '01JD0000000000000000000005',
  other: '01JD0000000000000000000006',
  objective: '01JD0000000000000000000007',
  paragraph: '01JD0000000000000000000008',
  report: '01JD0000000000000000000009',
  report2: '01JD000000000000000000000A',
  command: '01JD000000000000000000000B',
};

const meta = (
  role: Role,
  stakeholderId = ids.state,
  now = '2026-03-01T10:00:00.000Z',
): CommandMeta => ({
  commandId: ids.command,
  actor: { userId: ids.user, stakeholderId, role },
  now,
});

const content = {
  title: 'Heat action plans in every district',
  commitments: 'Adopt a heat action plan in each district and train its health workers.',
  partners: ['National Red Cross'],
  timeline: { start: '2026-01-01', end: '2028-12-31' },
  indicators: [
    { ref: 'districts', name: 'Districts with a plan', unit: 'districts', baseline: 2, target: 14 },
  ],
  objectives: [{ objectiveId: ids.objective, label: 'Objective 1: Early warning' }],
  paragraphs: [{ paragraphId: ids.paragraph, ref: 'OP 2' }],
};

const register = (
  role: Role = 'delegate',
  pledger: RegisterPledge['data']['pledger'] = {
    kind: 'state',
    name: 'Mauritius',
    stakeholderId: ids.state,
  },
  documentAdopted = true,
): RegisterPledge => ({
  type: 'RegisterPledge',
  data: {
    pledgeId: ids.pledge,
    negotiationId: ids.negotiation,
    documentId: ids.document,
    documentAdopted,
    pledger,
    content,
  },
  meta: meta(role),
});

const given = (events: PledgeEvent[]) => foldEvents(pledgeDecider, events);
const decide = (command: PledgeCommand, events: PledgeEvent[]) =>
  pledgeDecider.decide(command, given(events));
const registered = (): PledgeEvent[] => decide(register(), []);

const report = (
  reportId: string,
  status: 'on-track' | 'at-risk' | 'off-track' | 'achieved',
  to: string,
  figures = [{ ref: 'districts', value: 5 }],
  actor = meta('delegate', ids.state, `${to}T12:00:00.000Z`),
): PledgeCommand => ({
  type: 'ReportPledgeProgress',
  data: {
    pledgeId: ids.pledge,
    reportId,
    report: { status, period: { from: '2026-01-01', to }, narrative: 'Progress so far.', figures },
  },
  meta: actor,
});

describe('registering a pledge', () => {
  it('given an adopted text, when a delegate pledges for their state, then it is registered with who and when', () => {
    expect(registered()).toMatchObject([
      {
        type: 'PledgeRegistered',
        data: {
          pledger: { kind: 'state', stakeholderId: ids.state },
          registeredBy: { userId: ids.user, stakeholderId: ids.state },
          content: { title: 'Heat action plans in every district' },
        },
      },
    ]);
    expect(registered()[0]!.data).not.toHaveProperty('documentAdopted');
  });

  it('given a text still in drafting, when someone pledges, then it is refused', () => {
    expect(() => decide(register('delegate', undefined, false), [])).toThrow(/adopted text/);
  });

  it('given the pledge, when it is registered again, then that is a conflict', () => {
    expect(() => decide(register(), registered())).toThrow(/already registered/);
  });

  it('given nothing, when a delegate pledges for another delegation, then it is refused', () => {
    const pledger = { kind: 'state' as const, name: 'Norway', stakeholderId: ids.other };
    expect(() => decide(register('delegate', pledger), [])).toThrow(/your own/);
  });

  it('given nothing, when civil society pledges as a state, then it is refused', () => {
    const pledger = { kind: 'state' as const, name: 'Mauritius', stakeholderId: ids.state };
    expect(() => decide(register('civil-society', pledger), [])).toThrow(/your own/);
  });

  it('given nothing, when the secretariat registers a city, then the pledge names the city and no stakeholder', () => {
    const pledger = {
      kind: 'local-authority' as const,
      name: 'City of Port Louis',
      stakeholderId: null,
    };
    expect(decide(register('secretariat', pledger), [])).toMatchObject([
      {
        type: 'PledgeRegistered',
        data: { pledger: { name: 'City of Port Louis', stakeholderId: null } },
      },
    ]);
  });

  it('given nothing, when a delegate registers an outside actor, then it is refused', () => {
    const pledger = { kind: 'business' as const, name: 'Acme Cooling', stakeholderId: null };
    expect(() => decide(register('delegate', pledger), [])).toThrow(/secretariat/);
  });

  it('given nothing, when the chair pledges, then the matrix refuses', () => {
    expect(() => decide(register('chair'), [])).toThrow(/may not pledge.register/);
  });
});

describe('reporting progress', () => {
  it('given a pledge, when its delegation reports, then the report is recorded with its figures', () => {
    expect(decide(report(ids.report, 'on-track', '2026-03-31'), registered())).toMatchObject([
      {
        type: 'PledgeProgressReported',
        data: {
          reportId: ids.report,
          status: 'on-track',
          figures: [{ ref: 'districts', value: 5 }],
        },
      },
    ]);
  });

  it('given a report, when the same report is sent again, then that is a conflict', () => {
    const first = decide(report(ids.report, 'on-track', '2026-03-31'), registered());
    expect(() =>
      decide(report(ids.report, 'on-track', '2026-03-31'), [...registered(), ...first]),
    ).toThrow(/already recorded/);
  });

  it('given a pledge, when a figure names no indicator of it, then it is invalid', () => {
    expect(() =>
      decide(
        report(ids.report, 'on-track', '2026-03-31', [{ ref: 'trees', value: 1 }]),
        registered(),
      ),
    ).toThrow(/no indicator "trees"/);
  });

  it("given another delegation's pledge, when a delegate reports on it, then it is refused", () => {
    const stranger = meta('delegate', ids.other);
    expect(() =>
      decide(report(ids.report, 'on-track', '2026-03-31', [], stranger), registered()),
    ).toThrow(/own members/);
  });

  it('given a withdrawn pledge, when its delegation reports, then it is refused', () => {
    const withdrawn = decide(
      {
        type: 'WithdrawPledge',
        data: { pledgeId: ids.pledge, reason: 'Merged into a joint pledge' },
        meta: meta('delegate'),
      },
      registered(),
    );
    expect(withdrawn).toMatchObject([
      { type: 'PledgeWithdrawn', data: { reason: 'Merged into a joint pledge' } },
    ]);
    expect(() =>
      decide(report(ids.report, 'on-track', '2026-03-31'), [...registered(), ...withdrawn]),
    ).toThrow(/withdrawn/);
  });

  it('given no pledge, when someone reports, then it is not found', () => {
    expect(() => decide(report(ids.report, 'on-track', '2026-03-31'), [])).toThrow(
      /No such pledge/,
    );
  });
});

describe('revising a pledge', () => {
  it('given a pledge, when its delegation raises the target, then the revision holds the new content and note', () => {
    const indicators = [{ ...content.indicators[0]!, target: 20 }];
    const events = decide(
      {
        type: 'RevisePledge',
        data: { pledgeId: ids.pledge, content: { ...content, indicators }, note: 'More districts' },
        meta: meta('delegate'),
      },
      registered(),
    );
    expect(events).toMatchObject([
      {
        type: 'PledgeRevised',
        data: { note: 'More districts', content: { indicators: [{ target: 20 }] } },
      },
    ]);
  });
});

describe('replaying a pledge', () => {
  it('given a registration, two reports and a revision, then each step holds the pledge as it stood then', () => {
    const events = [...registered()];
    events.push(...decide(report(ids.report, 'on-track', '2026-03-31'), events));
    events.push(
      ...decide(
        {
          type: 'RevisePledge',
          data: {
            pledgeId: ids.pledge,
            content: { ...content, title: 'Heat plans, revised' },
            note: '',
          },
          meta: meta('delegate'),
        },
        events,
      ),
    );
    events.push(...decide(report(ids.report2, 'at-risk', '2026-06-30'), events));
    const replay = replayPledge(events)!;
    expect(replay.history.map((s) => s.kind)).toEqual([
      'registered',
      'reported',
      'revised',
      'reported',
    ]);
    expect(replay.history[1]!.pledge).toMatchObject({
      content: { title: 'Heat action plans in every district' },
    });
    expect(replay.history[1]!.pledge.reports).toHaveLength(1);
    expect(replay.history[3]!.report).toMatchObject({ status: 'at-risk' });
    expect(replay.pledge).toMatchObject({
      revisions: 1,
      content: { title: 'Heat plans, revised' },
    });
  });
});

describe('the objectives of an adopted text', () => {
  const p = (
    id: string,
    kind: 'heading' | 'preambular' | 'operative' | 'subparagraph',
    label: string | null,
    text: string,
  ) => ({
    id,
    kind,
    label,
    text,
  });

  it('makes each heading an objective holding the operative paragraphs under it', () => {
    const objectives = objectivesOf([
      p('pp1', 'preambular', 'PP 1', 'Recalling…'),
      p('h1', 'heading', null, 'Objective 1: Warn everyone in time'),
      p('op1', 'operative', 'OP 1', 'Commit to…'),
      p('op1a', 'subparagraph', '(a)', 'by 2030'),
      p('h2', 'heading', null, 'Objective 2: Protect outdoor workers'),
      p('op2', 'operative', 'OP 2', 'Encourage…'),
    ]);
    expect(objectives).toEqual([
      {
        objectiveId: 'h1',
        label: 'Objective 1: Warn everyone in time',
        paragraphs: [
          { paragraphId: 'op1', ref: 'OP 1' },
          { paragraphId: 'op1a', ref: '(a)' },
        ],
      },
      {
        objectiveId: 'h2',
        label: 'Objective 2: Protect outdoor workers',
        paragraphs: [{ paragraphId: 'op2', ref: 'OP 2' }],
      },
    ]);
  });

  it('makes each operative paragraph an objective when the text has no headings', () => {
    const objectives = objectivesOf([
      p('pp1', 'preambular', 'PP 1', 'Recalling…'),
      p('op1', 'operative', 'OP 1', 'Commit to warn.'),
    ]);
    expect(objectives).toEqual([
      {
        objectiveId: 'op1',
        label: 'OP 1: Commit to warn.',
        paragraphs: [{ paragraphId: 'op1', ref: 'OP 1' }],
      },
    ]);
  });
});

describe('reviewing an objective', () => {
  const pledgeWith = (reports: PledgeCommand[]) => {
    const events = [...registered()];
    for (const r of reports) events.push(...decide(r, events));
    return replayPledge(events)!.pledge;
  };

  it('given a report within the window, then the pledge stands as reported; past the window it is silent', () => {
    const pledge = pledgeWith([report(ids.report, 'at-risk', '2026-03-31')]);
    expect(standingAsOf(pledge, '2026-06-30', 180)).toBe('at-risk');
    expect(standingAsOf(pledge, '2026-12-31', 180)).toBe('silent');
    expect(standingAsOf(pledge, '2025-12-31', 180)).toBeNull();
  });

  it('given an achieved pledge, then it stays achieved however long it is quiet', () => {
    const pledge = pledgeWith([report(ids.report, 'achieved', '2026-03-31')]);
    expect(standingAsOf(pledge, '2027-12-31', 180)).toBe('achieved');
  });

  it('counts standings as of the day and draws the trend over the year before', () => {
    const onTrack = pledgeWith([report(ids.report, 'on-track', '2026-03-31')]);
    const quiet = { ...pledgeWith([]), pledgeId: ids.other };
    const review = reviewObjective([onTrack, quiet], ids.objective, '2026-06-30', 180);
    expect(review.counts).toEqual({
      'on-track': 1,
      'at-risk': 0,
      'off-track': 0,
      achieved: 0,
      silent: 1,
    });
    expect(review.rows.map((r) => r.standing)).toEqual(['on-track', 'silent']);
    expect(review.trend).toHaveLength(12);
    expect(review.trend.at(-1)!.counts).toEqual(review.counts);
    // Before the report's period ended, both pledges were under way and silent.
    expect(review.trend.find((p) => p.date === '2026-03-02')!.counts.silent).toBe(2);
    expect(reviewObjective([onTrack], ids.other, '2026-06-30', 180).rows).toEqual([]);
  });
});
