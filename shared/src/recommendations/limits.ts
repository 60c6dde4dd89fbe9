// Bounds on a recommendation, so one submission cannot make an event, a read-model row or the
// uptake report unreasonably large, and themes stay short tags rather than essays.
export const RECOMMENDATION_TITLE_MAX = 200;
export const RECOMMENDATION_WORDING_MAX = 4_000;
export const RECOMMENDATION_RATIONALE_MAX = 4_000;
export const RECOMMENDATION_PARAGRAPHS_MAX = 10;
export const RECOMMENDATION_THEMES_MAX = 5;
export const RECOMMENDATION_THEME_CHARS_MAX = 40;
