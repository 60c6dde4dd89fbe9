// Bounds on what a pledge takes in, so that one pledge or one report cannot make an event, a read
// model row or a public page unreasonably large.
export const PLEDGE_TITLE_CHARS_MAX = 300;
export const PLEDGE_COMMITMENTS_CHARS_MAX = 8_000;
export const PLEDGE_PARTNERS_MAX = 30;
export const PLEDGE_INDICATORS_MAX = 20;
/** Objectives and paragraphs a pledge links to, together. */
export const PLEDGE_LINKS_MAX = 40;
export const PLEDGE_NARRATIVE_CHARS_MAX = 8_000;
/** A pledge's progress reports over its life; quarterly reports for decades fit. */
export const PLEDGE_REPORTS_MAX = 200;
/** The review window by default: a pledge with no report in the last 180 days is silent. */
export const REVIEW_WINDOW_DAYS_DEFAULT = 180;
export const REVIEW_WINDOW_DAYS_MAX = 3_650;
