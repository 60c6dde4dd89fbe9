// The consultation decider, given/when/then, the phase derived from the clock, and the synthesis.
import { describe, expect, it } from 'vitest';
import { foldEvents } from '../decider.js';
import type { CommandMeta } from '../messages.js';
import type { Role } from '../vocabulary.js';
import type { AnswerConsultation, OpenConsultation } from './commands.js';
import { consultationDecider } from './decider.js';
import type { ConsultationAnsweredData, ConsultationEvent } from './events.js';
import { consultationPhase } from './phase.js';
import { synthesise } from './synthesis.js';

const ids = {
  consultation: '01JD0000000000000000000C01',
  negotiation: '01JD0000000000000000000C02',
  document: '01JD0000000000000000000C03',
  user: '01JD0000000000000000000C04',
  stakeholder: '01JD0000000000000000000C05',
  p1: '01JD0000000000000000000C06',
  p2: '01JD0000000000000000000C07',
  response1: '01JD0000000000000000000C08',
  response2: '01JD0000000000000000000C09',
  command: '01JD0000000000000000000C0A',
};
const keyA = 'a'.repeat(64);
const keyB = 'b'.repeat(64);
const token = 'tok_0123456789abcdefghijklmnop';
const opensAt = '2026-12-01T09:00:00.000Z';
const closesAt = '2026-12-15T17:00:00.000Z';
const during = '2026-12-04T10:00:00.000Z';

const meta = (role: Role, now = '2026-11-30T10:00:00.000Z'): CommandMeta => ({
  commandId: ids.command,
  actor: { userId: ids.user, stakeholderId: ids.stakeholder, role },
  now,
});

const openCommand = (
  overrides: Partial<OpenConsultation['data']> = {},
  role: Role = 'secretariat',
): OpenConsultation => ({
  type: 'OpenConsultation',
  data: {
    consultationId: ids.consultation,
    negotiationId: ids.negotiation,
    documentId: ids.document,
    revisionLabel: 'Zero draft',
    title: 'Views on the zero draft',
    intro: 'Tell us what works and what does not.',
    opensAt,
    closesAt,
    questions: [
      {
        kind: 'single',
        prompt: 'Is the scope right?',
        options: ['Too narrow', 'Right', 'Too broad'],
      },
      { kind: 'multiple', prompt: 'Which themes matter most?', options: ['Water', 'Heat', 'Soil'] },
      { kind: 'open', prompt: 'What would you change?', options: [] },
    ],
    audience: 'public',
    invitedStakeholderIds: [],
    identity: 'anonymous',
    linkToken: token,
    paragraphs: [
      { paragraphId: ids.p1, ref: 'PP 1', text: 'Recalling earlier commitments,' },
      { paragraphId: ids.p2, ref: 'OP 1', text: 'Decides to act.' },
    ],
    ...overrides,
  },
  meta: meta(role),
});

const given = (events: ConsultationEvent[]) => foldEvents(consultationDecider, events);
const opened = (): ConsultationEvent[] => consultationDecider.decide(openCommand(), given([]));

const answerCommand = (
  overrides: Partial<AnswerConsultation['data']> = {},
  now = during,
): AnswerConsultation => ({
  type: 'AnswerConsultation',
  data: {
    consultationId: ids.consultation,
    responseId: ids.response1,
    channel: 'link',
    respondent: { kind: 'anonymous' },
    respondentKey: keyA,
    linkToken: token,
    answers: [
      { questionId: 'q1', text: null, optionIds: ['o2'], paragraphIds: [] },
      { questionId: 'q3', text: 'Say more on heat.', optionIds: [], paragraphIds: [ids.p2] },
    ],
    ...overrides,
  },
  meta: { commandId: ids.command, actor: null, now },
});

