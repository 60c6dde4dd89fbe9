// Language versions of a document's text: translations per paragraph, linked to the original
// words they translate, current or out of date as the original changes.
export * from './languages.js';
export * from './fingerprint.js';
export * from './events.js';
export * from './commands.js';
export * from './state.js';
export * from './decider.js';
export * from './version.js';
export * from './burndown.js';
