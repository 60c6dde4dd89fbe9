// Recommendations of civil society and observers, and their uptake by delegations: the stream's
// decider, the fate drawn from the record, and the uptake report's figures.
export * from './commands.js';
export * from './decider.js';
export * from './events.js';
export * from './fate.js';
export * from './figures.js';
export * from './limits.js';
export * from './state.js';