describe('opening a consultation', () => {
  it('given nothing, when the secretariat opens one, then questions and options get ids', () => {
    const [event] = opened();
    expect(event).toMatchObject({
      type: 'ConsultationOpened',
      data: { openedBy: ids.user, linkToken: token, audience: 'public' },
    });
    if (event?.type !== 'ConsultationOpened') throw new Error('expected an opening');
    expect(event.data.questions.map((q) => q.questionId)).toEqual(['q1', 'q2', 'q3']);
    expect(event.data.questions[0]?.options.map((o) => o.optionId)).toEqual(['o1', 'o2', 'o3']);
  });

  it('given nothing, when a delegate opens one, then it is refused', () => {
    expect(() => consultationDecider.decide(openCommand({}, 'delegate'), given([]))).toThrow(
      /may not consultation.open/,
    );
  });

  it('given nothing, when it closes before it opens, then it is invalid', () => {
    expect(() =>
      consultationDecider.decide(openCommand({ closesAt: opensAt, opensAt: closesAt }), given([])),
    ).toThrow(/closes after it opens/);
  });

  it('given nothing, when a public one asks for identified answers, then it is invalid', () => {
    expect(() =>
      consultationDecider.decide(openCommand({ identity: 'identified' }), given([])),
    ).toThrow(/public consultations are anonymous/);
  });

  it('given nothing, when a choice question has one option, then it is invalid', () => {
    const questions = [{ kind: 'single' as const, prompt: 'Agree?', options: ['Yes'] }];
    expect(() => consultationDecider.decide(openCommand({ questions }), given([]))).toThrow(
      /at least two options/,
    );
  });

  it('given an open consultation, when it is opened again, then that is a conflict', () => {
    expect(() => consultationDecider.decide(openCommand(), given(opened()))).toThrow(
      /already open/,
    );
  });
});

describe('answering', () => {
  it('given an open consultation, when someone answers through the link, then the answer names nobody', () => {
    const [event] = consultationDecider.decide(answerCommand(), given(opened()));
    expect(event).toMatchObject({
      type: 'ConsultationAnswered',
      data: { respondent: { kind: 'anonymous' }, channel: 'link', answeredAt: during },
    });
  });

  it('given an answer from this browser, when it answers again, then it is refused', () => {
    const first = consultationDecider.decide(answerCommand(), given(opened()));
    expect(() =>
      consultationDecider.decide(
        answerCommand({ responseId: ids.response2 }),
        given([...opened(), ...first]),
      ),
    ).toThrow(/already answered/);
  });

  it('given a consultation not open yet, when someone answers, then it is refused', () => {
    expect(() =>
      consultationDecider.decide(answerCommand({}, '2026-11-30T12:00:00.000Z'), given(opened())),
    ).toThrow(/not open yet/);
  });

  it('given the end of the period, when someone answers, then it is refused', () => {
    expect(() => consultationDecider.decide(answerCommand({}, closesAt), given(opened()))).toThrow(
      /closed/,
    );
  });

  it('given a wrong link token, when someone answers, then there is no such link', () => {
    expect(() =>
      consultationDecider.decide(answerCommand({ linkToken: 'x'.repeat(30) }), given(opened())),
    ).toThrow(/No such consultation link/);
  });

  it('given a single-choice question, when two options are chosen, then it is invalid', () => {
    const answers = [{ questionId: 'q1', text: null, optionIds: ['o1', 'o2'], paragraphIds: [] }];
    expect(() => consultationDecider.decide(answerCommand({ answers }), given(opened()))).toThrow(
      /exactly one option/,
    );
  });

  it('given the revision, when an answer names a paragraph outside it, then it is invalid', () => {
    const answers = [
      { questionId: 'q3', text: 'Hm.', optionIds: [], paragraphIds: [ids.response2] },
    ];
    expect(() => consultationDecider.decide(answerCommand({ answers }), given(opened()))).toThrow(
      /not in the revision/,
    );
  });

  it('given an anonymous consultation, when an identified answer comes, then it is invalid', () => {
    const respondent = {
      kind: 'identified' as const,
      userId: ids.user,
      stakeholderId: ids.stakeholder,
    };
    expect(() =>
      consultationDecider.decide(answerCommand({ respondent }), given(opened())),
    ).toThrow(/takes anonymous answers/);
  });
});

