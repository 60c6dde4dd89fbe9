// Private drafting: a delegation's or a group's amendment or statement, before it is tabled.
export * from './events.js';
export * from './commands.js';
export * from './state.js';
export * from './decider.js';
export * from './private-streams.js';
