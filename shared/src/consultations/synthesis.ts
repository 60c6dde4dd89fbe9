// The synthesis of a consultation, a pure fold over its answers: per question (how many chose
// each option, the open answers in words), per paragraph (how many answers are attached to it,
// with their excerpts) and participation day by day. The server serves it and renders the
// report from it; the numbers are the same wherever it is computed.
import type { ConsultationAnsweredData, ConsultationOpenedData, QuestionKind } from './events.js';

export interface SynthesisExcerpt {
  responseId: string;
  questionId: string;
  text: string;
  /** The paragraphs (by ref) the answer is attached to. */
  refs: string[];
}

export interface QuestionSynthesis {
  questionId: string;
  kind: QuestionKind;
  prompt: string;
  /** Respondents who answered this question. */
  answered: number;
  options: { optionId: string; label: string; count: number }[];
  /** Open answers, and comments given with a choice, oldest first. */
  texts: SynthesisExcerpt[];
}

export interface ParagraphSynthesis {
  paragraphId: string;
  ref: string;
  text: string;
  /** Answers (one per respondent and question) attached to this paragraph. */
  answers: number;
  excerpts: SynthesisExcerpt[];
}

export interface ParticipationDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  count: number;
  cumulative: number;
}

export interface ConsultationSynthesis {
  responses: number;
  anonymous: number;
  identified: number;
  throughLink: number;
  questions: QuestionSynthesis[];
  /** Every paragraph of the revision, in order; those without answers have zero. */
  paragraphs: ParagraphSynthesis[];
  participation: ParticipationDay[];
}

export function synthesise(
  opened: Pick<ConsultationOpenedData, 'questions' | 'paragraphs'>,
  responses: readonly Pick<
    ConsultationAnsweredData,
    'responseId' | 'respondent' | 'channel' | 'answers' | 'answeredAt'
  >[],
): ConsultationSynthesis {
  const ordered = [...responses].sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
  const refOf = new Map(opened.paragraphs.map((p) => [p.paragraphId, p.ref]));
  const questions = new Map<string, QuestionSynthesis>(
    opened.questions.map((q) => [
      q.questionId,
      {
        questionId: q.questionId,
        kind: q.kind,
        prompt: q.prompt,
        answered: 0,
        options: q.options.map((o) => ({ ...o, count: 0 })),
        texts: [],
      },
    ]),
  );
  const paragraphs = new Map<string, ParagraphSynthesis>(
    opened.paragraphs.map((p) => [p.paragraphId, { ...p, answers: 0, excerpts: [] }]),
  );
  const days = new Map<string, number>();
  for (const response of ordered) {
    const day = response.answeredAt.slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
    for (const item of response.answers) {
      const question = questions.get(item.questionId);
      if (!question) continue;
      question.answered += 1;
      for (const option of question.options) {
        if (item.optionIds.includes(option.optionId)) option.count += 1;
      }
      const excerpt: SynthesisExcerpt | null =
        item.text === null || item.text === ''
          ? null
          : {
              responseId: response.responseId,
              questionId: item.questionId,
              text: item.text,
              refs: item.paragraphIds.flatMap((id) => refOf.get(id) ?? []),
            };
      if (excerpt) question.texts.push(excerpt);
      for (const paragraphId of item.paragraphIds) {
        const paragraph = paragraphs.get(paragraphId);
        if (!paragraph) continue;
        paragraph.answers += 1;
        if (excerpt) paragraph.excerpts.push(excerpt);
      }
    }
  }
  let cumulative = 0;
  const participation = [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, count]) => ({ day, count, cumulative: (cumulative += count) }));
  return {
    responses: ordered.length,
    anonymous: ordered.filter((r) => r.respondent.kind === 'anonymous').length,
    identified: ordered.filter((r) => r.respondent.kind === 'identified').length,
    throughLink: ordered.filter((r) => r.channel === 'link').length,
    questions: [...questions.values()],
    paragraphs: [...paragraphs.values()],
    participation,
  };
}
