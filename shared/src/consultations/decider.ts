// Decides a consultation's commands: opening it (chair or secretariat, a sound period and
// questions), answering it (while open, once per respondent, only with this consultation's
// questions, options and paragraphs, with the identity the consultation asks for), and closing
// it early. Questions and options get short ids from their order here, so the ids are stable.
import { Conflict, Invalid, NotFound, type Decider } from '../decider.js';
import { assertCan } from '../permissions.js';
import type {
  AnswerConsultation,
  CloseConsultation,
  ConsultationCommand,
  OpenConsultation,
  QuestionInput,
} from './commands.js';
import type { AnswerItem, ConsultationEvent, ConsultationQuestion } from './events.js';
import { CONSULTATION_PERIOD_DAYS_MAX } from './limits.js';
import { consultationPhase } from './phase.js';
import { evolveConsultation, initialConsultationState, type ConsultationState } from './state.js';

const DAY_MS = 86_400_000;

const invalid = (reason: string, message: string) => new Invalid(message, { reason });

function questionOf(input: QuestionInput, index: number): ConsultationQuestion {
  const questionId = `q${index + 1}`;
  if (input.kind === 'open' && input.options.length > 0) {
    throw invalid('open-question-with-options', `Question ${index + 1} is open and has no options`);
  }
  if (input.kind !== 'open' && input.options.length < 2) {
    throw invalid('too-few-options', `Question ${index + 1} needs at least two options`);
  }
  if (new Set(input.options).size !== input.options.length) {
    throw invalid('duplicate-option', `Question ${index + 1} lists an option twice`);
  }
  return {
    questionId,
    kind: input.kind,
    prompt: input.prompt,
    options: input.options.map((label, i) => ({ optionId: `o${i + 1}`, label })),
  };
}

function open(command: OpenConsultation, state: ConsultationState): ConsultationEvent[] {
  const { data, meta } = command;
  assertCan(meta.actor.role, 'consultation.open');
  if (state.status !== 'none') {
    throw new Conflict('This consultation is already open', { reason: 'consultation-exists' });
  }
  const opensAt = Date.parse(data.opensAt);
  const closesAt = Date.parse(data.closesAt);
  if (closesAt <= opensAt) throw invalid('period-reversed', 'A consultation closes after it opens');
  if (closesAt <= Date.parse(meta.now)) {
    throw invalid('period-over', 'The period is already over');
  }
  if (closesAt - opensAt > CONSULTATION_PERIOD_DAYS_MAX * DAY_MS) {
    throw invalid(
      'period-too-long',
      `A consultation runs ${CONSULTATION_PERIOD_DAYS_MAX} days at most`,
    );
  }
  if (data.audience === 'public' && data.identity === 'identified') {
    throw invalid(
      'public-identified',
      'A public link cannot vouch for who answers: public consultations are anonymous',
    );
  }
  if (data.audience === 'public' && data.linkToken === null) {
    throw invalid('link-token-missing', 'A public consultation needs its link');
  }
  if (data.audience === 'invited' && data.linkToken !== null) {
    throw invalid('link-token-unexpected', 'Only a public consultation has a link');
  }
  if (data.audience === 'public' && data.invitedStakeholderIds.length > 0) {
    throw invalid('public-with-invitees', 'A public consultation invites nobody by name');
  }
  if (data.paragraphs.length === 0) {
    throw invalid('revision-empty', 'The revision has no paragraphs to consult on');
  }
  return [
    {
      type: 'ConsultationOpened',
      data: {
        consultationId: data.consultationId,
        negotiationId: data.negotiationId,
        documentId: data.documentId,
        revisionLabel: data.revisionLabel,
        title: data.title,
        intro: data.intro,
        opensAt: new Date(opensAt).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        questions: data.questions.map(questionOf),
        audience: data.audience,
        invitedStakeholderIds: [...new Set(data.invitedStakeholderIds)],
        identity: data.identity,
        linkToken: data.linkToken,
        paragraphs: data.paragraphs,
        openedBy: meta.actor.userId,
        openedAt: meta.now,
      },
    },
  ];
}

