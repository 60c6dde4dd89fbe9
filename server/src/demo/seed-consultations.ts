/**
 * The demo's consultation: the day Rev 1 is issued, the secretariat opens a public consultation
 * on the zero draft; people answer through its link without an account (some tying their words
 * to paragraphs), two civil-society members answer in the app, and the chair closes it early
 * once Rev 1 is out. Its synthesis and report are there to look at. Every answer is invented
 * for this demo, in original wording.
 */
import type { AnswerInput } from '@accord/shared';
import { DAY_MS, type Step } from './seed-schedule.js';
import type { SeedContext } from './seed-context.js';
import { fail } from './seed-context.js';

interface DemoAnswer {
  key: string;
  /** A person of the demo answering in the app, or nobody: the public link. */
  member?: string;
  answers: (paragraphId: (key: string) => string) => AnswerInput[];
}

const scope = (optionId: 'o1' | 'o2' | 'o3'): AnswerInput => ({
  questionId: 'q1',
  text: null,
  optionIds: [optionId],
  paragraphIds: [],
});
const priorities = (...optionIds: string[]): AnswerInput => ({
  questionId: 'q2',
  text: null,
  optionIds,
  paragraphIds: [],
});
const words = (text: string, paragraphIds: string[]): AnswerInput => ({
  questionId: 'q3',
  text,
  optionIds: [],
  paragraphIds,
});

const demoAnswers: readonly DemoAnswer[] = [
  {
    key: 'nurse',
    answers: (p) => [
      scope('o2'),
      priorities('o1', 'o3'),
      words(
        'Alerts three days ahead help hospitals, but only if night-time temperatures count too: our wards fill after hot nights, not hot days.',
        [p('op1')],
      ),
    ],
  },
  {
    key: 'builder',
    answers: (p) => [
      scope('o1'),
      priorities('o2'),
      words('Name construction sites outright. Rest breaks mean little when pay is by the piece.', [
        p('pp1'),
        p('op2'),
      ]),
    ],
  },
  { key: 'teacher', answers: () => [scope('o2'), priorities('o1', 'o4')] },
  {
    key: 'planner',
    answers: (p) => [
      scope('o2'),
      priorities('o3', 'o4'),
      words(
        'The hottest blocks are often the poorest; say that heat plans start there, with the residents at the table.',
        [p('pp2')],
      ),
    ],
  },
  { key: 'student', answers: () => [scope('o3'), priorities('o4')] },
  {
    key: 'cso-health',
    member: 'cso2',
    answers: (p) => [
      scope('o2'),
      priorities('o1', 'o3'),
      words(
        'Count heat deaths the same way everywhere, or the review in five years will compare apples with pears.',
        [p('op2')],
      ),
    ],
  },
  {
    key: 'cso-youth',
    member: 'cso3',
    answers: (p) => [
      scope('o1'),
      priorities('o4'),
      words('Schools need cool rooms before they need plans.', [p('op1'), p('pp1')]),
    ],
  },
];

export function consultationSteps(ctx: SeedContext): Step[] {
  const consultationId = ctx.idOf('consultation/zero-draft');
  const consultations = ctx.core.services.consultations;
  const stored = () =>
    consultations.get(consultationId) ?? fail('the demo consultation was not opened');
  return [
    {
      label: 'open a public consultation on the zero draft',
      phase: 'decisions',
      async run(now) {
        const secretariat = ctx.demo.people.find((p) => p.role === 'secretariat')!;
        await consultations.open(
          ctx.negotiationId,
          consultationId,
          {
            documentId: ctx.documentId,
            revisionLabel: 'Zero draft',
            title: 'Public consultation on the zero draft',
            intro:
              'The co-facilitators would like to hear from people who live and work with extreme heat. Tell us whether the zero draft aims right, what matters most, and which paragraphs you would change.',
            opensAt: now,
            closesAt: new Date(Date.parse(now) + 10 * DAY_MS).toISOString(),
            questions: [
              {
                kind: 'single',
                prompt: 'Is the scope of the zero draft right?',
                options: ['Too narrow', 'About right', 'Too broad'],
              },
              {
                kind: 'multiple',
                prompt: 'Which commitments matter most to you?',
                options: [
                  'Early warnings',
                  'Protecting outdoor workers',
                  'Cooler neighbourhoods',
                  'Schools and children',
                ],
              },
              { kind: 'open', prompt: 'What would you change, and where?', options: [] },
            ],
            audience: 'public',
            invitedStakeholderIds: [],
            identity: 'anonymous',
          },
          ctx.meta('consultation/open', ctx.actorOf(secretariat.key, 'consultation.open'), now),
        );
      },
    },
    ...demoAnswers.map((answer): Step => ({
      label: `answer the consultation (${answer.member ?? 'public link'}, ${answer.key})`,
      phase: 'decisions',
      async run(now) {
        const request = {
          answers: answer.answers(ctx.paragraphId),
          responseId: ctx.idOf(`consultation/response/${answer.key}`),
          commandId: ctx.commandIdOf(`consultation/answer/${answer.key}`),
          now,
        };
        if (answer.member) {
          const actor = ctx.actorOf(answer.member, 'consultation.answer');
          await consultations.answerAsMember(stored(), actor, request);
        } else {
          // A stand-in for the random cookie of each respondent's browser.
          const cookie = ctx.idOf(`consultation/browser/${answer.key}`);
          await consultations.answerByLink(stored(), cookie, request);
        }
      },
    })),
    {
      label: 'close the consultation once Rev 1 is out',
      phase: 'decisions',
      async run(now) {
        await consultations.close(
          consultationId,
          'Rev 1 has been issued; the views gathered are reflected in the synthesis.',
          ctx.meta('consultation/close', ctx.actorOf('chair1', 'consultation.close'), now),
        );
      },
    },
  ];
}
