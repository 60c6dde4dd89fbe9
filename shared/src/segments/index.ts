// A negotiation's sessions and segments, their access levels and each role's horizon.
export * from './events.js';
export * from './commands.js';
export * from './state.js';
export * from './decider.js';
export * from './access.js';
export * from './horizon.js';