function checkedItem(
  item: AnswerConsultation['data']['answers'][number],
  questions: ReadonlyMap<string, ConsultationQuestion>,
  paragraphIds: ReadonlySet<string>,
): AnswerItem {
  const question = questions.get(item.questionId);
  if (!question) throw invalid('unknown-question', `No question ${item.questionId}`);
  const text = item.text?.trim() ?? '';
  const known = new Set(question.options.map((o) => o.optionId));
  if (item.optionIds.some((id) => !known.has(id))) {
    throw invalid('unknown-option', `Question ${question.questionId} has no such option`);
  }
  if (new Set(item.optionIds).size !== item.optionIds.length) {
    throw invalid('duplicate-option', 'An option is chosen twice');
  }
  if (question.kind === 'open' && (text === '' || item.optionIds.length > 0)) {
    throw invalid('open-answer-needs-text', `Question ${question.questionId} is answered in words`);
  }
  if (question.kind === 'single' && item.optionIds.length !== 1) {
    throw invalid('single-choice', `Question ${question.questionId} takes exactly one option`);
  }
  if (question.kind === 'multiple' && item.optionIds.length === 0) {
    throw invalid('no-choice', `Question ${question.questionId} takes at least one option`);
  }
  if (item.paragraphIds.some((id) => !paragraphIds.has(id))) {
    throw invalid('unknown-paragraph', 'An answer is attached to a paragraph not in the revision');
  }
  return {
    questionId: question.questionId,
    text: question.kind === 'open' ? text : text === '' ? null : text,
    optionIds: item.optionIds,
    paragraphIds: [...new Set(item.paragraphIds)],
  };
}

function answer(command: AnswerConsultation, state: ConsultationState): ConsultationEvent[] {
  const { data, meta } = command;
  if (state.status === 'none') throw new NotFound('No such consultation');
  const { opened } = state;
  const phase = consultationPhase({ ...opened, closedAt: state.closedAt }, meta.now);
  if (phase === 'scheduled') {
    throw new Conflict('This consultation is not open yet', { reason: 'consultation-not-open' });
  }
  if (phase === 'closed') {
    throw new Conflict('This consultation is closed', { reason: 'consultation-closed' });
  }
  if (
    data.channel === 'link' &&
    (opened.linkToken === null || data.linkToken !== opened.linkToken)
  ) {
    throw new NotFound('No such consultation link');
  }
  if (data.respondent.kind !== opened.identity) {
    throw invalid('identity-mismatch', `This consultation takes ${opened.identity} answers`);
  }
  if (state.responseIds.has(data.responseId)) {
    throw new Conflict('This answer is already recorded', { reason: 'response-exists' });
  }
  if (state.respondentKeys.has(data.respondentKey)) {
    throw new Conflict('You have already answered this consultation', {
      reason: 'already-answered',
    });
  }
  const questions = new Map(opened.questions.map((q) => [q.questionId, q]));
  const paragraphIds = new Set(opened.paragraphs.map((p) => p.paragraphId));
  const answers = data.answers.map((item) => checkedItem(item, questions, paragraphIds));
  if (new Set(answers.map((a) => a.questionId)).size !== answers.length) {
    throw invalid('duplicate-question', 'A question is answered twice');
  }
  return [
    {
      type: 'ConsultationAnswered',
      data: {
        consultationId: data.consultationId,
        responseId: data.responseId,
        channel: data.channel,
        respondent: data.respondent,
        respondentKey: data.respondentKey,
        answers,
        answeredAt: meta.now,
      },
    },
  ];
}

function close(command: CloseConsultation, state: ConsultationState): ConsultationEvent[] {
  const { data, meta } = command;
  assertCan(meta.actor.role, 'consultation.close');
  if (state.status === 'none') throw new NotFound('No such consultation');
  if (consultationPhase({ ...state.opened, closedAt: state.closedAt }, meta.now) === 'closed') {
    throw new Conflict('This consultation is already closed', { reason: 'consultation-closed' });
  }
  return [
    {
      type: 'ConsultationClosed',
      data: {
        consultationId: data.consultationId,
        reason: data.reason,
        closedBy: meta.actor.userId,
        closedAt: meta.now,
      },
    },
  ];
}

export const consultationDecider: Decider<
  ConsultationCommand,
  ConsultationEvent,
  ConsultationState
> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'OpenConsultation':
        return open(command, state);
      case 'AnswerConsultation':
        return answer(command, state);
      case 'CloseConsultation':
        return close(command, state);
    }
  },
  evolve: evolveConsultation,
  initialState: initialConsultationState,
};