describe('closing early', () => {
  const closeCommand = (role: Role = 'chair', now = during) =>
    ({
      type: 'CloseConsultation',
      data: { consultationId: ids.consultation, reason: 'Enough views gathered' },
      meta: meta(role, now),
    }) as const;

  it('given an open consultation, when the chair closes it, then answers after that are refused', () => {
    const closed = consultationDecider.decide(closeCommand(), given(opened()));
    expect(closed).toMatchObject([{ type: 'ConsultationClosed', data: { closedAt: during } }]);
    expect(() =>
      consultationDecider.decide(
        answerCommand({}, '2026-12-05T10:00:00.000Z'),
        given([...opened(), ...closed]),
      ),
    ).toThrow(/closed/);
  });

  it('given a closed consultation, when it is closed again, then that is a conflict', () => {
    const closed = consultationDecider.decide(closeCommand(), given(opened()));
    expect(() =>
      consultationDecider.decide(
        closeCommand('chair', '2026-12-05T10:00:00.000Z'),
        given([...opened(), ...closed]),
      ),
    ).toThrow(/already closed/);
  });

  it('given an open consultation, when an observer closes it, then it is refused', () => {
    expect(() => consultationDecider.decide(closeCommand('observer'), given(opened()))).toThrow(
      /may not consultation.close/,
    );
  });
});

describe('the phase, derived from the clock', () => {
  const period = { opensAt, closesAt, closedAt: null };
  it('is scheduled before, open during and closed after the period', () => {
    expect(consultationPhase(period, '2026-11-01T00:00:00.000Z')).toBe('scheduled');
    expect(consultationPhase(period, during)).toBe('open');
    expect(consultationPhase(period, closesAt)).toBe('closed');
    expect(consultationPhase({ ...period, closedAt: during }, during)).toBe('closed');
  });
});

describe('the synthesis', () => {
  it('counts options per question and answers per paragraph, and participation per day', () => {
    const [event] = opened();
    if (event?.type !== 'ConsultationOpened') throw new Error('expected an opening');
    const answer = (
      responseId: string,
      answeredAt: string,
      answers: ConsultationAnsweredData['answers'],
    ): ConsultationAnsweredData => ({
      consultationId: ids.consultation,
      responseId,
      channel: 'link',
      respondent: { kind: 'anonymous' },
      respondentKey: keyB,
      answers,
      answeredAt,
    });
    const synthesis = synthesise(event.data, [
      answer(ids.response1, '2026-12-02T10:00:00.000Z', [
        { questionId: 'q1', text: null, optionIds: ['o2'], paragraphIds: [ids.p1] },
        { questionId: 'q2', text: null, optionIds: ['o1', 'o2'], paragraphIds: [] },
      ]),
      answer(ids.response2, '2026-12-03T10:00:00.000Z', [
        { questionId: 'q1', text: null, optionIds: ['o2'], paragraphIds: [] },
        { questionId: 'q3', text: 'Name the heat.', optionIds: [], paragraphIds: [ids.p1, ids.p2] },
      ]),
    ]);
    expect(synthesis.responses).toBe(2);
    expect(synthesis.questions[0]?.options.map((o) => o.count)).toEqual([0, 2, 0]);
    expect(synthesis.questions[1]?.options.map((o) => o.count)).toEqual([1, 1, 0]);
    expect(synthesis.questions[2]?.texts).toMatchObject([
      { text: 'Name the heat.', refs: ['PP 1', 'OP 1'] },
    ]);
    expect(synthesis.paragraphs.map((p) => [p.ref, p.answers, p.excerpts.length])).toEqual([
      ['PP 1', 2, 1],
      ['OP 1', 1, 1],
    ]);
    expect(synthesis.participation).toEqual([
      { day: '2026-12-02', count: 1, cumulative: 1 },
      { day: '2026-12-03', count: 1, cumulative: 2 },
    ]);
  });
});
