// Action pledges towards an adopted text: registration, revision, progress reports and
// withdrawal; the history replay, the objectives of the adopted text, and the review per objective.
export * from './commands.js';
export * from './decider.js';
export * from './events.js';
export * from './limits.js';
export * from './objectives.js';
export * from './review.js';
export * from './state.js';
export * from './view.js';
