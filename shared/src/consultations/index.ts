// Consultations on a draft: opened on an issued revision, answered by invited members or anyone
// with a public link, closed at the end of the period (derived) or early, and synthesised.
export * from './commands.js';
export * from './decider.js';
export * from './events.js';
export * from './limits.js';
export * from './phase.js';
export * from './state.js';
export * from './synthesis.js';
