// Bounds on what a consultation takes in, so that one consultation or one answer cannot make an
// event, a read-model row or a report unreasonably large.
export const CONSULTATION_TITLE_MAX = 200;
export const CONSULTATION_INTRO_MAX = 5_000;
export const CONSULTATION_QUESTIONS_MAX = 20;
export const CONSULTATION_OPTIONS_MAX = 12;
export const CONSULTATION_PROMPT_MAX = 500;
export const CONSULTATION_OPTION_LABEL_MAX = 200;
export const CONSULTATION_ANSWER_TEXT_MAX = 4_000;
/** Paragraphs one answer may be attached to. */
export const CONSULTATION_ANSWER_PARAGRAPHS_MAX = 10;
/** Invited stakeholders listed by name; an empty list invites every member. */
export const CONSULTATION_INVITED_MAX = 500;
/** Paragraphs of the revision frozen into the consultation (a long compact has ~100). */
export const CONSULTATION_PARAGRAPHS_MAX = 2_000;
/** The longest period a consultation may run, in days. */
export const CONSULTATION_PERIOD_DAYS_MAX = 180;
